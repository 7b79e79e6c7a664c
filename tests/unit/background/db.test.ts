// Every schema version has a before/after test: data written under the old version survives.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS } from '../../../background/db';
import { makeGuide } from '../helpers/guides';

describe('database migrations', () => {
  it('v1 → v2 keeps runs and settings and adds the event log, outbox and guide registry', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = openDb(name, 1);
    await v1.runs.put({
      guideId: 'g',
      version: 1,
      stepIndex: 2,
      status: 'active',
      startedAt: 1,
      updatedAt: 2,
    });
    await v1.settings.put({ key: 'role', value: 'manager' });
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['runs', 'settings']);
    v1.close();

    const v2 = openDb(name);
    await v2.open();
    expect(v2.verno).toBe(SCHEMA_VERSIONS.length);
    expect(v2.tables.map((t) => t.name).sort()).toEqual([
      'eventBatches',
      'guides',
      'outbox',
      'runs',
      'settings',
    ]);
    expect(await v2.runs.get('g')).toMatchObject({ stepIndex: 2, status: 'active' });
    expect(await v2.settings.get('role')).toEqual({ key: 'role', value: 'manager' });
    const seq = await v2.eventBatches.add({
      firstAt: 5,
      lastAt: 5,
      events: [{ at: 5, kind: 'page.viewed', role: 'rep', crm: 'demo', pageType: 'home' }],
    });
    expect(seq).toBe(1);
    await v2.delete();
  });
});

/** The schema the previous release shipped (this release adds no version). */
const PREVIOUS_RELEASE_VERSION = 2;

describe('this release over a database the previous release wrote', () => {
  it('keeps runs in progress, unsynced batches, the event log, settings and imported guides', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { createGuidance } = await import('../../../background/guidance');
    const { createGuideLibrary } = await import('../../../background/guideLibrary');
    const { readSettings } = await import('../../../background/settings');
    const { createSync } = await import('../../../background/sync');
    const { createUsageLog } = await import('../../../background/usageLog');
    const { orgFromPolicy } = await import('../../../core/policyRules');

    const name = `previous-release-${Math.random()}`;
    const day = '2026-03-02';
    const at = Date.UTC(2026, 2, 2, 10);
    const signal = (kind: string, count: number) => ({
      day,
      role: 'manager',
      crm: 'demo',
      kind,
      guide: '',
      version: 0,
      step: '',
      pageType: 'home',
      field: '',
      count,
      contributor: 1,
      scoreSum: 0,
    });
    const walk = makeGuide({
      id: 'walk',
      roles: ['manager'],
      match: { page: 'opportunity:record' },
      steps: [
        { id: 'one', kind: 'modal', title: 'One' },
        { id: 'two', kind: 'modal', title: 'Two' },
      ],
    });
    const imported = makeGuide({ id: 'mine', version: 4, roles: ['manager'] });

    // What the previous release left behind, written with its schema.
    const old = openDb(name, PREVIOUS_RELEASE_VERSION);
    await old.runs.put({
      guideId: 'walk',
      version: 1,
      stepIndex: 1,
      status: 'active',
      startedAt: at,
      updatedAt: Date.now(),
      pageType: 'opportunity:record',
    });
    await old.settings.bulkPut([
      { key: 'role', value: 'manager' },
      { key: 'paused', value: false },
      { key: 'seed', value: 'seed-from-last-release' },
      {
        key: 'sync.config',
        value: {
          endpointUrl: 'https://waymark.acme.example',
          ingestToken: 'tok',
          timeoutMs: 15_000,
        },
      },
    ]);
    const first = await old.eventBatches.add({
      firstAt: at,
      lastAt: at,
      events: [{ at, kind: 'page.viewed', role: 'manager', crm: 'demo', pageType: 'home' }],
    });
    // That batch was already counted into the outbox; the next one was not.
    await old.settings.put({
      key: 'sync.state',
      value: {
        cursor: first,
        reported: { contributed: {}, activeDays: [day], activeWeeks: [], completedGuides: [] },
        attempts: 2,
        nextAttemptAt: 0,
        lastSuccessAt: null,
        lastError: 'The endpoint answered 500',
      },
    });
    await old.eventBatches.add({
      firstAt: at + 1,
      lastAt: at + 1,
      events: [{ at: at + 1, kind: 'page.viewed', role: 'manager', crm: 'demo', pageType: 'home' }],
    });
    const queued = [crypto.randomUUID(), crypto.randomUUID()];
    await old.outbox.bulkAdd(
      queued.map((batchId, i) => ({
        day,
        payload: { schemaVersion: 1, batchId, signals: [signal('page.viewed', i + 1)] },
      })),
    );
    await old.guides.bulkPut([
      { id: 'walk', version: 1, source: 'bundled', guide: walk },
      { id: 'mine', version: 4, source: 'imported', guide: imported, importedAt: at },
    ]);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.length);

    // Settings read as before, under a policy the previous release did not know.
    const org = orgFromPolicy({ allowedRoles: ['rep', 'manager'], cohort: 'wave-1' });
    expect(await readSettings(db, org)).toMatchObject({
      role: 'manager',
      roleSource: 'chosen',
      paused: false,
      seed: 'seed-from-last-release',
      cohorts: ['wave-1'],
    });

    // The imported guide is still registered; the walkthrough resumes where it was.
    let guides = [walk];
    const library = createGuideLibrary({ db, pack: [walk], onGuides: (g) => (guides = g) });
    await library.ready;
    expect(guides.map((g) => `${g.id}@${g.version}`).sort()).toEqual(['mine@4', 'walk@1']);
    expect((await library.list()).find((g) => g.id === 'mine')).toMatchObject({
      source: 'imported',
      importedAt: at,
    });
    const guidance = createGuidance({ db, usage: createUsageLog(db), guides: () => guides, org });
    const page = await guidance.pageGuides('http://127.0.0.1:5178/app/opportunities/opp-1001');
    expect(page.active?.run).toMatchObject({ guideId: 'walk', stepIndex: 1, status: 'active' });

    // The queued batches go first, in order and with their ids; then the rest of the log, once.
    const sent: { batchId: string; signals: { kind: string; count: number }[] }[] = [];
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(gunzipSync(Buffer.from(init?.body as ArrayBuffer)).toString('utf8')));
      return Response.json({ accepted: 1 });
    }) as typeof globalThis.fetch;
    const sync = createSync({ db, fetch, policy: () => ({}), now: () => at + 1000 });
    const status = await sync.run(true);
    expect(status).toMatchObject({ pendingBatches: 0, lastError: null, attempts: 0 });
    expect(sent.slice(0, 2).map((b) => b.batchId)).toEqual(queued);
    // Only the batch after the cursor is counted: the first one already was.
    expect(
      sent
        .slice(2)
        .flatMap((b) => b.signals.map((s) => `${s.kind}×${s.count}`))
        .sort(),
    ).toEqual(['first.activeWeek×1', 'page.viewed×1']);
    expect(await db.eventBatches.count()).toBe(2);
    await db.delete();
  });
});

describe('guide registry', () => {
  it('registers the bundled guides and forgets bundled guides that are gone', async () => {
    const { registerBundledGuides, registeredGuides } =
      await import('../../../background/guideRegistry');
    const guide = (id: string) => makeGuide({ id, title: id });
    const db = openDb(`registry-${Math.random()}`);
    await registerBundledGuides(db, [guide('a'), guide('b')]);
    await registerBundledGuides(db, [guide('b')]);
    expect((await registeredGuides(db)).map((g) => g.id)).toEqual(['b']);
    expect((await db.guides.get('b'))?.source).toBe('bundled');
    await db.delete();
  });
});
