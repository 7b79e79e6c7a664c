// Every schema version has a before/after test: data written under the old version survives.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSIONS } from '../../background/db';
import { makeGuide } from './guides.fixture';

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

describe('guide registry', () => {
  it('registers the bundled guides and forgets bundled guides that are gone', async () => {
    const { registerBundledGuides, registeredGuides } =
      await import('../../background/guideRegistry');
    const guide = (id: string) => makeGuide({ id, title: id });
    const db = openDb(`registry-${Math.random()}`);
    await registerBundledGuides(db, [guide('a'), guide('b')]);
    await registerBundledGuides(db, [guide('b')]);
    expect((await registeredGuides(db)).map((g) => g.id)).toEqual(['b']);
    expect((await db.guides.get('b'))?.source).toBe('bundled');
    await db.delete();
  });
});
