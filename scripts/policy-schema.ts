/** npm run policy:schema — regenerates public/managed_schema.json from the policy's zod schema. */
import { writeFileSync } from 'node:fs';
import { managedSchemaText } from '../core/policy';

writeFileSync('public/managed_schema.json', managedSchemaText());
console.log('public/managed_schema.json written');
