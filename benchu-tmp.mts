import { startDemoServer } from './demo/server.ts';
import { usageThroughput } from './bench/usage.ts';
const s = await startDemoServer({ port: 0 });
console.log(await usageThroughput(s.url, 100000));
await s.close();
