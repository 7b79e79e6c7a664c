/**
 * Ingest throughput of the endpoint: batches of 50 realistic signals, each with a new batch id,
 * posted over loopback keep-alive connections at a fixed concurrency for a fixed time. The
 * endpoint runs in this thread and the load generator in a worker thread; they share the
 * machine's cores with each other and with PostgreSQL when it is the store. Every batch goes
 * through validation and the exactly-once transaction; at the end the stored counts are checked
 * against what was accepted.
 */
import { seededRandom } from '../core/random';
import { percentile } from './percentile';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { signalKey, type Signal } from '../core/signals';
import { startEndpoint } from '../server/index';
import { createToken } from '../server/tokens';
import { startTestDatabase } from '../scripts/postgres';

export interface IngestBenchOptions {
  store: 'sqlite' | 'postgres';
  seconds: number;
  concurrency: number;
}

export interface IngestBenchResult {
  batchesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  batches: number;
}

const SIGNALS_PER_BATCH = 50;
/** Not measured: lets the JIT and the connection pools settle. */
const WARM_UP_MS = 500;

/** Picks from a list with weights falling as 1/rank, as page and guide use does. */
function zipf<T>(items: readonly T[], random: () => number): T {
  const weights = items.map((_, i) => 1 / (i + 1));
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    if (r <= 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

export const BENCH_DAYS = { from: '2026-05-09', to: '2026-05-10' };

const ROLES = ['rep', 'sdr', 'manager', 'ops'];
const PAGES = [
  'opportunity:record',
  'opportunity:list',
  'home',
  'account:record',
  'contact:record',
  'opportunity:edit',
  'lead:list',
  'lead:record',
  'report:pipeline',
  'task:list',
  'calendar',
  'settings',
];
const GUIDES = [
  { guide: 'demo-log-call', version: 3, steps: ['open', 'subject', 'notes', 'save', 'done'] },
  { guide: 'demo-update-next-step', version: 2, steps: ['field', 'save'] },
  { guide: 'demo-pipeline-review', version: 1, steps: ['filter', 'sort', 'stage', 'close'] },
  { guide: 'demo-welcome', version: 1, steps: ['hello', 'menu', 'search'] },
  { guide: 'demo-stalled-deals', version: 4, steps: ['list', 'open', 'task', 'done'] },
  { guide: 'demo-text-formatting', version: 1, steps: ['bold', 'list', 'link'] },
  { guide: 'demo-settings-display-name', version: 2, steps: ['open', 'name', 'save'] },
  { guide: 'quarterly-forecast', version: 1, steps: ['intro', 'commit', 'best', 'submit', 'done'] },
];
const FIELDS = ['Next Step', 'Amount', 'Close Date', 'Stage', 'Phone', 'Email'];

/**
 * What one browser sends for one day: its own counters (one role, one CRM, mostly today's,
 * some late ones from yesterday), 50 distinct keys as the browser's aggregation makes them,
 * pages and guides used as unevenly as real ones are.
 */
function browserBatch(random: () => number): Signal[] {
  const day = random() < 0.8 ? BENCH_DAYS.to : BENCH_DAYS.from;
  const role = zipf(ROLES, random);
  const signals = new Map<string, Signal>();
  const add = (fields: Partial<Signal> & Pick<Signal, 'kind'>, score = 0) => {
    const s: Signal = {
      day,
      role,
      crm: 'salesforce',
      guide: '',
      version: 0,
      step: '',
      pageType: '',
      field: '',
      count: 1,
      contributor: 1,
      scoreSum: score,
      cohort: '',
      ...fields,
    };
    const key = signalKey(s);
    const known = signals.get(key);
    if (known) {
      known.count += 1;
      known.scoreSum += score;
    } else signals.set(key, s);
  };
  add({ kind: 'first.activeDay' });
  if (random() < 0.3) add({ kind: 'first.activeWeek' });
  while (signals.size < SIGNALS_PER_BATCH) {
    const what = random();
    if (what < 0.45) {
      add({ kind: 'page.viewed', pageType: zipf(PAGES, random) });
    } else if (what < 0.9) {
      const g = zipf(GUIDES, random);
      const run = { guide: g.guide, version: g.version, pageType: 'opportunity:record' };
      add({ kind: 'guide.started', ...run });
      const reached = 1 + Math.floor(random() * g.steps.length);
      for (const step of g.steps.slice(0, reached)) {
        add({ kind: 'step.shown', ...run, step });
        add({ kind: random() < 0.9 ? 'step.completed' : 'step.skipped', ...run, step });
      }
      if (reached === g.steps.length) {
        add({ kind: 'guide.completed', ...run });
        if (random() < 0.3) add({ kind: 'first.guideCompleted', ...run, pageType: '' });
        if (random() < 0.2)
          add({ kind: 'survey.answered', ...run, step: 'rate' }, 3 + Math.floor(random() * 3));
      } else {
        add({ kind: random() < 0.5 ? 'guide.dismissed' : 'guide.abandoned', ...run });
        if (random() < 0.1) add({ kind: 'target.missing', ...run, step: g.steps[reached] ?? '' });
      }
    } else {
      const kind = random() < 0.7 ? 'field.empty' : 'field.invalid';
      add({ kind, pageType: 'opportunity:edit', field: zipf(FIELDS, random) });
    }
  }
  return [...signals.values()].slice(0, SIGNALS_PER_BATCH);
}

/** Distinct browser-days to draw from; each request still sends a new batch id. */
const BROWSER_DAYS = 5000;

function browserDays(): { signals: Signal[]; counts: number }[] {
  // Deterministic randomness, so runs compare.
  const random = seededRandom(42);
  return Array.from({ length: BROWSER_DAYS }, () => {
    const signals = browserBatch(random);
    return { signals, counts: signals.reduce((n, s) => n + s.count, 0) };
  });
}

/** The load generator, plain JavaScript so the worker needs no TypeScript loader. */
const GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { url, token, batches, seconds, warmUpMs, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL('/v1/signals', url);
const maxRequests = Math.ceil(seconds * 50000); // a bound besides time
const latencies = [];
let sent = 0, ok = 0, failed = 0, firstFailure = '', accepted = 0;

// The bytes JSON.stringify({ schemaVersion: 1, batchId, signals }) gives, with the signals
// serialized once: that is the browsers' work, not the endpoint's, whose cores this thread shares.
const bodies = batches.map(({ signals, counts }) => {
  const after = '","signals":' + JSON.stringify(signals) + '}';
  const bytes = Buffer.byteLength('{"schemaVersion":1,"batchId":"' + randomUUID() + after);
  return { after, bytes, counts };
});

function post(measure) {
  const { after, bytes, counts } = bodies[(Math.random() * bodies.length) | 0];
  const body = '{"schemaVersion":1,"batchId":"' + randomUUID() + after;
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(target, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': bytes,
        authorization: 'Bearer ' + token,
      },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (text += d));
      response.on('end', () => {
        if (response.statusCode === 200) {
          accepted += counts;
          if (measure) { ok++; latencies.push(performance.now() - started); }
        } else {
          failed++;
          firstFailure ||= response.statusCode + ' ' + text;
        }
        resolve();
      });
    });
    request.on('error', (error) => { failed++; firstFailure ||= error.message; resolve(); });
    request.end(body);
  });
}

(async () => {
  const warmUntil = performance.now() + warmUpMs;
  const loop = async (until, measure) => {
    while (performance.now() < until && sent < maxRequests) { sent++; await post(measure); }
  };
  await Promise.all(Array.from({ length: concurrency }, () => loop(warmUntil, false)));
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(end, true)));
  const elapsedMs = performance.now() - start;
  agent.destroy();
  parentPort.postMessage({ ok, failed, firstFailure, accepted, elapsedMs, latencies });
})();
`;

interface GeneratorReport {
  ok: number;
  failed: number;
  firstFailure: string;
  accepted: number;
  elapsedMs: number;
  latencies: number[];
}

export async function ingestBench(opts: IngestBenchOptions): Promise<IngestBenchResult> {
  if (!(opts.seconds > 0) || !(opts.concurrency >= 1)) {
    throw new Error('ingestBench needs seconds > 0 and concurrency ≥ 1');
  }
  const dir = opts.store === 'sqlite' ? mkdtempSync(join(tmpdir(), 'waymark-bench-')) : null;
  // Durable: commits really reach the disk, as in production.
  const database = opts.store === 'postgres' ? await startTestDatabase({ durable: true }) : null;
  try {
    const endpoint = await startEndpoint({
      port: 0,
      ...(database
        ? { databaseUrl: database.url, poolSize: Math.min(opts.concurrency, 32) }
        : { sqlitePath: join(dir as string, 'bench.sqlite') }),
      rateLimit: false, // one token sends everything here: the guard would be the bottleneck
      today: () => BENCH_DAYS.to,
    });
    try {
      const { token } = await createToken(endpoint.store, 'bench', 'ingest');
      const report = await new Promise<GeneratorReport>((resolve, reject) => {
        const worker = new Worker(GENERATOR, {
          eval: true,
          workerData: {
            url: endpoint.url,
            token,
            batches: browserDays(),
            seconds: opts.seconds,
            warmUpMs: WARM_UP_MS,
            concurrency: opts.concurrency,
          },
        });
        worker.once('message', (message: GeneratorReport) => resolve(message));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
      });
      if (report.failed > 0) {
        throw new Error(`${report.failed} batches failed, first: ${report.firstFailure}`);
      }
      const rows = await endpoint.store.counters('bench', BENCH_DAYS);
      const stored = rows.reduce((n, row) => n + row.count, 0);
      if (stored !== report.accepted) {
        throw new Error(
          `stored ${stored} counts, but batches adding ${report.accepted} were accepted`,
        );
      }
      const sorted = report.latencies.sort((a, b) => a - b);
      return {
        batchesPerSecond: report.ok / (report.elapsedMs / 1000),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        batches: report.ok,
      };
    } finally {
      await endpoint.close();
    }
  } finally {
    await database?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
