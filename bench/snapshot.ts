/**
 * Snapshot speed: what GET /v1/snapshots costs an admin over a large org's counters. The data is
 * what 10,000 browsers would have sent over 90 days: the demo generator (server/seed/) scaled up,
 * each browser's day turned into its signals and ingested batch by batch into a SQLite store.
 * Counters are kept per day and key, not per user, so the rows read grow with the variety of
 * pages, guides and fields used, far less than with users.
 *
 * Measured, for a 30-day period and for a 30-day period with a 30-day baseline:
 * - in process: `store.counters` over the span the endpoint reads, `buildSnapshot`, and
 *   `JSON.stringify` of the result (phases and total);
 * - end to end: GET /v1/snapshots over loopback HTTP, admin token, body read in full.
 * The same two snapshots over the 200-user demo org (the seed:demo default) are the baseline.
 *
 * Generating and ingesting takes tens of seconds, so the store is cached under .bench/, keyed by
 * everything that shapes it (generator, guides, options); a stale cache is rebuilt.
 *
 *   npx tsx bench/snapshot.ts        (or as part of npm run bench)
 */
import { percentile } from './percentile';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSnapshot, addDays, rowsNeeded, type Period } from '../core/snapshot';
import { startEndpoint } from '../server/index';
import { demoData, type DemoOptions } from '../server/seed/demoData';
import { readGuides } from '../server/guidePack';
import { openSqliteStore } from '../server/stores/sqlite';
import type { SignalStore } from '../server/stores/types';
import { createToken } from '../server/tokens';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = join(ROOT, '.bench');
const ORG = 'bench';
/** A fixed last day, so that the cached data stays valid from one day to the next. */
const LAST_DAY = '2026-06-30';
export const SNAPSHOT_GOAL_MS = 300;

/** Files whose content shapes the generated counters: a change to any rebuilds the cache. */
const SOURCES = [
  'server/seed/demoData.ts',
  'server/seed/demoPack.ts',
  'server/seed/browsers.ts',
  'server/seed/workingDay.ts',
  'server/seed/guideActivity.ts',
  'server/seed/simulateDay.ts',
  'core/guideRun.ts',
  'core/workflow.ts',
  'core/match.ts',
  'core/fieldRules.ts',
  'core/signals.ts',
  'server/stores/migrations.ts',
];

export interface SnapshotBenchOptions {
  users: number;
  days: number;
  /** Timed runs per case (after two warm-up runs). */
  runs: number;
}

export interface Timing {
  medianMs: number;
  p95Ms: number;
}

export interface SnapshotCase {
  name: string;
  period: Period;
  baseline: Period | null;
  /** Counter rows the snapshot reads. */
  rows: number;
  /** Bytes of snapshot JSON. */
  bytes: number;
  total: Timing;
  /** Medians of the in-process phases. */
  queryMs: number;
  buildMs: number;
  jsonMs: number;
  http: Timing;
}

export interface DataSet {
  users: number;
  days: number;
  /** Counter rows in the store, all days. */
  rows: number;
  batches: number;
  signals: number;
  /** Seconds generating and ingesting took (when the data was made, if it came from the cache). */
  setupSeconds: number;
  cached: boolean;
  cases: SnapshotCase[];
}

export interface SnapshotBenchResult {
  /** Timed runs per case. */
  runs: number;
  large: DataSet;
  /** The seed:demo default, measured the same way in the same run. */
  demo: DataSet;
}

const timing = (samples: number[]): Timing => ({
  medianMs: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
});

interface Generated {
  batches: number;
  signals: number;
  /** Seconds spent generating and ingesting. */
  seconds: number;
}

/** Generates the data set and ingests it as the browsers' batches, day by day. */
async function fill(store: SignalStore, options: DemoOptions): Promise<Omit<Generated, 'seconds'>> {
  let batches = 0;
  let signals = 0;
  for (const day of demoData(options).days()) {
    const results = await Promise.all(
      day.batches.map((b) => store.ingest(ORG, b.batchId, b.signals)),
    );
    if (results.some((r) => r.duplicate)) throw new Error('a generated batch id came twice');
    batches += day.batches.length;
    for (const b of day.batches) signals += b.signals.length;
  }
  return { batches, signals };
}

function cacheKey(options: DemoOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ...options, guides: options.guides.map((g) => [g.id, g.version]) }));
  for (const file of SOURCES) hash.update(readFileSync(join(ROOT, file)));
  hash.update(JSON.stringify(options.guides));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The SQLite file of a data set: from the cache when it matches, else generated into it. What
 * generating it took is kept beside it (a .json file), for the report.
 */
async function dataFile(
  options: DemoOptions,
  cache: boolean,
  workDir: string,
): Promise<{ file: string; generated: Generated; cached: boolean }> {
  const name = `snapshot-${options.users}x${options.days}-${cacheKey(options)}`;
  const file = join(cache ? CACHE_DIR : workDir, `${name}.sqlite`);
  const facts = join(CACHE_DIR, `${name}.json`);
  if (cache && existsSync(file) && existsSync(facts)) {
    return { file, generated: JSON.parse(readFileSync(facts, 'utf8')) as Generated, cached: true };
  }
  const started = performance.now();
  const target = cache ? `${file}.partial` : file;
  rmSync(target, { force: true });
  const store = openSqliteStore(target);
  let counts: Omit<Generated, 'seconds'>;
  try {
    counts = await fill(store, options);
  } finally {
    await store.close(); // checkpoints the write-ahead log into the file
  }
  const generated = { ...counts, seconds: (performance.now() - started) / 1000 };
  if (!cache) return { file, generated, cached: false };
  // Older data sets of the same size are stale: keep one per size.
  for (const old of readdirSync(CACHE_DIR)) {
    if (old.startsWith(`snapshot-${options.users}x${options.days}-`) && !old.startsWith(name)) {
      rmSync(join(CACHE_DIR, old), { force: true });
    }
  }
  renameSync(target, file);
  writeFileSync(facts, `${JSON.stringify(generated)}\n`);
  return { file, generated, cached: false };
}

async function measure(
  file: string,
  options: SnapshotBenchOptions,
  generated: Generated,
  cached: boolean,
  workDir: string,
): Promise<DataSet> {
  // A copy: the endpoint writes a token, and the cached file stays as generated.
  const copy = join(workDir, `measured-${options.users}.sqlite`);
  copyFileSync(file, copy);
  const endpoint = await startEndpoint({ port: 0, sqlitePath: copy, rateLimit: false });
  try {
    const { store } = endpoint;
    const stats = await store.orgData(ORG);
    const { token } = await createToken(store, ORG, 'admin');
    const last = stats.to ?? LAST_DAY;
    const period = { from: addDays(last, -29), to: last };
    const baseline = { from: addDays(last, -59), to: addDays(last, -30) };
    const cases: SnapshotCase[] = [];
    for (const [name, base] of [
      ['30 days', null],
      ['30 days + 30-day baseline', baseline],
    ] as const) {
      // The span the endpoint reads: both periods widened to whole ISO weeks.
      const spans = [period, ...(base ? [base] : [])].map(rowsNeeded);
      const span = {
        from: spans.map((p) => p.from).reduce((a, b) => (a < b ? a : b)),
        to: spans.map((p) => p.to).reduce((a, b) => (a > b ? a : b)),
      };
      const totals: number[] = [];
      const query: number[] = [];
      const build: number[] = [];
      const json: number[] = [];
      let rows = 0;
      let bytes = 0;
      for (let run = -2; run < options.runs; run++) {
        const t0 = performance.now();
        const counters = await store.counters(ORG, span);
        const t1 = performance.now();
        const snapshot = buildSnapshot(counters, { period, baseline: base, k: 5 });
        const t2 = performance.now();
        const body = JSON.stringify(snapshot);
        const t3 = performance.now();
        rows = counters.length;
        bytes = body.length;
        if (run < 0) continue;
        query.push(t1 - t0);
        build.push(t2 - t1);
        json.push(t3 - t2);
        totals.push(t3 - t0);
      }
      const params = new URLSearchParams({ from: period.from, to: period.to });
      if (base) {
        params.set('baselineFrom', base.from);
        params.set('baselineTo', base.to);
      }
      const url = `${endpoint.url}/v1/snapshots?${params.toString()}`;
      const http: number[] = [];
      for (let run = -2; run < options.runs; run++) {
        const t0 = performance.now();
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const text = await response.text();
        const elapsed = performance.now() - t0;
        if (response.status !== 200)
          throw new Error(`GET /v1/snapshots: ${response.status} ${text}`);
        if (run >= 0) http.push(elapsed);
      }
      cases.push({
        name,
        period,
        baseline: base,
        rows,
        bytes,
        total: timing(totals),
        queryMs: percentile(query, 50),
        buildMs: percentile(build, 50),
        jsonMs: percentile(json, 50),
        http: timing(http),
      });
    }
    return {
      users: options.users,
      days: options.days,
      rows: stats.counters,
      batches: generated.batches,
      signals: generated.signals,
      setupSeconds: generated.seconds,
      cached,
      cases,
    };
  } finally {
    await endpoint.close();
  }
}

function generatorOptions(users: number, days: number): DemoOptions {
  return {
    guides: readGuides(),
    users,
    days,
    seed: 1,
    lastDay: LAST_DAY,
    // Several times faster, and held equal to the extension's aggregation by the unit tests.
    aggregation: 'counted',
  };
}

async function dataSet(
  options: SnapshotBenchOptions,
  cache: boolean,
  workDir: string,
): Promise<DataSet> {
  const demo = generatorOptions(options.users, options.days);
  const { file, generated, cached } = await dataFile(demo, cache, workDir);
  return measure(file, options, generated, cached, workDir);
}

/**
 * The large data set's SQLite file, from the cache under .bench/ (made when missing or stale),
 * with its org and last day: other benches read the same counters.
 */
export async function largeDataFile(
  users = 10_000,
  days = 90,
): Promise<{ file: string; org: string; lastDay: string }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const { file } = await dataFile(generatorOptions(users, days), true, CACHE_DIR);
  return { file, org: ORG, lastDay: LAST_DAY };
}

export async function snapshotBench(
  options: Partial<SnapshotBenchOptions> = {},
): Promise<SnapshotBenchResult> {
  const runs = options.runs ?? Number(process.env.BENCH_SNAPSHOT_RUNS ?? 15);
  mkdirSync(CACHE_DIR, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'waymark-snapshot-'));
  try {
    const large = await dataSet(
      { users: options.users ?? 10_000, days: options.days ?? 90, runs },
      true,
      workDir,
    );
    const demo = await dataSet({ users: 200, days: 60, runs }, false, workDir);
    return { runs, large, demo };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const n = (value: number) => value.toLocaleString('en-US');

/** The report npm run bench prints. */
export function snapshotReport({ runs, large, demo }: SnapshotBenchResult): string[] {
  const made = `generated and ingested in ${large.setupSeconds.toFixed(1)} s`;
  const setup = large.cached
    ? `from the .bench/ cache, ${made} then`
    : `${made}, now cached in .bench/`;
  const lines = [
    `Snapshot of ${n(large.users)} users × ${large.days} days on SQLite, ${runs} runs each`,
    `  data: ${n(large.batches)} batches, ${n(large.signals)} signals → ${n(large.rows)} counter rows (${setup})`,
  ];
  for (const c of large.cases) {
    const small = demo.cases.find((d) => d.name === c.name);
    lines.push(
      `  ${c.name}: ${n(c.rows)} rows read, ${(c.bytes / 1024).toFixed(0)} kB of JSON`,
      `    query + build + JSON  median ${ms(c.total.medianMs)}   p95 ${ms(c.total.p95Ms)}   goal ${SNAPSHOT_GOAL_MS} ms   ratio p95/goal ${(c.total.p95Ms / SNAPSHOT_GOAL_MS).toFixed(2)}`,
      `      phases (medians): query ${ms(c.queryMs)}, buildSnapshot ${ms(c.buildMs)}, JSON.stringify ${ms(c.jsonMs)}`,
      `    GET /v1/snapshots     median ${ms(c.http.medianMs)}   p95 ${ms(c.http.p95Ms)}   ratio p95/goal ${(c.http.p95Ms / SNAPSHOT_GOAL_MS).toFixed(2)}`,
    );
    if (small) {
      lines.push(
        `    baseline: ${n(demo.users)} users × ${demo.days} days (${n(small.rows)} rows read)  median ${ms(small.total.medianMs)}, HTTP ${ms(small.http.medianMs)}   ratio ${(c.total.medianMs / small.total.medianMs).toFixed(1)}×`,
      );
    }
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of snapshotReport(await snapshotBench())) console.log(line);
}
