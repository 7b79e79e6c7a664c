import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../demo/server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

let server: DemoServer;

/** Raw HTTP (no URL normalisation, unlike fetch), so traversal attempts reach the server as sent. */
function raw(method: string, path: string, body?: string | string[]): Promise<RawResponse> {
  const { hostname, port } = new URL(server.url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    if (Array.isArray(body)) {
      // Several writes: sent chunked, without a Content-Length the server could check up front.
      for (const chunk of body) req.write(chunk);
      req.end();
    } else {
      req.end(body);
    }
  });
}

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await server.close();
});

describe('demo server', () => {
  it('listens on an ephemeral loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('redirects / to the home page', async () => {
    const res = await raw('GET', '/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/app/home');
  });

  it('answers every /app path with the SPA shell', async () => {
    for (const path of ['/app', '/app/opportunities/opp-1001', '/app/reports', '/app/no/such']) {
      const res = await raw('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<script type="module" src="/src/main.js"></script>');
      expect(res.body).toContain('/crm.css');
    }
  });

  it('serves static files with their content types', async () => {
    const css = await raw('GET', '/crm.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const frame = await raw('GET', '/frames/settings.html');
    expect(frame.status).toBe(200);
    expect(frame.body).toContain('data-anchor="settings.save"');
    expect((await raw('GET', '/nope.css')).status).toBe(404);
  });

  it('bundles app TypeScript, with what it shares from the repository, into JavaScript modules', async () => {
    const res = await raw('GET', '/src/main.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toContain('// demo/app/router.ts');
    expect(res.body).toContain('// core/random.ts');
    expect(res.body).not.toMatch(/^import /m);
    expect(res.body).not.toMatch(/import type|: RouteContext/);
    // Served again from the cache, same result.
    expect((await raw('GET', '/src/main.js')).body).toBe(res.body);
    expect((await raw('GET', '/src/nope.js')).status).toBe(404);
    expect((await raw('GET', '/src/main.ts')).status).toBe(404);
  });

  it('returns seeded records as JSON, late by ?delay= ms', async () => {
    const fast = await raw('GET', '/api/opportunities/opp-1001?delay=0');
    expect(fast.status).toBe(200);
    expect(fast.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(fast.body)).toMatchObject({ id: 'opp-1001', stage: expect.any(String) });
    expect(fast.ms).toBeLessThan(200);

    const slow = await raw('GET', '/api/opportunities/opp-1001?delay=300');
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(290);

    const defaultDelay = await raw('GET', '/api/accounts/acc-2001');
    expect(JSON.parse(defaultDelay.body)).toMatchObject({ id: 'acc-2001' });
    expect(defaultDelay.ms).toBeGreaterThanOrEqual(240);
  });

  it('lists about 60 opportunities and 25 accounts', async () => {
    const opps = JSON.parse((await raw('GET', '/api/opportunities?delay=0')).body) as unknown[];
    const accounts = JSON.parse((await raw('GET', '/api/accounts?delay=0')).body) as unknown[];
    expect(opps.length).toBeGreaterThanOrEqual(60);
    expect(accounts.length).toBeGreaterThanOrEqual(25);
  });

  it('round-trips a PUT with any id, and a POST', async () => {
    const put = await raw(
      'PUT',
      '/api/opportunities/CANARY-ID-7?delay=0',
      JSON.stringify({ name: 'Canary deal', nextStep: 'Call back', amount: '12,500' }),
    );
    expect(put.status).toBe(201);
    const got = await raw('GET', '/api/opportunities/CANARY-ID-7?delay=0');
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toMatchObject({
      id: 'CANARY-ID-7',
      name: 'Canary deal',
      nextStep: 'Call back',
      amount: 12500,
    });

    const update = await raw(
      'PUT',
      '/api/opportunities/opp-1001?delay=0',
      JSON.stringify({ nextStep: 'Send contract' }),
    );
    expect(update.status).toBe(200);
    expect(JSON.parse(update.body)).toMatchObject({ id: 'opp-1001', nextStep: 'Send contract' });

    const post = await raw('POST', '/api/accounts?delay=0', JSON.stringify({ name: 'New Co' }));
    expect(post.status).toBe(201);
    const created = JSON.parse(post.body) as { id: string };
    expect(created.id).toMatch(/^acc-\d+$/);
    const again = await raw('GET', `/api/accounts/${created.id}?delay=0`);
    expect(JSON.parse(again.body)).toMatchObject({ name: 'New Co' });
  });

  it('answers unknown ids and bad bodies with JSON errors', async () => {
    const missing = await raw('GET', '/api/opportunities/opp-9999?delay=0');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(missing.body)).toHaveProperty('error');
    expect((await raw('GET', '/api/opportunities/opp-9999?delay=150')).ms).toBeGreaterThanOrEqual(
      140,
    );
    expect((await raw('PUT', '/api/accounts/x?delay=0', 'not json')).status).toBe(400);
    expect((await raw('GET', '/api/widgets?delay=0')).status).toBe(404);
  });

  it('does not let paths escape the public folder', async () => {
    for (const path of [
      '/..%2f..%2fpackage.json',
      '/frames/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/src/..%2f..%2fpackage.js',
      '/src/..%2fserver.js',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('"name"');
    }
  });

  it('rejects bodies over 100 kB with 413', async () => {
    const big = JSON.stringify({ name: 'x', description: 'y'.repeat(150 * 1024) });
    const res = await raw('PUT', '/api/opportunities/opp-1002?delay=0', big);
    expect(res.status).toBe(413);
    const chunked = await raw('POST', '/api/opportunities?delay=0', [
      big.slice(0, 60_000),
      big.slice(60_000),
    ]);
    expect(chunked.status).toBe(413);
    const unchanged = await raw('GET', '/api/opportunities/opp-1002?delay=0');
    expect(JSON.parse(unchanged.body)).not.toMatchObject({ name: 'x' });
  });
});
