/** npm run guides:schema — regenerates guides/guide.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { guideJsonSchemaText } from '../core/guide/jsonSchema';

writeFileSync('guides/guide.schema.json', guideJsonSchemaText());
console.log('guides/guide.schema.json written');
