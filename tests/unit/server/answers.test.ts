/**
 * Attack: whatever a client sends, the endpoint answers JSON with a stable code and one plain
 * sentence, short however long the input: over real HTTP, with raw sockets where a client breaks
 * HTTP itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../server/errors';
import { startEndpoint, type Endpoint } from '../../../server/index';
import { createToken } from '../../../server/tokens';
import { batch, get, post, signal } from './helpers';

/** Sends raw bytes and reads the whole answer until the endpoint closes the connection. */
function raw(
  endpoint: Endpoint,
  bytes: string,
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(endpoint.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        type: /^content-type: (.*)$/im.exec(head)?.[1] ?? '',
        body,
      });
    });
    socket.end(bytes);
  });
}

/** The promise each answer keeps: JSON, a known code, one sentence, and a bounded size. */
function expectPlainAnswer(status: number, type: string, text: string, code: string): void {
  expect(type).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: string; message: string };
  expect(body.error).toBe(code);
  expect(ERROR_CODES).toContain(body.error);
  expect(body.message).toMatch(/^[^\n]+[.)]$/);
  expect(text.length, `${status} ${text.slice(0, 80)}`).toBeLessThan(8_000);
}

describe('attack: every answer is JSON with a plain sentence', () => {
  let dir: string;
  let endpoint: Endpoint;
  let ingest: string;
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waymark-answers-'));
    endpoint = await startEndpoint({
      port: 0,
      sqlitePath: join(dir, 'waymark.sqlite'),
      dashboardDir: join(dir, 'no-dashboard'),
      rateLimit: false,
    });
    ingest = (await createToken(endpoint.store, 'answers', 'ingest')).token;
    admin = (await createToken(endpoint.store, 'answers', 'admin')).token;
  });

  afterAll(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers headers over 16 kB with a JSON 431', async () => {
    const answer = await raw(
      endpoint,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expectPlainAnswer(431, answer.type, answer.body, 'headers_too_large');
  });

  it('answers a request that is not HTTP with a JSON 400', async () => {
    const answer = await raw(endpoint, 'GET /healthz HTTP/1.1\r\nHost x\r\n\r\n');
    expect(answer.status).toBe(400);
    expectPlainAnswer(400, answer.type, answer.body, 'bad_request');
  });

  it('answers unknown places, methods, tokens and the unbuilt dashboard with JSON', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [fetch(`${endpoint.url}/v1/nothing`), 404, 'not_found'],
      [fetch(`${endpoint.url}/dashboard/assets/x.js`), 404, 'not_found'],
      [fetch(`${endpoint.url}/v1/signals`), 405, 'method_not_allowed'],
      [fetch(`${endpoint.url}/dashboard/`), 503, 'not_built'],
      [post(endpoint.url, 'x'.repeat(43), batch([signal()])), 401, 'unauthorized'],
      [
        get(`${endpoint.url}/v1/snapshots?from=2026-05-01&to=2026-05-07`, ingest),
        401,
        'unauthorized',
      ],
      [post(endpoint.url, ingest, 'x'.repeat(300_000)), 413, 'payload_too_large'],
    ];
    for (const [sent, status, code] of cases) {
      const response = await sent;
      expect(response.status).toBe(status);
      expectPlainAnswer(
        status,
        response.headers.get('content-type') ?? '',
        await response.text(),
        code,
      );
    }
  });

  it('keeps a 400 short however many and however long the bad parameters', async () => {
    const params = Array.from({ length: 1_500 }, (_, i) => `p${i}=1`).join('&');
    const many = await get(
      `${endpoint.url}/v1/snapshots?from=2026-05-01&to=2026-05-07&${params}`,
      admin,
    );
    expect(many.status).toBe(400);
    const text = await many.text();
    expectPlainAnswer(400, many.headers.get('content-type') ?? '', text, 'invalid_query');
    expect(JSON.parse(text).message).toMatch(/unknown fields "p0", .* and \d+ more/);

    const long = await get(`${endpoint.url}/v1/snapshots?from=${'9'.repeat(5_000)}&to=x`, admin);
    const longText = await long.text();
    expectPlainAnswer(400, long.headers.get('content-type') ?? '', longText, 'invalid_query');
    expect(longText).not.toContain('9'.repeat(100));

    const signals = Array.from({ length: 500 }, (_, i) => ({
      ...signal(),
      kind: `k${i}`.repeat(50),
    }));
    const batchOf = await post(endpoint.url, ingest, {
      schemaVersion: 1,
      batchId: crypto.randomUUID(),
      signals,
    });
    const batchText = await batchOf.text();
    expectPlainAnswer(400, batchOf.headers.get('content-type') ?? '', batchText, 'invalid_batch');
    expect(JSON.parse(batchText).message).toMatch(/\(500 problems in all\)$/);
  });

  it('speaks its own words, not a library’s, of a value in the wrong form', async () => {
    const response = await post(endpoint.url, ingest, {
      ...batch([signal()]),
      batchId: 'not-a-uuid',
    });
    const body = await response.json();
    expect(body.message).not.toMatch(/Invalid|pattern|\/\^/);
    expect(body.message).toBe('batchId: expected a UUID — got "not-a-uuid".');
  });
});
