/**
 * Fatigue control, the background's side: the record of auto-launches (one settings row) and
 * the organisation's limits, applied where a page asks what launches by itself and, within the
 * run's own transaction, where an auto-launch starts. See core/fatigue.ts for the rules.
 */
import {
  DEFAULT_FATIGUE_LIMITS,
  NO_FATIGUE,
  mayAutoLaunch,
  roomToLaunch,
  withClosing,
  withLaunch,
  type Closing,
  type FatigueLimits,
  type FatigueRecord,
} from '../core/fatigue';
import type { Guide } from '../core/guide/schema';
import type { GuideRun } from '../core/guideRun';
import type { OrgConfig } from '../core/org';
import type { WaymarkDb } from './db';
import { localDay } from './guidanceAudience';

export const FATIGUE_KEY = 'fatigue';

export interface LaunchFatigueDeps {
  db: WaymarkDb;
  now: () => number;
  org: () => OrgConfig;
}

export function createLaunchFatigue({ db, now, org }: LaunchFatigueDeps) {
  const limits = (): FatigueLimits => ({ ...DEFAULT_FATIGUE_LIMITS, ...org().fatigue });
  const read = async (): Promise<FatigueRecord> =>
    ((await db.settings.get(FATIGUE_KEY))?.value as FatigueRecord | undefined) ?? NO_FATIGUE;
  const write = (record: FatigueRecord) => db.settings.put({ key: FATIGUE_KEY, value: record });
  const moment = (tabLaunches: number) => {
    const at = now();
    return { now: at, day: localDay(new Date(at)), tabLaunches };
  };

  return {
    /** The first of `fitting` that would launch by itself now, if one may launch at all. */
    async choose(
      fitting: readonly Guide[],
      past: readonly (GuideRun | undefined)[],
      tabLaunches: number,
    ): Promise<Guide | null> {
      const record = await read();
      const at = moment(tabLaunches);
      if (!roomToLaunch(record, limits(), at)) return null;
      return fitting.find((g, i) => mayAutoLaunch(g, past[i], record, at.now)) ?? null;
    },

    /**
     * Whether `guide` may launch by itself now, counting it if so. Called inside the start's
     * transaction (db.settings is in it), so the count never lets two launches through at once.
     */
    async admit(guide: Guide, past: GuideRun | undefined, tabLaunches: number): Promise<boolean> {
      const record = await read();
      const at = moment(tabLaunches);
      if (!roomToLaunch(record, limits(), at) || !mayAutoLaunch(guide, past, record, at.now)) {
        return false;
      }
      await write(withLaunch(record, guide, at.day));
      return true;
    },

    /** The rep closed `guide`: the cool-down starts, a snooze or "never" holds it back. */
    async closed(guide: Guide, closing: Closing): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        await write(withClosing(await read(), guide, closing, now(), limits()));
      });
    },
  };
}

export type LaunchFatigue = ReturnType<typeof createLaunchFatigue>;
