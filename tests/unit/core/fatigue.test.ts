// The fatigue rules of guides that launch by themselves, as pure functions.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FATIGUE_LIMITS,
  NO_FATIGUE,
  mayAutoLaunch,
  roomToLaunch,
  withClosing,
  withLaunch,
} from '../../../core/fatigue';
import { startRun, type GuideRun } from '../../../core/guideRun';
import { orgFromPolicy, parsePolicy } from '../../../core/policyRules';
import { makeGuide } from '../helpers/guides';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const limits = DEFAULT_FATIGUE_LIMITS;
const once = makeGuide({ launch: { mode: 'auto', once: true } });
const every = makeGuide({ id: 'every', launch: { mode: 'auto', once: false } });
const dismissed = (at: number): GuideRun => ({ ...startRun(once, at), status: 'dismissed' });
const at = { now: 10 * DAY, day: '2026-12-05', tabLaunches: 0 };

describe('fatigue control', () => {
  it('keeps the defaults the organisation gets without a policy', () => {
    expect(DEFAULT_FATIGUE_LIMITS).toEqual({
      snoozeDays: 1,
      autoLaunchesPerPageView: 1,
      autoLaunchesPerDay: 3,
      dismissCooldownMinutes: 30,
    });
  });

  it('lets one guide launch per page view, and none more in that tab', () => {
    expect(roomToLaunch(NO_FATIGUE, limits, at)).toBe(true);
    expect(roomToLaunch(NO_FATIGUE, limits, { ...at, tabLaunches: 1 })).toBe(false);
    const two = { ...limits, autoLaunchesPerPageView: 2 };
    expect(roomToLaunch(NO_FATIGUE, two, { ...at, tabLaunches: 1 })).toBe(true);
  });

  it('counts launches per local day, and starts again the next day', () => {
    let record = NO_FATIGUE;
    for (let i = 0; i < 3; i += 1) {
      expect(roomToLaunch(record, limits, at)).toBe(true);
      record = withLaunch(record, every, at.day);
    }
    expect(record).toMatchObject({ day: '2026-12-05', launches: 3 });
    expect(roomToLaunch(record, limits, at)).toBe(false);
    expect(roomToLaunch(record, limits, { ...at, day: '2026-12-06' })).toBe(true);
    expect(withLaunch(record, every, '2026-12-06')).toMatchObject({ launches: 1 });
  });

  it('holds every guide back for the cool-down after the rep closed or snoozed one', () => {
    for (const closing of ['dismissed', 'snoozed', 'never'] as const) {
      const record = withClosing(NO_FATIGUE, every, closing, at.now, limits);
      expect(roomToLaunch(record, limits, { ...at, now: at.now + 29 * MINUTE })).toBe(false);
      expect(roomToLaunch(record, limits, { ...at, now: at.now + 30 * MINUTE })).toBe(true);
    }
  });

  it('holds a snoozed guide back until the snooze has passed, then launches it even if once', () => {
    const record = withClosing(NO_FATIGUE, once, 'snoozed', at.now, limits);
    const past = dismissed(at.now);
    expect(mayAutoLaunch(once, past, record, at.now + DAY - 1)).toBe(false);
    expect(mayAutoLaunch(once, past, record, at.now + DAY)).toBe(true);
    // Not while it is running in another tab.
    expect(mayAutoLaunch(once, { ...past, status: 'active' }, record, at.now + DAY)).toBe(false);
    // Launched again, the snooze is spent: `once` holds from then on.
    const spent = withLaunch(record, once, at.day);
    expect(spent.guides).toEqual({});
    expect(mayAutoLaunch(once, past, spent, at.now + DAY)).toBe(false);
  });

  it('snoozes for as many days as the organisation sets', () => {
    const week = { ...limits, snoozeDays: 7 };
    const record = withClosing(NO_FATIGUE, every, 'snoozed', at.now, week);
    expect(mayAutoLaunch(every, undefined, record, at.now + 6 * DAY)).toBe(false);
    expect(mayAutoLaunch(every, undefined, record, at.now + 7 * DAY)).toBe(true);
  });

  it('never launches a guide again by itself after "Don\'t show again", until a new version', () => {
    const record = withClosing(NO_FATIGUE, every, 'never', at.now, limits);
    expect(mayAutoLaunch(every, undefined, record, at.now + 365 * DAY)).toBe(false);
    expect(withLaunch(record, every, at.day).guides).toEqual(record.guides);
    const v2 = makeGuide({ id: 'every', version: 2, launch: { mode: 'auto', once: false } });
    expect(mayAutoLaunch(v2, undefined, record, at.now)).toBe(true);
  });

  it("follows the guide's own launch settings otherwise", () => {
    const manual = makeGuide({ launch: { mode: 'manual' } });
    expect(mayAutoLaunch(manual, undefined, NO_FATIGUE, at.now)).toBe(false);
    expect(mayAutoLaunch(once, undefined, NO_FATIGUE, at.now)).toBe(true);
    expect(mayAutoLaunch(once, dismissed(0), NO_FATIGUE, at.now)).toBe(false);
    expect(mayAutoLaunch(every, undefined, NO_FATIGUE, at.now)).toBe(true);
  });
});

describe('fatigue control in the policy', () => {
  it('applies the limits IT sets over the defaults, and ignores a value out of range', () => {
    const { policy, problems } = parsePolicy({
      snoozeDays: 7,
      autoLaunchesPerDay: 5,
      autoLaunchesPerPageView: 11,
      dismissCooldownMinutes: 2.5,
    });
    expect(policy).toEqual({ snoozeDays: 7, autoLaunchesPerDay: 5 });
    expect(problems.map((p) => p.key)).toEqual([
      'autoLaunchesPerPageView',
      'dismissCooldownMinutes',
    ]);
    expect(orgFromPolicy(policy).fatigue).toEqual({ snoozeDays: 7, autoLaunchesPerDay: 5 });
    expect(orgFromPolicy({ cohort: 'wave-1' }).fatigue).toBeUndefined();
  });
});
