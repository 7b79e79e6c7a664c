/**
 * npm run openapi:schema — writes the generated parts of server/openapi.json (the signal's wire
 * schema, the error codes) from the code, formatted as the repository formats JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { withGeneratedSchemas } from '../server/openapiSchemas';

const FILE = 'server/openapi.json';
const doc = withGeneratedSchemas(JSON.parse(readFileSync(FILE, 'utf8')));
const options = { ...(await resolveConfig(FILE)), filepath: FILE };
writeFileSync(FILE, await format(JSON.stringify(doc, null, 2), options));
console.log(`${FILE} written`);
