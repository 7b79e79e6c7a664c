// The organisation's remote guide pack: ETag and 304, a refused pack or a network failure keeps
// the last good one with the reason, and how remote guides rank against bundled and imported ones.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import {
  importGuides,
  registerBundledGuides,
  registerRemoteGuides,
  removeImportedGuide,
} from '../../../background/guideRegistry';
import {
  checkPack,
  createOrgGuidePack,
  PACK_KEY,
  packSourceOf,
  START_REFRESH_AFTER_MS,
  type PackSource,
} from '../../../background/orgGuidePack';
import type { Guide } from '../../../core/guide/schema';
import { rolloutSlot, type Audience } from '../../../core/match';
import { makeGuide } from '../helpers/guides';

const URL_ = 'https://waymark.acme.example/v1/guides';
const guide = (id: string, version = 1, title = `${id} v${version}`): Guide =>
  makeGuide({ id, version, title });
const packText = (guides: unknown[]) => JSON.stringify({ schemaVersion: 1, guides });

interface Answer {
  status: number;
  body?: string;
  etag?: string;
}

let db: WaymarkDb;
let clock: number;

beforeEach(() => {
  db = openDb(`pack-${Math.random()}`);
  clock = Date.UTC(2026, 5, 1, 9);
});
afterEach(async () => {
  await db.delete();
});

const rows = async () =>
  (await db.guides.toArray()).map((r) => `${r.id}@${r.version}:${r.source}`).sort();

/** A pack fetcher over a fake network that answers what the test says and records requests. */
function setup(
  bundled: Guide[] = [],
  source: PackSource | null = { url: URL_, token: 'tok' },
  audience: Omit<Audience, 'role'> | null = null,
) {
  const requests: Record<string, string>[] = [];
  let answer: Answer | Error = { status: 200, body: packText([]) };
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(Object.fromEntries(new Headers(init?.headers)));
    if (answer instanceof Error) throw answer;
    const headers: Record<string, string> = answer.etag ? { etag: answer.etag } : {};
    return new Response(answer.status === 304 ? null : (answer.body ?? ''), {
      status: answer.status,
      headers,
    });
  });
  const onRegistered = vi.fn(async () => undefined);
  const pack = createOrgGuidePack({
    db,
    bundled,
    source: async () => source,
    onRegistered,
    audience: async () => audience,
    fetch: fetch as unknown as typeof globalThis.fetch,
    now: () => clock,
  });
  return {
    pack,
    requests,
    onRegistered,
    answer: (next: Answer | Error) => (answer = next),
  };
}

describe('checking a pack', () => {
  it('takes a pack only when every guide passes, and names each problem as guides:check does', () => {
    expect(checkPack(packText([guide('a'), guide('b')]))).toMatchObject({
      guides: [{ id: 'a' }, { id: 'b' }],
    });
    const broken = { ...guide('b'), steps: [{ id: 's', kind: 'modall', title: 'x' }] };
    expect(checkPack(packText([guide('a'), broken, { id: 'c' }]))).toEqual({
      problem:
        'The pack was refused (8 problems): guides[1] "b" steps[0].kind: expected one of tooltip, spotlight, hotspot, modal, fieldTip, survey — got "modall"; guides[2] "c" schemaVersion: expected 1 — got nothing; guides[2] "c" version: is required; and 5 more',
    });
    expect(checkPack(packText([guide('a'), guide('a', 2)]))).toEqual({
      problem:
        'The pack was refused (1 problem): guides[1] "a" id: "a" is already the id of guides[0] "a"',
    });
    expect(checkPack('{"schemaVersion": 1, "guides": [')).toMatchObject({
      problem: expect.stringMatching(/^The pack is not valid JSON \(/),
    });
    expect(checkPack('{"schemaVersion": 2, "guides": []}')).toEqual({
      problem: 'The pack is for guide schema version 2; this Waymark reads version 1',
    });
    expect(checkPack('[]')).toEqual({
      problem: 'The pack is not a guide pack (expected an object with "guides")',
    });
    expect(checkPack('{"schemaVersion": 1}')).toEqual({ problem: 'The pack has no "guides" list' });
  });

  it('fetches from the policy’s pack address, else the endpoint; the token goes to the endpoint only', () => {
    const endpoint = { endpointUrl: 'https://waymark.acme.example', ingestToken: 'tok' };
    expect(packSourceOf(undefined, endpoint)).toEqual({ url: URL_, token: 'tok' });
    expect(packSourceOf('https://cdn.acme.example/pack.json', endpoint)).toEqual({
      url: 'https://cdn.acme.example/pack.json',
      token: null,
    });
    expect(packSourceOf('https://waymark.acme.example/packs/sales.json', endpoint)).toEqual({
      url: 'https://waymark.acme.example/packs/sales.json',
      token: 'tok',
    });
    expect(packSourceOf('https://cdn.acme.example/pack.json', null)?.token).toBeNull();
    expect(packSourceOf(undefined, null)).toBeNull();
  });
});

describe('fetching the pack', () => {
  it('stores a checked pack, then asks with If-None-Match and keeps it on 304', async () => {
    const { pack, requests, onRegistered, answer } = setup();
    answer({ status: 200, body: packText([guide('remote-1')]), etag: '"v1"' });
    const first = await pack.refresh();
    expect(first).toMatchObject({
      url: URL_,
      from: URL_,
      guides: 1,
      updatedAt: clock,
      checkedAt: clock,
      lastError: null,
    });
    expect(requests[0]).toMatchObject({ authorization: 'Bearer tok' });
    expect(requests[0]?.['if-none-match']).toBeUndefined();
    expect(await rows()).toEqual(['remote-1@1:remote']);
    expect(onRegistered).toHaveBeenCalledTimes(1);

    const updatedAt = clock;
    clock += 60 * 60 * 1000;
    answer({ status: 304, etag: '"v1"' });
    const second = await pack.refresh(true);
    expect(requests[1]).toMatchObject({ 'if-none-match': '"v1"', authorization: 'Bearer tok' });
    expect(second).toMatchObject({ guides: 1, updatedAt, checkedAt: clock, lastError: null });
    expect(await rows()).toEqual(['remote-1@1:remote']);
    expect(onRegistered).toHaveBeenCalledTimes(1);
  });

  it('on start, fetches again only when the last attempt is old or the source changed', async () => {
    const { pack, requests } = setup();
    await pack.refresh();
    clock += START_REFRESH_AFTER_MS - 1;
    await pack.refresh();
    expect(requests).toHaveLength(1);
    clock += 2;
    await pack.refresh();
    expect(requests).toHaveLength(2);
  });

  it('keeps the last good pack when a new one is invalid, and records when and why', async () => {
    const { pack, answer, onRegistered } = setup();
    answer({ status: 200, body: packText([guide('remote-1'), guide('remote-2')]), etag: '"v1"' });
    const good = await pack.refresh();
    clock += 1000;
    answer({ status: 200, body: packText([guide('remote-1', 2), { id: 'x' }]), etag: '"v2"' });
    const bad = await pack.refresh(true);
    expect(bad).toMatchObject({
      guides: 2,
      updatedAt: good.updatedAt,
      lastAttemptAt: clock,
      lastError: {
        at: clock,
        reason: expect.stringMatching(/^The pack was refused \(\d+ problems\): guides\[1\] "x"/),
      },
    });
    expect(await rows()).toEqual(['remote-1@1:remote', 'remote-2@1:remote']);
    expect(await pack.guides()).toHaveLength(2);
    expect(onRegistered).toHaveBeenCalledTimes(1);
    // The ETag of the good pack is still the one asked about.
    answer({ status: 304 });
    expect(await pack.refresh(true)).toMatchObject({ lastError: null, guides: 2 });
  });

  it('keeps the last good pack through network failures and error answers', async () => {
    const { pack, answer } = setup();
    answer({ status: 200, body: packText([guide('remote-1')]), etag: '"v1"' });
    await pack.refresh();
    answer(new TypeError('Failed to fetch'));
    expect((await pack.refresh(true)).lastError?.reason).toBe(
      'https://waymark.acme.example could not be reached (offline, or the address is wrong)',
    );
    answer({ status: 401, body: JSON.stringify({ message: 'Unknown token.' }) });
    expect((await pack.refresh(true)).lastError?.reason).toBe(
      'https://waymark.acme.example answered 401: Unknown token.. Check the ingest token',
    );
    answer({ status: 200, body: 'not json' });
    expect((await pack.refresh(true)).lastError?.reason).toMatch(/^The pack is not valid JSON/);
    expect(await rows()).toEqual(['remote-1@1:remote']);
    // A good pack clears the failure.
    answer({ status: 200, body: packText([guide('remote-1', 2)]), etag: '"v2"' });
    expect(await pack.refresh(true)).toMatchObject({ lastError: null, guides: 1 });
    expect(await rows()).toEqual(['remote-1@2:remote']);
  });

  it('does nothing without a source, and says when the host permission is missing', async () => {
    const { pack, requests } = setup([], null);
    expect(await pack.refresh(true)).toMatchObject({ url: null, from: null, guides: 0 });
    expect(requests).toEqual([]);

    const denied = createOrgGuidePack({
      db,
      bundled: [],
      source: async () => ({ url: URL_, token: null }),
      onRegistered: async () => undefined,
      canReach: async () => false,
      fetch: (() => {
        throw new Error('must not fetch');
      }) as unknown as typeof fetch,
      now: () => clock,
    });
    expect(await denied.refresh(true)).toMatchObject({
      permissionNeeded: 'https://waymark.acme.example',
      lastError: {
        reason:
          'Waymark is not allowed to reach https://waymark.acme.example yet: press "Allow" in the Guides section of Waymark\'s options',
      },
    });
  });

  it('registers the kept pack again at start, and drops it if it no longer passes', async () => {
    const bundled = [guide('shared', 1)];
    await registerBundledGuides(db, bundled);
    const { pack, answer } = setup(bundled);
    answer({ status: 200, body: packText([guide('shared', 2), guide('remote-1')]), etag: '"v1"' });
    await pack.refresh();
    // A new release registers its pack (same version of "shared"): the remote v2 stays.
    await registerBundledGuides(db, bundled);
    await pack.reapply();
    expect(await rows()).toEqual(['remote-1@1:remote', 'shared@2:remote']);

    // A stored guide that does not pass this version's checks never runs.
    const record = (await db.settings.get(PACK_KEY))?.value as { guides: unknown[] };
    await db.settings.put({
      key: PACK_KEY,
      value: { ...record, guides: [...record.guides, { id: 'tampered', steps: [] }] },
    });
    await pack.reapply();
    expect(await rows()).toEqual(['shared@1:bundled']);
    const status = await pack.status();
    expect(status).toMatchObject({ guides: 0, from: null });
    expect(status.lastError?.reason).toMatch(/does not pass the checks/);
  });
});

describe('remote guides in the registry', () => {
  it('the highest version wins whatever the source; on a tie what is registered stays', async () => {
    const bundled = [guide('up', 1), guide('tie', 1), guide('down', 3)];
    await registerBundledGuides(db, bundled);
    await importGuides(db, [{ file: 'mine.json', guide: guide('mine', 4) }]);
    await registerRemoteGuides(
      db,
      [
        guide('up', 2),
        guide('tie', 1, 'remote tie'),
        guide('down', 2),
        guide('mine', 3),
        guide('new'),
      ],
      bundled,
    );
    expect(await rows()).toEqual([
      'down@3:bundled',
      'mine@4:imported',
      'new@1:remote',
      'tie@1:bundled',
      'up@2:remote',
    ]);
    expect((await db.guides.get('tie'))?.guide.title).toBe('tie v1');

    // An import replaces a remote guide only with a higher version.
    const refused = await importGuides(db, [{ file: 'up.json', guide: guide('up', 2) }]);
    expect(refused.problems[0]?.message).toBe(
      'is 2, but "up" already has version 2 (from your organisation\'s guide pack); raise version above 2 to replace it',
    );
    await importGuides(db, [{ file: 'up.json', guide: guide('up', 3) }]);
    // Removing that import brings the organisation's guide back, not the older built-in one.
    expect(await removeImportedGuide(db, 'up', bundled, [guide('up', 2)])).toEqual({
      removed: true,
      restored: 2,
      restoredFrom: 'remote',
    });

    // The pack is the truth about its own guides: dropped ones go, the built-in one comes back.
    await registerRemoteGuides(db, [guide('new', 1, 'renamed')], bundled);
    expect(await rows()).toEqual([
      'down@3:bundled',
      'mine@4:imported',
      'new@1:remote',
      'tie@1:bundled',
      'up@1:bundled',
    ]);
    expect((await db.guides.get('new'))?.guide.title).toBe('renamed');
    // A release with a higher version replaces a remote guide.
    await registerBundledGuides(db, [...bundled, guide('new', 2)]);
    expect(await rows()).toContain('new@2:bundled');
  });
});

describe('pilots', () => {
  const live = guide('log-call', 2, 'the live text');
  const pilot = guide('log-call', 3, 'the pilot text');
  const pilotPack = (percent: number, extra: object = {}) =>
    JSON.stringify({
      schemaVersion: 1,
      guides: [live],
      pilots: [{ rollout: { percent, ...extra }, guide: pilot }],
    });
  /** A seed whose slot for the guide is under 50, and one at 50 or over. */
  const seeds = () => {
    const all = Array.from({ length: 200 }, (_, i) => `seed-${i}`);
    return {
      inside: all.find((s) => rolloutSlot(s, 'log-call') < 50)!,
      outside: all.find((s) => rolloutSlot(s, 'log-call') >= 50)!,
    };
  };
  const audience = (seed: string, cohorts: string[] = []) => ({
    seed,
    cohorts,
    today: '2026-06-01',
  });

  it('runs the pilot where its rollout takes the user in, and the live version elsewhere', async () => {
    const { inside, outside } = seeds();
    const [bundled] = [[guide('log-call', 1, 'the release text')]];
    for (const [seed, expected] of [
      [inside, 'log-call@3:remote'],
      [outside, 'log-call@2:remote'],
    ] as const) {
      await db.guides.clear();
      await registerBundledGuides(db, bundled);
      const s = setup(bundled, { url: URL_, token: 'tok' }, audience(seed));
      s.answer({ status: 200, body: pilotPack(50), etag: `"${seed}"` });
      await s.pack.refresh(true);
      expect(await rows(), seed).toEqual([expected]);
      await db.settings.clear();
    }
  });

  it('chooses again when the pack is confirmed: a pilot whose dates have come is taken on a 304', async () => {
    const { inside } = seeds();
    let today = '2026-06-01';
    const s = createOrgGuidePack({
      db,
      bundled: [],
      source: async () => ({ url: URL_, token: 'tok' }),
      onRegistered: async () => undefined,
      audience: async () => ({ seed: inside, cohorts: ['wave-1'], today }),
      fetch: (async (_u: RequestInfo | URL, init?: RequestInit) =>
        new Headers(init?.headers).get('if-none-match')
          ? new Response(null, { status: 304 })
          : new Response(pilotPack(100, { cohorts: ['wave-1'], from: '2026-06-02' }), {
              headers: { etag: '"p"' },
            })) as typeof fetch,
      now: () => clock,
    });
    await s.refresh(true);
    expect(await rows()).toEqual(['log-call@2:remote']);
    today = '2026-06-02';
    await s.refresh(true);
    expect(await rows()).toEqual(['log-call@3:remote']);
  });

  it('runs no pilot without an audience, and refuses a pack whose pilot is malformed', async () => {
    const s = setup();
    s.answer({ status: 200, body: pilotPack(100) });
    await s.pack.refresh(true);
    expect(await rows()).toEqual(['log-call@2:remote']);
    expect(checkPack(pilotPack(150))).toEqual({
      problem: 'The pack was refused (1 problem): pilots[0].rollout: not a rollout',
    });
    const brokenGuide = JSON.stringify({
      schemaVersion: 1,
      guides: [],
      pilots: [{ rollout: { percent: 10 }, guide: { ...pilot, steps: [] } }],
    });
    expect(checkPack(brokenGuide)).toMatchObject({
      problem: expect.stringContaining('pilots[0].guide "log-call" steps'),
    });
  });
});
