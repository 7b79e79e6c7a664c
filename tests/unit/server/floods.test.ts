/**
 * Attacks on the endpoint's limits over real HTTP, each client from its own loopback address
 * (all of 127.0.0.0/8 is this machine): one holder of the organisation's ingest token floods, or
 * one client guesses tokens, while the organisation's browsers deliver as they always do.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type Endpoint } from '../../../server/index';
import { DEFAULT_RATE_LIMIT, TokenBuckets, clientOf } from '../../../server/rateLimit';
import { utcDay } from '../../../core/days';
import { createToken } from '../../../server/tokens';
import { batch, signal } from './helpers';

interface Answer {
  status: number;
  retryAfter: number;
  error?: string;
}

/** POSTs a batch from `from`, as a browser at that address would. */
function deliver(endpoint: Endpoint, from: string, token: string, body: unknown): Promise<Answer> {
  const { hostname, port } = new URL(endpoint.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: '/v1/signals',
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Number(res.headers['retry-after'] ?? 0),
            error: (JSON.parse(text) as { error?: string }).error,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A browser's delivery: each batch in turn, waiting as told on 429, at most `retries` times. */
async function browserDelivers(
  endpoint: Endpoint,
  from: string,
  token: string,
  batches: unknown[],
  retries: number,
): Promise<{ accepted: number; limited: number }> {
  let accepted = 0;
  let limited = 0;
  for (const body of batches) {
    for (let attempt = 0; attempt <= retries; attempt++) {
      const answer = await deliver(endpoint, from, token, body);
      if (answer.status === 200) {
        accepted++;
        break;
      }
      expect(answer.status).toBe(429);
      limited++;
      await sleep(answer.retryAfter * 1000);
    }
  }
  return { accepted, limited };
}

describe('attack: limits hold one client, not the organisation', () => {
  let dir: string;
  let endpoint: Endpoint;
  const day = utcDay(Date.now());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waymark-floods-'));
    // The default limits, as an organisation runs them.
    endpoint = await startEndpoint({ port: 0, sqlitePath: join(dir, 'waymark.sqlite') });
  });

  afterAll(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps taking every browser’s batches while one holder of the token floods at 10× its limit for 10 s', async () => {
    const { token } = await createToken(endpoint.store, 'flooded', 'ingest');
    const floodMs = 10_000;
    const flood: Answer[] = [];
    const started = performance.now();
    let floodEnded = started;
    const flooding = (async () => {
      const sent: Promise<void>[] = [];
      const interval = 1000 / (DEFAULT_RATE_LIMIT.perSecond * 10);
      for (let at = 0; at < floodMs; at += interval) {
        sent.push(
          deliver(endpoint, '127.0.0.2', token, batch([signal({ day, kind: 'page.viewed' })])).then(
            (answer) => void flood.push(answer),
          ),
        );
        await sleep(interval);
      }
      await Promise.all(sent);
      floodEnded = performance.now();
    })();

    // 50 browsers, each delivering 3 batches at a moment of the flood, with the retry budget a
    // browser has within one delivery (one wait as told).
    const browsers = Array.from({ length: 50 }, async (_, i) => {
      await sleep((i * floodMs) / 55);
      const batches = [0, 1, 2].map(() => batch([signal({ day, kind: 'first.activeDay' })]));
      return browserDelivers(endpoint, `127.0.1.${i + 1}`, token, batches, 1);
    });
    const delivered = await Promise.all(browsers);
    await flooding;

    expect(delivered.map((d) => d.accepted)).toEqual(Array(50).fill(3));
    expect(delivered.reduce((n, d) => n + d.limited, 0)).toBe(0);
    // The flooder itself was held to its limit: its burst and sustained rate over the time it
    // took (a busy machine stretches the 10 s), the rest refused.
    const taken = flood.filter((a) => a.status === 200).length;
    const allowed =
      DEFAULT_RATE_LIMIT.burst + (DEFAULT_RATE_LIMIT.perSecond * (floodEnded - started)) / 1000;
    expect(flood.length).toBeGreaterThan(allowed * 3);
    expect(taken).toBeLessThanOrEqual(allowed + DEFAULT_RATE_LIMIT.perSecond);
    expect(flood.filter((a) => a.status === 429).every((a) => a.error === 'rate_limited')).toBe(
      true,
    );
    const rows = await endpoint.store.counters('flooded', { from: day, to: day }, [
      'first.activeDay',
    ]);
    expect(rows.reduce((n, row) => n + row.count, 0)).toBe(150);
  }, 30_000);

  it('answers a client guessing tokens 429 after a few tries, without asking the store, and no one else', async () => {
    const { token } = await createToken(endpoint.store, 'guessed', 'ingest');
    const store = endpoint.store;
    const findToken = store.findToken.bind(store);
    let lookups = 0;
    store.findToken = (...args) => {
      lookups++;
      return findToken(...args);
    };
    try {
      const guesses: Answer[] = [];
      for (let i = 0; i < 60; i++) {
        const guess = Buffer.alloc(32, i).toString('base64url');
        guesses.push(await deliver(endpoint, '127.0.0.3', guess, batch([signal({ day })])));
      }
      expect(guesses.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
      expect(guesses.slice(10).map((a) => a.status)).toEqual(Array(50).fill(429));
      expect(guesses[59]?.retryAfter).toBeGreaterThanOrEqual(1);
      expect(lookups).toBe(10);
      // The real token from that address is refused too until it waits; from another, it is fine.
      expect((await deliver(endpoint, '127.0.0.3', token, batch([signal({ day })]))).status).toBe(
        429,
      );
      expect((await deliver(endpoint, '127.0.0.4', token, batch([signal({ day })]))).status).toBe(
        200,
      );
    } finally {
      store.findToken = findToken;
    }
  });
});

describe('the client a request is limited as', () => {
  it('is the socket address unless proxies are trusted, then the entry the outermost added', () => {
    expect(clientOf('10.0.0.9', '1.1.1.1, 2.2.2.2', 0)).toBe('10.0.0.9');
    expect(clientOf('10.0.0.9', '1.1.1.1, 2.2.2.2', 1)).toBe('2.2.2.2');
    expect(clientOf('10.0.0.9', '6.6.6.6, 1.1.1.1, 2.2.2.2', 2)).toBe('1.1.1.1');
    expect(clientOf('10.0.0.9', undefined, 1)).toBe('10.0.0.9');
    expect(clientOf('::ffff:192.0.2.7', undefined, 0)).toBe('192.0.2.7');
  });

  it('takes IPv6 clients by their /64, however they are written', () => {
    const a = clientOf('2001:db8:0:1::1', undefined, 0);
    expect(a).toBe('2001:db8:0:1::/64');
    expect(clientOf('2001:0db8:0000:0001:ffff:1:2:3', undefined, 0)).toBe(a);
    expect(clientOf('2001:db8::1', undefined, 0)).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1', undefined, 0)).toBe('0:0:0:0::/64');
  });

  it('forgets idle clients when full, and refuses new ones while every bucket is in use', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 }, () => now, 3);
    for (const key of ['a', 'b', 'c']) expect(buckets.take(key)).toBe(0);
    expect(buckets.take('d')).toBeGreaterThan(0);
    expect(buckets.size).toBe(3);
    now += 2000; // a, b and c are full again
    expect(buckets.take('d')).toBe(0);
    expect(buckets.size).toBe(1);
  });
});
