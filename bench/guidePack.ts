/**
 * What serving guides costs the endpoint, and how soon a publish reaches the pack: browsers ask
 * for their organisation's pack every hour with its ETag, so nearly every answer is a 304. The
 * 304s are timed over loopback keep-alive connections at a fixed concurrency, beside `/healthz`
 * (the cheapest route) as the baseline; then a publish is timed until the pack served has it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { startEndpoint, type Endpoint } from '../server/index';
import { importGuides } from '../server/guideLifecycle';
import { createToken } from '../server/tokens';
import { startTestDatabase } from '../scripts/postgres';
import { percentile } from './percentile';

export interface RouteLoad {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface GuidePackBench {
  notModified: RouteLoad;
  health: RouteLoad;
  /** POST /v1/guides answered → GET /v1/guides serving the new version, per trial. */
  publishToPackMs: number[];
}

function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Requests `url` from `concurrency` loops for `seconds`; every answer must be `status`. */
async function load(
  url: string,
  headers: Record<string, string>,
  status: number,
  seconds: number,
  concurrency: number,
): Promise<RouteLoad> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const answered = await get(agent, url, headers);
      if (answered !== status) throw new Error(`${url} answered ${answered}, not ${status}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  agent.destroy();
  return {
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/**
 * Publishes the "Log a call" guide, its title marked with `n`, as a pilot to `percent` of users;
 * answers the pilot's version number.
 */
export async function publishPilot(
  endpointUrl: string,
  trainer: string,
  n: number,
  percent: number,
): Promise<number> {
  const guide = JSON.parse(readFileSync('guides/demo-log-call.json', 'utf8')) as { title: string };
  const published = await fetch(`${endpointUrl}/v1/guides`, {
    method: 'POST',
    headers: { authorization: `Bearer ${trainer}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      guide: { ...guide, title: `${guide.title} (${n})` },
      state: 'pilot',
      rollout: { percent },
    }),
  });
  return ((await published.json()) as { pilot: number }).pilot;
}

async function publishToPack(endpoint: Endpoint, trainer: string, ingest: string, trials: number) {
  const samples: number[] = [];
  for (let i = 0; i < trials; i++) {
    const t0 = performance.now();
    const pilot = await publishPilot(endpoint.url, trainer, i, 10);
    for (;;) {
      const pack = (await (
        await fetch(`${endpoint.url}/v1/guides`, { headers: { authorization: `Bearer ${ingest}` } })
      ).json()) as { pilots: { guide: { version: number } }[] };
      if (pack.pilots.some((p) => p.guide.version === pilot)) break;
    }
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function guidePackBench(
  store: 'sqlite' | 'postgres',
  seconds: number,
): Promise<GuidePackBench> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-pack-'));
  const database = store === 'postgres' ? await startTestDatabase() : undefined;
  const endpoint = await startEndpoint({
    port: 0,
    rateLimit: false,
    ...(database ? { databaseUrl: database.url } : { sqlitePath: join(dir, 'bench.sqlite') }),
  });
  try {
    await importGuides(endpoint.store, 'acme', 'guides', { label: 'bench' });
    const ingest = (await createToken(endpoint.store, 'acme', 'ingest')).token;
    const trainer = (await createToken(endpoint.store, 'acme', 'trainer')).token;
    const auth = { authorization: `Bearer ${ingest}` };
    const first = await fetch(`${endpoint.url}/v1/guides`, { headers: auth });
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const notModified = await load(
      `${endpoint.url}/v1/guides`,
      { ...auth, 'if-none-match': etag },
      304,
      seconds,
      16,
    );
    const health = await load(`${endpoint.url}/healthz`, {}, 200, seconds, 16);
    const publishToPackMs = await publishToPack(endpoint, trainer, ingest, 10);
    return { notModified, health, publishToPackMs };
  } finally {
    await endpoint.close();
    await database?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
