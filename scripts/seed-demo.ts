/** npm run seed:demo — realistic demo data in the endpoint's store (see server/seed/). */
import { runSeedDemo } from '../server/seed/command';

process.exitCode = await runSeedDemo(process.argv.slice(2), process.env);
