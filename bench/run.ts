/**
 * npm run bench — the budgets of the extension, measured on the real build in a real browser,
 * each printed with its baseline from the same run. Nothing here asserts: these are figures.
 */
import { spawnSync } from 'node:child_process';
import { startDemoServer } from '../demo/server';
import { percentile } from './browser';
import { idleOverhead } from './idle';
import { insertToVisible } from './latency';
import { ingestBench } from './ingest';
import { dashboardPaint, dashboardReport } from './dashboard';
import { bytesPerUserDay } from './signalBytes';
import { snapshotBench, snapshotReport } from './snapshot';
import { usageThroughput } from './usage';
import { CONTENT_BUDGET_BYTES, contentScriptBytes, guideUiBytes, shepherdBytes } from './size';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const median = (values: number[]) => percentile(values, 50);

for (const script of ['build', 'build:dashboard']) {
  if (spawnSync('npm', ['run', '--silent', script], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`npm run ${script} failed`);
  }
}

console.log('Waymark budgets (npm run bench)\n');

const content = contentScriptBytes();
const ui = guideUiBytes();
const shepherd = await shepherdBytes();
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const budget = kB(CONTENT_BUDGET_BYTES);
console.log('Script weight, JS + CSS, gzip -9');
console.log(
  `  content script, on every CRM page  ${kB(content)}   budget ${budget}   ratio ${ratio(content, CONTENT_BUDGET_BYTES)}`,
);
console.log(`  guide UI, injected only when a guide shows  ${kB(ui)}`);
console.log(
  `  both (a page showing a guide)  ${kB(content + ui)}   ratio to ${budget} ${ratio(content + ui, CONTENT_BUDGET_BYTES)}`,
);
console.log(
  `  shepherd (baseline, same minifier)  ${kB(shepherd)}   both/shepherd ${ratio(content + ui, shepherd)}\n`,
);

const server = await startDemoServer({ port: 0 });
try {
  const trials = Number(process.env.BENCH_TRIALS ?? 100);
  const samples = await insertToVisible(server.url, trials);
  const p95 = percentile(samples, 95);
  console.log(`Target inserted → step visible, ${samples.length} trials`);
  console.log(`  median ${ms(median(samples))}   p95 ${ms(p95)}   max ${ms(Math.max(...samples))}`);
  console.log(
    `  budget one frame ${ms(1000 / 60)}   ratio p95/budget ${(p95 / (1000 / 60)).toFixed(2)}\n`,
  );

  const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const idle = await idleOverhead(server.url, rounds, seconds);
  const ratios = idle.withExtension.map((w, k) => w / (idle.without[k] ?? w) - 1);
  const overhead = median(ratios);
  const pct = (r: number) => `${(r * 100).toFixed(2)} %`;
  const perFrame = (values: number[]) => values.map((v) => ms(v * 1000)).join(', ');
  console.log(
    `Idle extension on a heavy page (10,000 nodes, mutations every frame), ${rounds} pairs × ${seconds} s`,
  );
  console.log(`  extra main-thread time per frame, median of pairs ${pct(overhead)}   budget 2 %`);
  console.log(`  per pair: ${ratios.map(pct).join(', ')}`);
  console.log(`  runs with:    ${perFrame(idle.withExtension)}`);
  console.log(`  runs without: ${perFrame(idle.without)}`);

  const eventCount = Number(process.env.BENCH_EVENTS ?? 100_000);
  const usage = await usageThroughput(server.url, eventCount);
  const rate = usage.events / usage.persistSeconds;
  console.log(`\nUsage events, content script → background → IndexedDB, ${usage.events} events`);
  console.log(
    `  persisted ${Math.round(rate)} events/s (all stored after ${usage.persistSeconds.toFixed(2)} s)   goal 20000/s   ratio ${(rate / 20000).toFixed(2)}`,
  );
  console.log(
    `  one record() call in the content script: median ${usage.recordMedianMicros.toFixed(2)} µs, p95 ${usage.recordP95Micros.toFixed(2)} µs   goal ≤ 20 µs`,
  );
} finally {
  await server.close();
}

const seconds = Number(process.env.BENCH_INGEST_SECONDS ?? 8);
console.log(`\nEndpoint ingest, loopback load generator, batches of 50 signals, ${seconds} s each`);
for (const store of ['sqlite', 'postgres'] as const) {
  const result = await ingestBench({ store, seconds, concurrency: 32 });
  console.log(
    `  ${store.padEnd(8)} ${Math.round(result.batchesPerSecond)} batches/s   p50 ${ms(result.p50Ms)}   p99 ${ms(result.p99Ms)}   goal 2000/s   ratio ${(result.batchesPerSecond / 2000).toFixed(2)}`,
  );
}

const day = bytesPerUserDay();
console.log(`\nBytes sent per active user per day (a typical rep's day, one delivery)`);
console.log(
  `  ${day.sent} bytes (${day.signals} counters; ${day.json} bytes as plain JSON, sent gzip-encoded)   goal 2048   ratio ${(day.sent / 2048).toFixed(2)}`,
);

console.log('');
for (const line of snapshotReport(await snapshotBench())) console.log(line);
console.log('');
for (const line of dashboardReport(await dashboardPaint())) console.log(line);
