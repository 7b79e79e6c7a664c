/**
 * Builds every conformance page into `.output/conformance` (`npm run build:conformance`): the
 * Salesforce Lightning record page in both shadow modes, and the Dynamics 365 form.
 */
import { join } from 'node:path';
import { buildDynamicsPage } from './dynamics/build';
import { buildSalesforcePages } from './salesforce/build';
import { CONFORMANCE_DIR } from './server';

await Promise.all([
  buildSalesforcePages(join(CONFORMANCE_DIR, 'salesforce')),
  buildDynamicsPage(join(CONFORMANCE_DIR, 'dynamics')),
]);
