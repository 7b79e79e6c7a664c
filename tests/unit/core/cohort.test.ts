// The installation's cohort: policy precedence, and a control assignment drawn once and kept.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { readSettings } from '../../../background/settings';
import { cohortOf, newControlDraw, showsGuidance } from '../../../core/cohort';
import { DEFAULT_ORG } from '../../../core/org';
import { parsePolicy } from '../../../core/policyRules';

let db: WaymarkDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('cohortOf', () => {
  it('is guided without a policy, and observe-only wins over everything', () => {
    expect(cohortOf({}, [], 10)).toBe('guided');
    expect(cohortOf({ observeOnly: true, controlShare: 100 }, [], 10)).toBe('observe');
    expect(cohortOf({ observeOnly: false }, [], 10)).toBe('guided');
  });

  it('observes the rollout cohorts the policy names, before any control assignment', () => {
    const policy = { observeOnlyCohorts: ['wave-2'], controlShare: 50 };
    expect(cohortOf(policy, ['wave-2'], 10)).toBe('observe');
    expect(cohortOf(policy, ['wave-1'], 10)).toBe('control');
    expect(cohortOf(policy, ['wave-1'], 60)).toBe('guided');
  });

  it('holds back an installation while its draw is below the share: raising it only adds', () => {
    const draws = Array.from({ length: 200 }, (_, i) => i / 2);
    const inControl = (share: number) =>
      new Set(draws.filter((d) => cohortOf({ controlShare: share }, [], d) === 'control'));
    const ten = inControl(10);
    const twenty = inControl(20);
    expect(ten.size).toBe(20);
    expect(twenty.size).toBe(40);
    for (const draw of ten) expect(twenty.has(draw)).toBe(true);
    expect(inControl(0).size).toBe(0);
    expect(inControl(100).size).toBe(draws.length);
  });

  it('shows guidance to the guided cohort only', () => {
    expect(showsGuidance('guided')).toBe(true);
    expect(showsGuidance('control')).toBe(false);
    expect(showsGuidance('observe')).toBe(false);
  });

  it('draws in [0, 100)', () => {
    expect(newControlDraw(() => 0)).toBe(0);
    expect(newControlDraw(() => 0.999999999)).toBeLessThan(100);
    expect(newControlDraw(() => 0.5)).toBe(50);
  });

  it('accepts whole shares up to 100 in the policy, nothing above', () => {
    expect(parsePolicy({ controlShare: 100 }).policy.controlShare).toBe(100);
    expect(parsePolicy({ controlShare: 101 }).problems.map((p) => p.key)).toEqual(['controlShare']);
    expect(parsePolicy({ controlShare: 12.5 }).problems.map((p) => p.key)).toEqual([
      'controlShare',
    ]);
  });
});

describe('the control draw in settings', () => {
  it('is drawn once and kept, like the rollout seed', async () => {
    db = openDb(`test-${Math.random()}`);
    const first = await readSettings(db, DEFAULT_ORG);
    expect(first.controlDraw).toBeGreaterThanOrEqual(0);
    expect(first.controlDraw).toBeLessThan(100);
    expect((await db.settings.get('controlDraw'))?.value).toBe(first.controlDraw);
    for (let i = 0; i < 3; i++) {
      expect((await readSettings(db, DEFAULT_ORG)).controlDraw).toBe(first.controlDraw);
    }
  });

  it('gives first readers at once one draw and one seed, the one stored', async () => {
    const fresh = openDb(`test-${Math.random()}`);
    db = fresh;
    const readers = await Promise.all(
      Array.from({ length: 8 }, () => readSettings(fresh, DEFAULT_ORG)),
    );
    const stored = (await fresh.settings.bulkGet(['controlDraw', 'seed'])).map((r) => r?.value);
    expect(new Set(readers.map((r) => r.controlDraw))).toEqual(new Set([stored[0]]));
    expect(new Set(readers.map((r) => r.seed))).toEqual(new Set([stored[1]]));
  });

  it('keeps the stored draw, and replaces one that is not a draw', async () => {
    db = openDb(`test-${Math.random()}`);
    await db.settings.put({ key: 'controlDraw', value: 42.5 });
    expect((await readSettings(db, DEFAULT_ORG)).controlDraw).toBe(42.5);
    await db.settings.put({ key: 'controlDraw', value: 'x' });
    const replaced = (await readSettings(db, DEFAULT_ORG)).controlDraw;
    expect(typeof replaced).toBe('number');
    expect((await db.settings.get('controlDraw'))?.value).toBe(replaced);
  });
});
