/**
 * Time on task, unused pages and survey scores end to end, once per store: browsers' batches
 * posted to the endpoint over real HTTP, the snapshot read back as JSON. The figures are worked
 * out by hand below and must come out the same on SQLite and PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal } from '../../../core/signals';
import type { Snapshot } from '../../../core/snapshot';
import { startEndpoint, type Endpoint, type EndpointOptions } from '../../../server/index';
import { createToken } from '../../../server/tokens';
import { startTestDatabase } from '../../../scripts/postgres';
import { batch, get, post, signal } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TODAY = '2026-05-20';
const K = 3;
const PERIOD = { from: '2026-05-11', to: '2026-05-17' }; // ISO week 20
const BASELINE = { from: '2026-05-04', to: '2026-05-10' }; // ISO week 19
const S = { suppressed: true };

interface StoreUnderTest {
  name: string;
  open(): Promise<{ options: EndpointOptions; cleanup(): Promise<void> }>;
}

const stores: StoreUnderTest[] = [
  {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'waymark-measures-'));
      return {
        options: { sqlitePath: join(dir, 'waymark.sqlite') },
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
      return { options: { databaseUrl: db.url }, cleanup: () => db.stop() };
    },
  },
];

/** A guide pack of one guide whose survey asks 0–10 (the demo pipeline review, re-scaled). */
function npsGuidesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-guides-'));
  // Edited as text, so the file keeps the canonical layout the pack check asks for.
  const text = readFileSync(join(ROOT, 'guides', 'demo-pipeline-review.json'), 'utf8')
    .replace('"id": "demo-pipeline-review"', '"id": "demo-nps"')
    .replace('"scale": "1-5"', '"scale": "0-10"');
  writeFileSync(join(dir, 'demo-nps.json'), text);
  return dir;
}

const GUIDE = { guide: 'demo-nps', version: 1 };

/** One completed run's time, as the background sends it: no step, no page type. */
const timed = (day: string, cohort: Signal['cohort'], bucket: string): Signal =>
  signal({ day, kind: 'task.timed', ...GUIDE, step: '', pageType: '', field: bucket, cohort });

/** One answer of `score`: the score in `field`, and in `scoreSum` once. */
const answer = (day: string, score: number): Signal =>
  signal({
    day,
    kind: 'survey.answered',
    ...GUIDE,
    step: 'useful',
    pageType: 'report:pipeline',
    field: String(score),
    scoreSum: score,
    cohort: 'guided',
  });

/** One rep's week: active that week, and how often they opened each page type that day. */
const repWeek = (day: string, views: Record<string, number>): Signal[] => [
  signal({ day, kind: 'first.activeWeek', pageType: '', cohort: 'guided' }),
  ...Object.entries(views)
    .filter(([, count]) => count > 0)
    .map(([pageType, count]) =>
      signal({ day, kind: 'page.viewed', pageType, count, cohort: 'guided' }),
    ),
];

/** Each entry is what one browser sends in one batch. */
function browsers(): Signal[][] {
  const sent: Signal[][] = [];
  // Time on task, guided: 3 runs under 30 s, 4 of 30 s to 2 min, 3 over 10 min, one a browser.
  const buckets = [
    ...Array<string>(3).fill('under-30s'),
    ...Array<string>(4).fill('30s-2m'),
    ...Array<string>(3).fill('over-10m'),
  ];
  for (const bucket of buckets) sent.push([timed('2026-05-12', 'guided', bucket)]);
  // Observe-only: 2 passive workflows timed, below k = 3.
  for (let i = 0; i < 2; i++) sent.push([timed('2026-05-12', 'observe', 'under-30s')]);
  // Survey answers: 3 each of 10, 9, 8 and 6.
  for (const score of [10, 9, 8, 6]) {
    for (let i = 0; i < 3; i++) sent.push([answer('2026-05-13', score)]);
  }
  // Six reps each week. Baseline: account 4 views each, lead list 1 each for four of them,
  // opportunity 2 each. Period: account 1 each, lead list 1 each for two, opportunity 2 each.
  for (let i = 0; i < 6; i++) {
    sent.push(
      repWeek('2026-05-05', {
        'account:record': 4,
        'lead:list': i < 4 ? 1 : 0,
        'opportunity:record': 2,
      }),
      repWeek('2026-05-12', {
        'account:record': 1,
        'lead:list': i < 2 ? 1 : 0,
        'opportunity:record': 2,
      }),
    );
  }
  return sent;
}

describe.each(stores)('snapshot measures on $name', (storeUnderTest) => {
  let opened: Awaited<ReturnType<StoreUnderTest['open']>>;
  let endpoint: Endpoint;
  let guidesDir: string;
  let snapshot: Snapshot;
  /** The snapshot of the period and baseline with more in the query. */
  let read: (more: Record<string, string>) => Promise<Response>;

  beforeAll(async () => {
    opened = await storeUnderTest.open();
    guidesDir = npsGuidesDir();
    endpoint = await startEndpoint({
      port: 0,
      ...opened.options,
      guidesDir,
      k: K,
      rateLimit: false,
      today: () => TODAY,
    });
    const org = `measures-${storeUnderTest.name.toLowerCase()}`;
    const ingest = (await createToken(endpoint.store, org, 'ingest')).token;
    const admin = (await createToken(endpoint.store, org, 'admin')).token;
    for (const signals of browsers()) {
      const response = await post(endpoint.url, ingest, batch(signals));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ accepted: signals.length });
    }
    const query = new URLSearchParams({
      from: PERIOD.from,
      to: PERIOD.to,
      baselineFrom: BASELINE.from,
      baselineTo: BASELINE.to,
    });
    read = (more) =>
      get(`${endpoint.url}/v1/snapshots?${query}&${new URLSearchParams(more)}`, admin);
    const response = await read({});
    expect(response.status).toBe(200);
    snapshot = (await response.json()) as Snapshot;
  }, 60_000);

  afterAll(async () => {
    await endpoint?.close();
    await opened?.cleanup();
    if (guidesDir) rmSync(guidesDir, { recursive: true, force: true });
  }, 30_000);

  it('counts time on task per bucket with the median bucket', () => {
    // Guided: 3 + 4 + 0 + 3 = 10 runs; half is 5, reached in 30s-2m (3 + 4 = 7). 2m-10m has no
    // rows beside a total that is a figure: 0. Observe: 2 browsers, below k: all hidden, and the
    // empty buckets with them. Control sent nothing; nothing in the baseline week.
    const hidden = {
      buckets: ['under-30s', '30s-2m', '2m-10m', 'over-10m'].map((bucket) => ({ bucket, runs: S })),
      runs: S,
      median: S,
    };
    expect(snapshot.taskTime).toEqual([
      {
        guide: 'demo-nps',
        guided: {
          buckets: [
            { bucket: 'under-30s', runs: 3 },
            { bucket: '30s-2m', runs: 4 },
            { bucket: '2m-10m', runs: 0 },
            { bucket: 'over-10m', runs: 3 },
          ],
          runs: 10,
          median: '30s-2m',
        },
        control: hidden,
        observe: hidden,
        baseline: { guided: hidden, control: hidden, observe: hidden },
      },
    ]);
  });

  it('finds an unopened and a fallen page type against the baseline', () => {
    // 6 user-weeks in each week. account: 24 views (4 a user-week) before, 6 (1) now: fell.
    // lead list: 4 views from 4 reps (0.6667) before, 2 from 2 now: below k, unopened.
    // opportunity: 12 views, 2 a user-week, both weeks: steady.
    expect(snapshot.unusedPages).toEqual([
      {
        role: 'rep',
        pages: [
          {
            pageType: 'lead:list',
            status: 'unopened',
            views: S,
            viewsPerUserWeek: S,
            baseline: { views: 4, viewsPerUserWeek: 0.6667 },
            delta: { views: S, viewsPerUserWeek: S },
          },
          {
            pageType: 'account:record',
            status: 'fell',
            views: 6,
            viewsPerUserWeek: 1,
            baseline: { views: 24, viewsPerUserWeek: 4 },
            delta: { views: -18, viewsPerUserWeek: -3 },
          },
        ],
        steady: 1,
      },
    ]);
  });

  it('gives the 0–10 survey every score and its net promoter score', () => {
    // 12 answers: promoters 3 + 3 = 6, passives 3 (8; no 7), detractors 3 (6). NPS =
    // 100 × (6 − 3) / 12 = 25. Adjusted Wald: n = 15, p_P = 6.75 / 15 = 0.45,
    // p_D = 3.75 / 15 = 0.25, centre 0.2; variance (0.7 − 0.04) / 15 = 0.044, half-width
    // 1.959964 × 0.209762 = 0.411126: −21.11 to 61.11.
    const survey = snapshot.surveys.find((s) => s.guide === 'demo-nps');
    expect(survey).toMatchObject({ version: 1, responses: 12, meanScore: 8.25 });
    expect(survey?.distribution).toEqual({
      scale: '0-10',
      scores: [0, 0, 0, 0, 0, 0, 3, 0, 3, 3, 3].map((answers, score) => ({ score, answers })),
      nps: {
        promoters: 6,
        passives: 3,
        detractors: 3,
        score: 25,
        interval: { lower: -21.11, upper: 61.11 },
      },
    });
    // No answers in the baseline week: every score hidden, no total being a figure.
    expect(
      survey?.baselineDistribution?.scores.every((s) => 'suppressed' in Object(s.answers)),
    ).toBe(true);
  });

  it('narrows every section to a filter, and says which', async () => {
    // Observe-only: 2 timed runs (below k), no survey answers, no page views.
    const observe = (await (await read({ cohort: 'observe' })).json()) as Snapshot;
    expect(observe.filter).toEqual({ cohort: 'observe' });
    expect(observe.surveys).toEqual([]);
    expect(observe.unusedPages).toEqual([]);
    expect(observe.activeUsers.byRole).toEqual([]);
    expect(observe.taskTime.map((t) => t.guide)).toEqual([]);
    // The guide: its runs and answers as before; who was active is no guide's, and stays.
    const guide = (await (await read({ guide: 'demo-nps', version: '1' })).json()) as Snapshot;
    expect(guide.filter).toEqual({ guide: 'demo-nps', version: 1 });
    expect(guide.surveys.map((x) => x.distribution.nps?.score)).toEqual([25]);
    expect(guide.activeUsers.byRole).toEqual(snapshot.activeUsers.byRole);
    expect(guide.unusedPages).toEqual(snapshot.unusedPages);
    // Another guide: nothing of this one.
    const other = (await (await read({ guide: 'demo-welcome' })).json()) as Snapshot;
    expect(other.surveys).toEqual([]);
    expect(other.taskTime).toEqual([]);
  });

  it('attack: refuses a filter that names nothing a counter can, with the reason', async () => {
    for (const [more, path, message] of [
      [{ version: '2' }, 'version', /needs guide/],
      [{ crm: 'oracle' }, 'crm', /./],
      [{ role: 'Sales Rep' }, 'role', /role id/],
      [{ guide: '<b>x</b>' }, 'guide', /guide id/],
      [{ guide: 'demo-nps', version: '01' }, 'version', /version number/],
      [{ cohort: 'everyone' }, 'cohort', /./],
    ] as const) {
      const response = await read(more);
      expect(response.status, JSON.stringify(more)).toBe(400);
      const body = (await response.json()) as { issues?: { path: string; message: string }[] };
      const issue = JSON.stringify(body);
      expect(issue, JSON.stringify(more)).toContain(`"${path}"`);
      expect(issue).toMatch(message);
    }
  });
});
