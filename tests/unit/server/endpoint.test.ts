/**
 * The endpoint over real HTTP, once per store: a SQLite file and a PostgreSQL database (a
 * throwaway cluster unless TEST_DATABASE_URL is set). Every test works in an org of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Signal } from '../../../core/signals';
import { addDays, type Snapshot } from '../../../core/snapshot';
import { runCli } from '../../../server/cli';
import { startEndpoint, type Endpoint, type EndpointOptions } from '../../../server/index';
import { utcDay } from '../../../core/days';
import { createToken, hashToken } from '../../../server/tokens';
import { importGuides } from '../../../server/guideLifecycle';
import {
  batch,
  BROKEN_STEP,
  browserDay,
  CANARY_AGENT,
  get,
  post,
  signal,
  stepBrokenByRelease,
} from './helpers';
import { startTestDatabase } from '../../../scripts/postgres';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FORWARDED_FOR = '203.0.113.77';
/** The endpoint's today in these tests: the fixed May 2026 days below are recent to it. */
const TODAY = '2026-05-20';

interface StoreUnderTest {
  name: string;
  open(): Promise<{
    options: EndpointOptions;
    env: Record<string, string>;
    dump(): Promise<string>;
    cleanup(): Promise<void>;
  }>;
}

const stores: StoreUnderTest[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'waymark-sqlite-'));
      const path = join(dir, 'waymark.sqlite');
      return {
        options: { sqlitePath: path },
        env: { WAYMARK_SQLITE: path },
        // The database file and its write-ahead log, as bytes: whatever was written is in there.
        async dump() {
          return readdirSync(dir)
            .map((name) => readFileSync(join(dir, name)).toString('latin1'))
            .join('\n');
        },
        async cleanup() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const db = await startTestDatabase();
      return {
        options: { databaseUrl: db.url },
        env: { DATABASE_URL: db.url },
        async dump() {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            const { rows: tables } = await client.query<{ tablename: string }>(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
            );
            const parts: string[] = [];
            for (const { tablename } of tables) {
              const { rows } = await client.query(`SELECT * FROM ${tablename}`);
              parts.push(JSON.stringify(rows));
            }
            return parts.join('\n');
          } finally {
            await client.end();
          }
        },
        cleanup: () => db.stop(),
      };
    },
  },
];

/** Runs `npm run server -- …` as an admin would, against the same store. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let orgs = 0;

describe.each(stores)('endpoint on $name', (storeUnderTest) => {
  let opened: Awaited<ReturnType<StoreUnderTest['open']>>;
  let endpoint: Endpoint;
  let url: string;

  beforeAll(async () => {
    opened = await storeUnderTest.open();
    endpoint = await startEndpoint({
      port: 0,
      ...opened.options,
      rateLimit: false,
      today: () => TODAY,
    });
    url = endpoint.url;
  }, 60_000);

  afterAll(async () => {
    await endpoint?.close();
    await opened?.cleanup();
  }, 30_000);

  async function newOrg() {
    const org = `org-${storeUnderTest.name.toLowerCase()}-${++orgs}`;
    const ingest = await createToken(endpoint.store, org, 'ingest');
    const admin = await createToken(endpoint.store, org, 'admin');
    return { org, ingest: ingest.token, admin: admin.token, ingestId: ingest.record.id };
  }

  async function snapshot(admin: string, query: string): Promise<Snapshot & { org: string }> {
    const response = await get(`${url}/v1/snapshots?${query}`, admin);
    expect(response.status).toBe(200);
    return (await response.json()) as Snapshot & { org: string };
  }

  const guideOf = (s: Snapshot) => s.guides.find((g) => g.guide === 'demo-log-call');

  it('answers /healthz with the store in use', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(await response.json()).toEqual({
      ok: true,
      store: storeUnderTest.name === 'SQLite' ? 'sqlite' : 'postgres',
    });
  });

  it('counts ingested batches into the snapshot', async () => {
    const { ingest, admin, org } = await newOrg();
    for (let i = 0; i < 6; i++) {
      const response = await post(
        url,
        ingest,
        batch(browserDay('2026-05-04', { completed: i < 3, score: 4 })),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ accepted: i < 3 ? 11 : 7 });
    }
    const s = await snapshot(admin, 'from=2026-05-04&to=2026-05-04');
    expect(s.org).toBe(org);
    expect(s.activeUsers.byRole).toEqual([{ role: 'rep', busiestDayUsers: 6, userWeeks: 6 }]);
    expect(s.activeUsers.daily).toEqual([{ day: '2026-05-04', role: 'rep', users: 6 }]);
    const g = guideOf(s);
    expect(g).toMatchObject({
      version: 1,
      started: 6,
      completed: { suppressed: true }, // 3 browsers, k = 5
      surveyResponses: 6,
      surveyMeanScore: 4,
    });
    expect(g?.steps.map((step) => [step.step, step.shown, step.reachedRate])).toEqual([
      ['open', 12, 2],
    ]);
    expect(s.fields).toEqual([
      {
        pageType: 'opportunity:edit',
        fields: [{ field: 'Next Step', empty: 6, invalid: { suppressed: true } }],
      },
    ]);
  });

  it('counts a replayed batch once, also when the copies arrive at the same time', async () => {
    const { ingest, admin } = await newOrg();
    const days = ['2026-05-05', '2026-05-06'];
    const once = batch(browserDay(days[0] as string));
    expect(await (await post(url, ingest, once)).json()).toEqual({ accepted: 6 });
    expect(await (await post(url, ingest, once)).json()).toEqual({ accepted: 0, duplicate: true });

    // One batch sent twelve times at once counts once.
    const racing = batch(browserDay(days[1] as string));
    const answers = await Promise.all(
      [...Array(12)].map(async () => (await post(url, ingest, racing)).json()),
    );
    expect(answers.filter((a) => a.duplicate === true)).toHaveLength(11);
    expect(answers.filter((a) => a.accepted === 6)).toHaveLength(1);

    // Distinct batches racing on the same counters lose no update either.
    await Promise.all(
      [...Array(20)].map(() => post(url, ingest, batch(browserDay(days[1] as string)))),
    );
    const s = await snapshot(admin, `from=${days[0]}&to=${days[1]}`);
    // Day 1: one browser (suppressed); day 2: the raced batch + 20 = 21.
    expect(s.activeUsers.daily).toEqual([
      { day: days[0], role: 'rep', users: { suppressed: true } },
      { day: days[1], role: 'rep', users: 21 },
    ]);
    expect(guideOf(s)?.started).toBe(22);
  });

  it('counts a batch once when two endpoint replicas race on it', async () => {
    const replica = await startEndpoint({
      port: 0,
      ...opened.options,
      rateLimit: false,
      today: () => TODAY,
    });
    try {
      const { ingest, org } = await newOrg();
      const day = '2026-05-08';
      const shared = batch(browserDay(day));
      const answers = await Promise.all(
        [...Array(8)].map(async (_, i) =>
          (await post(i % 2 ? replica.url : url, ingest, shared)).json(),
        ),
      );
      expect(answers.filter((a) => a.accepted === 6)).toHaveLength(1);
      expect(answers.filter((a) => a.duplicate === true)).toHaveLength(7);
      const rows = await endpoint.store.counters(org, { from: day, to: day });
      expect(rows.filter((r) => r.kind === 'guide.started').map((r) => r.count)).toEqual([1]);
    } finally {
      await replica.close();
    }
  });

  it('counts the new batches of a group that also holds a replayed one', async () => {
    const { org } = await newOrg();
    const day = '2026-05-11';
    const store = endpoint.store;
    const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const signals = (count: number) => [
      signal({ day, count }),
      signal({ day, kind: 'first.activeDay', pageType: '' }),
    ];
    expect(await store.ingest(org, a, signals(1))).toEqual({ duplicate: false });
    // Submitted together, so committed as one group: a replay, two new ids and a copy of one.
    const answers = await Promise.all([
      store.ingest(org, a, signals(1)),
      store.ingest(org, b, signals(10)),
      store.ingest(org, c, signals(100)),
      store.ingest(org, b, signals(10)),
    ]);
    expect(answers.map((x) => x.duplicate)).toEqual([true, false, false, true]);
    const rows = await store.counters(org, { from: day, to: day });
    expect(rows.map((r) => [r.kind, r.count, r.contributors])).toEqual([
      ['first.activeDay', 3, 3],
      ['page.viewed', 111, 3],
    ]);
  });

  it('counts nothing of a batch whose token is revoked by its commit, and the rest of its group', async () => {
    const { org, ingestId } = await newOrg();
    const other = await createToken(endpoint.store, org, 'ingest');
    const day = '2026-05-13';
    const store = endpoint.store;
    expect(
      await store.ingest(org, crypto.randomUUID(), [signal({ day })], other.record.id),
    ).toEqual({ duplicate: false });
    expect(await store.revokeToken(other.record.id, new Date().toISOString())).toBe(true);
    const refused = crypto.randomUUID();
    const answers = await Promise.allSettled([
      store.ingest(org, crypto.randomUUID(), [signal({ day, count: 10 })], ingestId),
      store.ingest(org, refused, [signal({ day, count: 100 })], other.record.id),
      store.ingest(org, crypto.randomUUID(), [signal({ day, count: 1000 })], ingestId),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toContain('revoked');
    const rows = await store.counters(org, { from: day, to: day });
    expect(rows.map((r) => r.count)).toEqual([1011]);
    // The refused batch id was not stored: a new token may send it again.
    expect(await store.ingest(org, refused, [signal({ day })], ingestId)).toEqual({
      duplicate: false,
    });
  });

  it('refuses the next batch of a token revoked after it was used, counting nothing', async () => {
    const { org, ingest, ingestId } = await newOrg();
    const day = '2026-05-14';
    expect((await post(url, ingest, batch([signal({ day })]))).status).toBe(200);
    await endpoint.store.revokeToken(ingestId, new Date().toISOString());
    const refused = await post(url, ingest, batch([signal({ day, count: 50 })]));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect((await refused.json()).message).toBe(
      'This token was revoked; ask your admin for a new one.',
    );
    const rows = await endpoint.store.counters(org, { from: day, to: day });
    expect(rows.map((r) => r.count)).toEqual([1]);
  });

  it('forgets batch ids received before the pruning day, so a replay after that counts again', async () => {
    const { org } = await newOrg();
    const day = '2026-05-15';
    const store = endpoint.store;
    const id = crypto.randomUUID();
    expect(await store.ingest(org, id, [signal({ day })])).toEqual({ duplicate: false });
    // Received today: kept by a pruning of everything before today.
    await store.pruneBatchIds(utcDay(Date.now()));
    expect(await store.ingest(org, id, [signal({ day })])).toEqual({ duplicate: true });
    expect(await store.pruneBatchIds(addDays(utcDay(Date.now()), 1))).toBeGreaterThanOrEqual(1);
    expect((await store.orgData(org)).batches).toBe(0);
    expect(await store.ingest(org, id, [signal({ day })])).toEqual({ duplicate: false });
    const rows = await store.counters(org, { from: day, to: day });
    expect(rows.map((r) => r.count)).toEqual([2]);
  });

  it('stores keys as sent, whatever characters they hold', async () => {
    const { org } = await newOrg();
    const day = '2026-05-12';
    const fields = [
      '',
      'say "hi"',
      'back\\slash\\',
      '{braces}, commas',
      'NULL',
      ' spaced ',
      'line\nbreak\ttab',
      'Nächster Schritt 🎉',
    ];
    const signals = fields.map((field, i) =>
      signal({ day, kind: 'field.empty', pageType: 'opportunity:edit', field, count: i + 1 }),
    );
    expect(await endpoint.store.ingest(org, crypto.randomUUID(), signals)).toEqual({
      duplicate: false,
    });
    const rows = await endpoint.store.counters(org, { from: day, to: day });
    const stored = new Map(rows.map((r) => [r.field, r.count]));
    expect(stored).toEqual(new Map(fields.map((f, i) => [f, i + 1])));
  });

  it("refuses a NUL in a field key as that batch's problem, and counts the batches beside it", async () => {
    const { org, ingest } = await newOrg();
    const day = '2026-05-17';
    const [refused, counted] = await Promise.all([
      post(url, ingest, batch([signal({ day, kind: 'field.empty', field: 'next\u0000step' })])),
      post(url, ingest, batch([signal({ day })])),
    ]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).path).toBe('signals[0].field');
    expect(counted.status).toBe(200);
    const rows = await endpoint.store.counters(org, { from: day, to: day });
    expect(rows.map((r) => [r.kind, r.count])).toEqual([['page.viewed', 1]]);
  });

  it('attack: one batch cannot stand for many browsers, inflate a count or count twice', async () => {
    const { org, ingest } = await newOrg();
    const day = '2026-05-19';
    // The same counter 500 times: refused whole, nothing counted.
    const flood = await post(url, ingest, batch([...Array(500)].map(() => signal({ day }))));
    expect(flood.status).toBe(400);
    expect(await flood.json()).toMatchObject({
      path: 'signals[1]',
      message:
        'signals[1]: repeats the counter of signals[0]; a batch sends each counter once. (499 problems in all)',
    });
    const huge = await post(url, ingest, batch([signal({ day, count: 1_000_000 })]));
    expect(huge.status).toBe(400);
    expect((await huge.json()).path).toBe('signals[0].count');
    const scored = await post(
      url,
      ingest,
      batch([signal({ day, kind: 'survey.answered', count: 1, scoreSum: 11 })]),
    );
    expect((await scored.json()).path).toBe('signals[0].scoreSum');
    expect(await endpoint.store.counters(org, { from: day, to: day })).toEqual([]);

    // One batch id in two spellings is one batch.
    const once = batch([signal({ day })]);
    expect((await post(url, ingest, once)).status).toBe(200);
    const shouted = { ...once, batchId: once.batchId.toUpperCase() };
    expect(await (await post(url, ingest, shouted)).json()).toEqual({
      accepted: 0,
      duplicate: true,
    });
    const rows = await endpoint.store.counters(org, { from: day, to: day });
    expect(rows.map((r) => [r.kind, r.count, r.contributors])).toEqual([['page.viewed', 1, 1]]);
  });

  it('stores a lone surrogate as U+FFFD, so one key counts together on every store', async () => {
    const { org, ingest } = await newOrg();
    const day = '2026-05-20';
    const lone = 'Next \uD800 step';
    const replaced = 'Next \uFFFD step';
    for (const field of [lone, replaced]) {
      const response = await post(
        url,
        ingest,
        batch([signal({ day, kind: 'field.empty', field })]),
      );
      expect(response.status).toBe(200);
    }
    const rows = await endpoint.store.counters(org, { from: day, to: day });
    expect(rows.map((r) => [r.field, r.count])).toEqual([[replaced, 2]]);
  });

  it('attack: refuses days outside those whose batch ids are kept, so nothing old can be replayed', async () => {
    const { org, ingest } = await newOrg();
    const earliest = addDays(TODAY, -179);
    for (const day of ['0001-01-01', '9999-12-31', addDays(TODAY, -180), addDays(TODAY, 2)]) {
      const response = await post(url, ingest, batch([signal({ day: TODAY }), signal({ day })]));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_batch',
        path: 'signals[1].day',
        message: `signals[1].day: ${day} is not a day this endpoint counts; it takes ${earliest} to ${addDays(TODAY, 1)}.`,
      });
    }
    for (const day of [earliest, addDays(TODAY, 1)]) {
      expect((await post(url, ingest, batch([signal({ day })]))).status).toBe(200);
    }
    const rows = await endpoint.store.counters(org, { from: '0001-01-01', to: '9999-12-31' });
    expect(rows.map((r) => r.day).sort()).toEqual([earliest, addDays(TODAY, 1)]);
  });

  it('flags a step whose target-missing rate jumped, with the strategies that failed', async () => {
    const { ingest, admin } = await newOrg();
    const step = BROKEN_STEP;
    for (const signals of stepBrokenByRelease('2026-05-11')) {
      expect((await post(url, ingest, batch(signals))).status).toBe(200);
    }
    const s = await snapshot(admin, 'from=2026-05-11&to=2026-05-11');
    expect(s.guideHealth).toEqual([
      expect.objectContaining({
        ...step,
        day: '2026-05-11',
        latest: { runs: 30, targetMissing: 10, rate: 0.3333 },
        previous: { runs: 280, targetMissing: 0, rate: 0 },
        failedStrategies: [
          { strategy: 'anchor', count: 10 },
          { strategy: 'text', count: 5 },
        ],
        flagged: true,
      }),
    ]);
  });

  it('attack: refuses page content in place of a strategy name, and stores nothing of the batch', async () => {
    const { ingest, org } = await newOrg();
    const step = {
      guide: 'demo-log-call',
      version: 1,
      step: 'open',
      pageType: 'opportunity:record',
    };
    const failed = (field: string) => signal({ kind: 'target.strategyFailed', ...step, field });
    const missing = signal({ kind: 'target.missing', ...step });
    const refusals: [object, RegExp][] = [
      [
        batch([missing, failed('div.deal-card > span[data-amount]')]),
        /must name one of the strategies anchor, testId, css, role, label, text, frame/,
      ],
      [
        batch([missing, failed('Call Jane Doe about the renewal')]),
        /must name one of the strategies/,
      ],
      [batch([missing, failed('Anchor')]), /must name one of the strategies/],
      // A strategy's counter must belong to a step, and a name rides in no field of its own.
      [
        batch([failed('anchor'), { ...failed('css'), step: '' }]),
        /signals\[1\]\.field: of a target\.strategyFailed/,
      ],
      [batch([{ ...missing, strategies: ['#secret'] } as Signal]), /unknown field "strategies"/],
      // A flood of names: no more than a batch's 500 counters, each once.
      [batch(Array.from({ length: 501 }, (_, i) => failed(`s${i}`))), /signals: /],
      [batch([missing, failed('anchor'), failed('anchor')]), /repeats the counter of signals\[1\]/],
    ];
    for (const [body, message] of refusals) {
      const response = await post(url, ingest, body);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    expect(await endpoint.store.orgData(org)).toMatchObject({ counters: 0, batches: 0 });
  });

  it('attack: refuses a time or a step in a time on task, and a survey sum its score does not make', async () => {
    const { ingest, org } = await newOrg();
    const timed = (more: Partial<Signal>) =>
      signal({ kind: 'task.timed', guide: 'demo-log-call', version: 1, pageType: '', ...more });
    const answered = (more: Partial<Signal>) =>
      signal({
        kind: 'survey.answered',
        guide: 'demo-pipeline-review',
        version: 1,
        step: 'useful',
        ...more,
      });
    const refusals: [object, RegExp][] = [
      [
        batch([timed({ field: '1778400000000' })]),
        /signals\[0\]\.field: of a task\.timed counter must be one of the time buckets under-30s, 30s-2m, 2m-10m, over-10m/,
      ],
      [batch([timed({ field: '95000' })]), /must be one of the time buckets/],
      [
        batch([timed({ field: '30s-2m', step: 'open' })]),
        /signals\[0\]\.step: of a task\.timed counter must be empty/,
      ],
      [
        batch([timed({ field: '30s-2m', pageType: 'opportunity:record' })]),
        /signals\[0\]\.pageType: of a task\.timed counter must be empty/,
      ],
      // Three answers of 9 sum 27: 26 is no such counter.
      [
        batch([answered({ field: '9', count: 3, scoreSum: 26 })]),
        /signals\[0\]\.scoreSum: of a survey\.answered counter of score 9 must be count × 9 = 27/,
      ],
      [
        batch([answered({ field: '09', count: 1, scoreSum: 9 })]),
        /signals\[0\]\.field: of a survey\.answered counter must be empty or a score from 0 to 10/,
      ],
    ];
    for (const [body, message] of refusals) {
      const response = await post(url, ingest, body);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    expect(await endpoint.store.orgData(org)).toMatchObject({ counters: 0, batches: 0 });
    // The same, well formed, is taken.
    const good = batch([
      timed({ field: '30s-2m', count: 2 }),
      answered({ field: '9', count: 3, scoreSum: 27 }),
    ]);
    expect((await post(url, ingest, good)).status).toBe(200);
    expect(await endpoint.store.orgData(org)).toMatchObject({ counters: 2, batches: 1 });
  });

  it('refuses an invalid batch with the path of the first problem', async () => {
    const { ingest } = await newOrg();
    const signals = [signal(), signal(), signal(), { ...signal(), kind: 'guide.strated' }];
    const response = await post(url, ingest, {
      schemaVersion: 1,
      batchId: crypto.randomUUID(),
      signals,
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: 'invalid_batch', path: 'signals[3].kind' });
    expect(body.message).toMatch(
      /^signals\[3\]\.kind: expected one of guide\.started, .* — got "guide\.strated"\.$/,
    );

    const missing = await post(url, ingest, { schemaVersion: 1, batchId: crypto.randomUUID() });
    expect(await missing.json()).toMatchObject({
      path: 'signals',
      message: 'signals: is required.',
    });

    const notJson = await post(url, ingest, '{"schemaVersion": 1,');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe('invalid_json');

    const extra = await post(url, ingest, { ...batch([signal({ field: 'x' })]), ip: '10.0.0.1' });
    expect(await extra.json()).toMatchObject({
      path: '',
      message: 'The batch: unknown field "ip".',
    });
  });

  it('answers 401 without a live token of the right kind', async () => {
    const { ingest, admin } = await newOrg();
    const body = batch([signal()]);
    const cases: [string | null, string][] = [
      [null, 'Send an ingest token in the Authorization header as "Bearer <token>".'],
      ['not-a-token', 'This token is not known.'],
      ['A'.repeat(43), 'This token is not known.'],
      [admin, 'This route needs an ingest token; this is an admin token.'],
    ];
    for (const [token, message] of cases) {
      const response = await post(url, token, body);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toEqual({ error: 'unauthorized', message });
    }
    const basic = await post(url, null, body, { authorization: `Basic ${ingest}` });
    expect(basic.status).toBe(401);
    const snapshotWithIngest = await get(
      `${url}/v1/snapshots?from=2026-05-01&to=2026-05-02`,
      ingest,
    );
    expect(snapshotWithIngest.status).toBe(401);
    expect((await get(`${url}/v1/guides`, null)).status).toBe(401);
  });

  it('answers 413 for a body over the limit, announced, streamed or inflated', async () => {
    const { ingest } = await newOrg();
    const huge = JSON.stringify({ ...batch([signal()]), pad: 'x'.repeat(300 * 1024) });
    const announced = await post(url, ingest, huge);
    expect(announced.status).toBe(413);
    expect(await announced.json()).toEqual({
      error: 'payload_too_large',
      message: 'The body is larger than the limit of 256 kB.',
    });

    const chunks = new TextEncoder().encode('x'.repeat(64 * 1024));
    const streamed = await fetch(`${url}/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingest}` },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 6; i++) controller.enqueue(chunks);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 32)); // ~2 kB that inflate to 2 MB
    const inflated = await post(url, ingest, bomb, { 'content-encoding': 'gzip' });
    expect(inflated.status).toBe(413);

    const small = gzipSync(JSON.stringify(batch([signal()])));
    expect((await post(url, ingest, small, { 'content-encoding': 'gzip' })).status).toBe(200);
  });

  it('answers 415 for bodies that are not JSON', async () => {
    const { ingest } = await newOrg();
    const body = JSON.stringify(batch([signal()]));
    const cases: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json', 'content-encoding': 'br' },
    ];
    for (const headers of cases) {
      const response = await post(url, ingest, body, headers);
      expect(response.status).toBe(415);
      expect((await response.json()).error).toBe('unsupported_media_type');
    }
  });

  it('limits a client per token with a token bucket and says when to retry', async () => {
    const limited = await startEndpoint({
      port: 0,
      ...opened.options,
      rateLimit: { perSecond: 1, burst: 3 },
      today: () => TODAY,
    });
    try {
      const { ingest } = await newOrg();
      const other = await newOrg();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const response = await post(limited.url, ingest, batch([signal()]));
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(await response.json()).toMatchObject({ error: 'rate_limited' });
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(retryAfter).toBe('1');
      // Another token has its own bucket.
      expect((await post(limited.url, other.ingest, batch([signal()]))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("serves the organisation's guide pack with a strong ETag and 304 when unchanged", async () => {
    const { org, ingest } = await newOrg();
    // An organisation serves what it published: here, the guides directory imported.
    await importGuides(endpoint.store, org, join(ROOT, 'guides'), { label: 'test import' });
    const first = await get(`${url}/v1/guides`, ingest);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const pack = (await first.json()) as { schemaVersion: number; guides: { id: string }[] };
    const files = readdirSync(join(ROOT, 'guides')).filter(
      (f) => f.endsWith('.json') && f !== 'guide.schema.json',
    );
    expect(pack.schemaVersion).toBe(1);
    expect(pack.guides.map((g) => `${g.id}.json`).sort()).toEqual(files.sort());
    for (const header of [etag as string, `W/${etag}`, `"other", ${etag}`]) {
      const again = await get(`${url}/v1/guides`, ingest, { 'if-none-match': header });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    expect((await get(`${url}/v1/guides`, ingest, { 'if-none-match': '"old"' })).status).toBe(200);
  });

  it('gives snapshots as JSON and CSV, suppressing cells below k, with baseline deltas', async () => {
    const { ingest, admin } = await newOrg();
    const send = (signals: ReturnType<typeof browserDay>) => post(url, ingest, batch(signals));
    // Baseline week: 5 browsers, 1 completes. Current week: 8 browsers, 6 complete, 2 dismiss;
    // 2 managers (fewer than k: their role must not even be named).
    for (let i = 0; i < 5; i++) await send(browserDay('2026-04-27', { completed: i < 1 }));
    for (let i = 0; i < 8; i++) {
      await send(
        browserDay('2026-05-04', { completed: i < 6, dismissed: i >= 6, score: i < 6 ? 5 : 1 }),
      );
    }
    for (let i = 0; i < 2; i++) await send(browserDay('2026-05-05', { role: 'manager' }));

    const query = 'from=2026-05-04&to=2026-05-10&baselineFrom=2026-04-27&baselineTo=2026-05-03';
    const s = await snapshot(admin, query);
    expect(s.period).toEqual({ from: '2026-05-04', to: '2026-05-10', days: 7 });
    expect(s.baseline).toEqual({ from: '2026-04-27', to: '2026-05-03', days: 7 });
    expect(s.activeUsers.byRole).toEqual([
      {
        role: 'rep',
        busiestDayUsers: 8,
        userWeeks: 8,
        baseline: { busiestDayUsers: 5, userWeeks: 5 },
        delta: { busiestDayUsers: 3, userWeeks: 3 },
      },
    ]);
    expect(JSON.stringify(s)).not.toContain('manager');
    const g = guideOf(s);
    expect(g).toMatchObject({
      started: 10, // 8 reps and 2 managers: the funnel has no role, and 8 a day is ≥ k
      completed: 6,
      completionRate: 0.6,
      dismissed: { suppressed: true },
      dismissRate: { suppressed: true },
      surveyResponses: 8,
      surveyMeanScore: 4,
      baseline: {
        started: 5,
        completed: { suppressed: true },
        completionRate: { suppressed: true },
      },
      delta: { started: 5, completed: { suppressed: true }, completionRate: { suppressed: true } },
    });
    expect(s.surveys).toEqual([
      expect.objectContaining({
        guide: 'demo-log-call',
        version: 1,
        responses: 8,
        meanScore: 4,
        completionRate: 0.6,
      }),
    ]);
    // Steps in guide order (open before subject), as the guide pack lists them.
    expect(g?.steps.map((step) => step.step)).toEqual(['open', 'subject']);

    const csvResponse = await get(`${url}/v1/snapshots?${query}&format=csv`, admin);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csvResponse.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'section,role,day,guide,version,step,pageType,field,metric,value,baseline,delta,cohort',
    );
    expect(lines).toContain('"guides",,,"demo-log-call",1,,,,"started",10,5,5,');
    expect(lines).toContain(
      '"guides",,,"demo-log-call",1,,,,"dismissed","fewer than k","fewer than k","fewer than k",',
    );
    expect(lines).toContain('"activeUsers","rep",,,,,,,"busiestDayUsers",8,5,3,');
    expect(lines).toContain('"activeUsersDaily","rep","2026-05-04",,,,,,"users",8,,,');
    expect(lines).toContain('"fields",,,,,,"opportunity:edit","Next Step","empty",10,5,5,');
    expect(lines.join('\n')).not.toContain('manager');
  });

  it('refuses snapshot queries that are not two valid days within 366 days', async () => {
    const { admin } = await newOrg();
    const cases: [string, string, string][] = [
      ['from=2026-05-01', 'to', 'to: is required.'],
      [
        'from=2026-13-01&to=2026-05-01',
        'from',
        'from: expected a date as YYYY-MM-DD — got "2026-13-01".',
      ],
      ['from=2026-05-02&to=2026-05-01', 'to', 'to: must not be before from.'],
      [
        'from=2025-01-01&to=2026-01-02',
        'to',
        'to: the period may span at most 366 days — got 367.',
      ],
      [
        'from=2026-05-01&to=2026-05-02&baselineFrom=2026-04-01',
        'baselineTo',
        'baselineTo: baselineFrom and baselineTo go together.',
      ],
      [
        'from=2026-05-01&to=2026-05-02&format=xml',
        'format',
        'format: expected one of json, csv — got "xml".',
      ],
    ];
    for (const [query, path, message] of cases) {
      const response = await get(`${url}/v1/snapshots?${query}`, admin);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_query', path, message });
    }
    expect((await get(`${url}/v1/snapshots?from=2025-01-01&to=2025-12-31`, admin)).status).toBe(
      200,
    );
  });

  it('manages tokens from the CLI: created once, listed without value, revoked → 401', async () => {
    const org = `cli-${storeUnderTest.name.toLowerCase()}`;
    const created = await cli(['token', 'create', '--org', org, '--kind', 'ingest'], opened.env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('Copy it now');
    expect((await get(`${url}/v1/guides`, token)).status).toBe(200);

    const listed = await cli(['token', 'list', '--org', org], opened.env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(token);
    const id = /^(tok_[0-9a-f]+)\s/m.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();

    const revoked = await cli(['token', 'revoke', id as string], opened.env);
    expect(revoked.code, revoked.stderr).toBe(0);
    const refused = await post(url, token, batch([signal()]));
    expect(refused.status).toBe(401);
    expect((await refused.json()).message).toBe(
      'This token was revoked; ask your admin for a new one.',
    );
  }, 30_000);

  it('creates a labelled trainer token and imports a guides directory from the CLI', async () => {
    const org = `cli-guides-${storeUnderTest.name.toLowerCase()}`;
    const trainer = await cli(
      ['token', 'create', '--org', org, '--kind', 'trainer', '--label', 'Sales enablement'],
      opened.env,
    );
    expect(trainer.code, trainer.stderr).toBe(0);
    const listed = await cli(['token', 'list', '--org', org], opened.env);
    expect(listed.stdout).toMatch(/\ttrainer\t.*\tactive\tSales enablement$/m);
    const badLabel = await cli(
      ['token', 'create', '--org', org, '--kind', 'trainer', '--label', 'two\nlines'],
      opened.env,
    );
    expect(badLabel.code).toBe(1);
    expect(badLabel.stderr).toContain('--label must be one line of at most 80 characters');

    const imported = await cli(
      ['guides', 'import', join(ROOT, 'guides'), '--org', org, '--label', 'first import'],
      opened.env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^Imported \d+ guides into org cli-guides-.*demo-log-call v1/m);
    const library = await get(`${url}/v1/guides/library`, trainer.stdout.trim());
    const { guides } = (await library.json()) as {
      guides: { guideId: string; live: number; changes: { by: string }[] }[];
    };
    expect(guides.find((g) => g.guideId === 'demo-log-call')).toMatchObject({
      live: 1,
      changes: [{ by: 'first import' }, { by: 'first import' }],
    });
    // A directory with a broken guide imports nothing, and says why.
    const broken = mkdtempSync(join(tmpdir(), 'waymark-broken-guides-'));
    try {
      writeFileSync(join(broken, 'bad.json'), '{"schemaVersion": 1, "id": "bad"');
      const refused = await cli(['guides', 'import', broken, '--org', org], opened.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('have problems');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 30_000);

  it('stores tokens hashed and nothing of the client: no address, no user agent', async () => {
    const { ingest, admin } = await newOrg();
    const forwarded = { 'x-forwarded-for': FORWARDED_FOR, 'x-real-ip': FORWARDED_FOR };
    expect((await post(url, ingest, batch(browserDay('2026-05-07')), forwarded)).status).toBe(200);
    expect((await get(`${url}/v1/guides`, ingest, forwarded)).status).toBe(200);
    expect((await get(`${url}/v1/snapshots?from=2026-05-07&to=2026-05-07`, admin)).status).toBe(
      200,
    );
    const stored = await opened.dump();
    expect(stored).toContain(hashToken(ingest)); // the dump does hold the tables
    for (const secret of [
      ingest,
      admin,
      CANARY_AGENT,
      'WaymarkCanaryAgent',
      '127.0.0.1',
      FORWARDED_FOR,
    ]) {
      expect(stored.includes(secret), secret).toBe(false);
    }
  });

  it('answers unknown routes and methods with JSON errors', async () => {
    const missing = await fetch(`${url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'not_found',
      message: 'There is nothing at /v2/nothing.',
    });
    const wrong = await fetch(`${url}/v1/signals`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await wrong.json()).error).toBe('method_not_allowed');
  });
});

describe('token CLI arguments', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { WAYMARK_SQLITE: ':memory:' },
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('explains what is wrong and exits 1', async () => {
    const cases: [string[], string][] = [
      [['token', 'create', '--org', 'acme'], 'token create needs --kind ingest|admin|trainer.'],
      [['token', 'create', '--kind', 'ingest'], 'token create needs --org ORG.'],
      [
        ['token', 'create', '--org', 'acme', '--kind', 'root'],
        '--kind must be ingest, admin, trainer — got "root".',
      ],
      [
        ['token', 'create', '--org', 'Acme Inc', '--kind', 'admin'],
        'Error: "Acme Inc" is not a valid org',
      ],
      [['token', 'revoke'], 'token revoke needs the token id (see token list).'],
      [['token', 'revoke', 'tok_0000'], 'No token tok_0000 in SQLite :memory: (see token list).'],
      [
        ['token', 'create', '--org', 'acme', '--kind', 'admin', '--colour'],
        "Unknown option '--colour'",
      ],
      [['token', 'burn'], 'Unknown token command "burn".'],
      [['serve'], 'Unknown command "serve".'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err).toContain(message);
    }
  });

  it('prints usage on help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('npm run server -- token create --org ORG --kind ingest|admin');
  });
});

describe('batch ids on start', () => {
  it('prunes ids older than batchIdDays when the endpoint starts, and keeps the recent ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-prune-'));
    const sqlitePath = join(dir, 'endpoint.sqlite');
    try {
      const first = await startEndpoint({ port: 0, sqlitePath, rateLimit: false });
      const [old, recent] = [crypto.randomUUID(), crypto.randomUUID()];
      const day = '2026-05-16';
      await first.store.ingest('acme', old, [signal({ day })]);
      await first.store.ingest('acme', recent, [signal({ day })]);
      await first.close();
      // As if the first batch had arrived 31 days ago.
      const db = new Database(sqlitePath);
      db.prepare('UPDATE batches SET received_on = ? WHERE batch_id = ?').run(
        addDays(utcDay(Date.now()), -31),
        old,
      );
      db.close();

      const next = await startEndpoint({ port: 0, sqlitePath, rateLimit: false, batchIdDays: 30 });
      try {
        await vi.waitFor(async () => expect((await next.store.orgData('acme')).batches).toBe(1));
        expect(await next.store.ingest('acme', recent, [signal({ day })])).toEqual({
          duplicate: true,
        });
        expect(await next.store.ingest('acme', old, [signal({ day })])).toEqual({
          duplicate: false,
        });
      } finally {
        await next.close();
      }
      await expect(startEndpoint({ port: 0, sqlitePath, batchIdDays: 0 })).rejects.toThrow(
        'batchIdDays must be a whole number ≥ 1 — got 0',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
