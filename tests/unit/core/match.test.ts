import { describe, expect, it } from 'vitest';
import type { Guide, GuideInput } from '../../../core/guide/schema';
import { makeGuide } from '../helpers/guides';
import {
  globMatch,
  guidesForPage,
  inRollout,
  rolloutSlot,
  withPilots,
  type Audience,
} from '../../../core/match';

const guide = (over: Partial<GuideInput> = {}): Guide =>
  makeGuide({ crm: 'salesforce', match: { page: 'Opportunity:record' }, ...over });

const rep: Audience = { role: 'rep', cohorts: [], seed: 'seed-1', today: '2026-12-10' };
const page = {
  crm: 'salesforce' as const,
  pageType: 'Opportunity:record',
  path: '/lightning/r/Opportunity/006x/view',
};

describe('matching guides to pages and people', () => {
  it('matches page types with * wildcards, literally otherwise', () => {
    expect(globMatch('Opportunity:*', 'Opportunity:record')).toBe(true);
    expect(globMatch('*:record', 'Account:record')).toBe(true);
    expect(globMatch('Opportunity:record', 'Opportunity:recordX')).toBe(false);
    expect(globMatch('a.b', 'aXb')).toBe(false);
  });

  it('needs the same CRM, a matching page or URL, and the role', () => {
    expect(guidesForPage([guide()], page, rep)).toHaveLength(1);
    expect(guidesForPage([guide({ crm: 'dynamics' })], page, rep)).toHaveLength(0);
    expect(
      guidesForPage([guide({ match: { page: ['Account:*', 'Opportunity:*'] } })], page, rep),
    ).toHaveLength(1);
    expect(
      guidesForPage([guide({ match: { url: '/lightning/r/Opportunity/*' } })], page, rep),
    ).toHaveLength(1);
    expect(guidesForPage([guide({ match: { url: '/lightning/o/*' } })], page, rep)).toHaveLength(0);
    expect(guidesForPage([guide()], page, { ...rep, role: 'manager' })).toHaveLength(0);
  });

  it('honours cohorts and the date window', () => {
    const pilot = guide({
      rollout: { cohorts: ['pilot'], from: '2026-12-01', until: '2026-12-31' },
    });
    expect(inRollout(pilot, rep)).toBe(false);
    expect(inRollout(pilot, { ...rep, cohorts: ['pilot'] })).toBe(true);
    expect(inRollout(pilot, { ...rep, cohorts: ['pilot'], today: '2026-11-30' })).toBe(false);
    expect(inRollout(pilot, { ...rep, cohorts: ['pilot'], today: '2027-01-01' })).toBe(false);
  });

  it('rolls out to a stable share of installs', () => {
    const half = guide({ rollout: { percent: 50 } });
    const seeds = Array.from({ length: 2000 }, (_, i) => `install-${i}`);
    const included = seeds.filter((seed) => inRollout(half, { ...rep, seed })).length;
    expect(included).toBeGreaterThan(850);
    expect(included).toBeLessThan(1150);
    expect(seeds.every((seed) => rolloutSlot(seed, 'g') === rolloutSlot(seed, 'g'))).toBe(true);
    expect(inRollout(guide({ rollout: { percent: 0 } }), rep)).toBe(false);
    expect(inRollout(guide({ rollout: { percent: 100 } }), rep)).toBe(true);
  });
});

describe('withPilots', () => {
  const today = '2026-06-01';
  it('puts a pilot in place of its live guide, or beside the rest for a new guide, only for those it takes', () => {
    const live = [guide({ id: 'a', version: 2 }), guide({ id: 'b', version: 1 })];
    const pilots = [
      { rollout: { percent: 100 }, guide: guide({ id: 'a', version: 3 }) },
      { rollout: { percent: 100, cohorts: ['wave-1'] }, guide: guide({ id: 'c', version: 1 }) },
    ];
    const ids = (gs: Guide[]) => gs.map((g) => `${g.id}@${g.version}`);
    expect(ids(withPilots(live, pilots, { seed: 's', cohorts: [], today }))).toEqual([
      'a@3',
      'b@1',
    ]);
    expect(ids(withPilots(live, pilots, { seed: 's', cohorts: ['wave-1'], today }))).toEqual([
      'a@3',
      'b@1',
      'c@1',
    ]);
    // No audience (nothing known of the user): the live versions only.
    expect(ids(withPilots(live, pilots, null))).toEqual(['a@2', 'b@1']);
    // A pilot at 0 % takes no one.
    expect(
      ids(
        withPilots(live, [{ ...pilots[0]!, rollout: { percent: 0 } }], {
          seed: 's',
          cohorts: [],
          today,
        }),
      ),
    ).toEqual(['a@2', 'b@1']);
  });
});
