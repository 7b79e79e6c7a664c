/**
 * npm run guides:doctor -- --url URL [--user-data-dir DIR] [--timeout MS] [--json] [files…]
 * Checks, in a live CRM page, that every step of the guides matching it still finds its target.
 */
import { main } from './doctor/run';

process.exitCode = await main(process.argv.slice(2));
