/**
 * Fatigue control of guides that launch by themselves: a rep who closes one, snoozes one or sees
 * several in a row is being interrupted too often. The organisation sets how often a guide may
 * launch on its own; what this browser remembers of it is one record, kept by the background.
 * A guide started by hand is never held back by any of this.
 */
import type { Guide } from './guide/schema';
import { shouldAutoLaunch, type GuideRun } from './guideRun';

/** How often guides may launch by themselves (policy keys of the same names). */
export interface FatigueLimits {
  /** "Remind me later" holds a guide back this many days. */
  snoozeDays: number;
  /** At most this many guides launch by themselves per page view (per tab). */
  autoLaunchesPerPageView: number;
  /** At most this many per local day, across every tab. */
  autoLaunchesPerDay: number;
  /** After the rep closes or snoozes any guide, none launches by itself for this long. */
  dismissCooldownMinutes: number;
}

export const DEFAULT_FATIGUE_LIMITS: FatigueLimits = {
  snoozeDays: 1,
  autoLaunchesPerPageView: 1,
  autoLaunchesPerDay: 3,
  // Long enough for the task the rep was busy with when they closed a guide; short enough that
  // a guide meant for their next task still finds them the same morning.
  dismissCooldownMinutes: 30,
};

/** One guide held back from launching by itself, at the version the rep saw. */
export interface HeldGuide {
  version: number;
  /** Snoozed ("Remind me later") until then. */
  until?: number;
  /** "Don't show again". */
  never?: true;
}

/** What this browser remembers of auto-launches (one settings row). */
export interface FatigueRecord {
  /** The local day `launches` counts, YYYY-MM-DD. */
  day: string;
  launches: number;
  /** When the rep last closed or snoozed a guide. */
  closedAt?: number;
  guides: Record<string, HeldGuide>;
}

export const NO_FATIGUE: FatigueRecord = { day: '', launches: 0, guides: {} };

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** How the rep closed a guide: the close button, "Remind me later" or "Don't show again". */
export type Closing = 'dismissed' | 'snoozed' | 'never';

/** The moment and place an auto-launch is weighed. */
export interface LaunchMoment {
  now: number;
  /** The rep's local day, YYYY-MM-DD. */
  day: string;
  /** Guides launched by themselves in this tab since its last page view. */
  tabLaunches: number;
}

/** Whether one more guide may launch by itself now: the caps and the cool-down. */
export function roomToLaunch(
  record: FatigueRecord,
  limits: FatigueLimits,
  { now, day, tabLaunches }: LaunchMoment,
): boolean {
  if (tabLaunches >= limits.autoLaunchesPerPageView) return false;
  const today = record.day === day ? record.launches : 0;
  if (today >= limits.autoLaunchesPerDay) return false;
  return (
    record.closedAt === undefined || now >= record.closedAt + limits.dismissCooldownMinutes * MINUTE
  );
}

/**
 * Whether `guide` launches by itself, given its past run and what the rep said of it: never again
 * or snoozed, at this version, holds it back; a snooze that has passed brings it back even when
 * it launches only once.
 */
export function mayAutoLaunch(
  guide: Guide,
  past: GuideRun | undefined,
  record: FatigueRecord,
  now: number,
): boolean {
  if (guide.launch.mode !== 'auto') return false;
  const held = record.guides[guide.id];
  if (held?.version === guide.version) {
    if (held.never) return false;
    if (held.until !== undefined) return now >= held.until && past?.status !== 'active';
  }
  return shouldAutoLaunch(guide, past);
}

/** The record after `guide` launched by itself: counted today, and its passed snooze spent. */
export function withLaunch(record: FatigueRecord, guide: Guide, day: string): FatigueRecord {
  const guides = { ...record.guides };
  if (guides[guide.id]?.until !== undefined) delete guides[guide.id];
  const launches = (record.day === day ? record.launches : 0) + 1;
  return { ...record, day, launches, guides };
}

/** The record after the rep closed `guide`: the cool-down starts, and what they asked for holds. */
export function withClosing(
  record: FatigueRecord,
  guide: Guide,
  closing: Closing,
  now: number,
  limits: FatigueLimits,
): FatigueRecord {
  const guides = { ...record.guides };
  if (closing === 'snoozed') {
    guides[guide.id] = { version: guide.version, until: now + limits.snoozeDays * DAY };
  }
  if (closing === 'never') guides[guide.id] = { version: guide.version, never: true };
  return { ...record, closedAt: now, guides };
}
