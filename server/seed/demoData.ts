/**
 * Realistic demo adoption data for the endpoint: what a team of browsers would have sent over a
 * few weeks of a CRM roll-out, so that a fresh endpoint shows snapshots with something to see.
 *
 * Nothing here writes counters directly. Each simulated browser produces the usage events the
 * extension records (same kinds, same fields, walkthroughs driven by the real run state machine),
 * and its own day of events is turned into signals by the real aggregation, with that browser's
 * ReportedState carried from day to day. The distinct-user flags (`contributor`, `first.*`) are
 * therefore exactly those the extension computes, which is what snapshot suppression relies on.
 * For thousands of browsers, `aggregation: 'counted'` gets the same signals without the event
 * log (held equal to the real aggregation by the unit tests).
 *
 * The story the data tells:
 * - before the roll-out day the extension only measures: page views and field rules (a baseline);
 * - from the roll-out day the guides of the pack run for the roles they target, going out in
 *   three weekly waves (a pilot group first) and discovered more each day by the people who
 *   have them, and fields are left empty less and less;
 * - one step of one guide is where many runs stop (the drop-off hotspot), and one field is left
 *   empty far more often than the others;
 * - everybody does the guides' workflows (logging a call, updating the next step…) on their own
 *   too, which the extension tracks passively (`workflow.*`). Before the roll-out every browser
 *   is observe-only (cohort `observe`); from it on a random quarter is the control group
 *   (`control`: no guides shown, workflows still measured) and finishes fewer workflows than the
 *   others (`guided`, once their wave has the guides; `observe` until then);
 * - managers answer the survey of their guide; some targets go missing; weekends are quiet;
 * - three working days before the end a CRM release moves what one step of the welcome tour points at:
 *   from then on its target is missing at first on every run, which guide health flags.
 *
 * Pure and deterministic: the same options give the same batches, batch ids included. Every
 * browser draws from its own seeded stream, so any slice of the browsers can be generated apart
 * from the others (in parallel) and the union is the same data.
 *
 * Its parts: demoPack.ts compiles the guide pack into plans, browsers.ts makes the people,
 * simulateDay.ts plays one person's day (workingDay.ts its clock and forms, guideActivity.ts its
 * guide runs and workflows); this file turns those days into the batches browsers send.
 */
import { aggregateSignals, counterField } from '../../core/aggregate';
import { isoWeek } from '../../core/days';
import type { Guide } from '../../core/guide/schema';
import { DEFAULT_ORG } from '../../core/org';
import { seededRandom } from '../../core/random';
import {
  SIGNAL_SCHEMA_VERSION,
  type Signal,
  type SignalBatch,
  type SignalKind,
} from '../../core/signals';
import { addDays, type Period } from '../../core/snapshot';
import type { Cohort, UsageEvent } from '../../core/usage';
import {
  CONTROL_SHARE,
  newBrowser,
  streamSeed,
  uuidFrom,
  WAVE_GAP_DAYS,
  WAVE_SHARES,
  type Browser,
} from './browsers';
import { isAnnouncement } from '../../core/announcements';
import { compileFields, compileGuides, DEMO_CRM, type DropOff, type EmptyField } from './demoPack';
import { simulateDay } from './simulateDay';
import type { DayContext } from './workingDay';

// ---- Options ----

export interface DemoOptions {
  /** The guide pack (as checked from guides/*.json): what runs after the roll-out. */
  guides: readonly Guide[];
  /** Browsers (one person each). */
  users: number;
  days: number;
  /** The last day simulated, YYYY-MM-DD (UTC), inclusive: usually yesterday. */
  lastDay: string;
  seed: number;
  /** Days from the first day to the roll-out day; default half of `days`. */
  rolloutAfter?: number;
  /** Simulate only the browsers whose index lies in [from, to): a slice of the same data. */
  browsers?: { from: number; to: number };
  /**
   * `logged` (default): events go through the event log and `aggregateSignals`, as in the
   * extension. `counted`: the same signals counted directly, several times faster (benchmarks).
   */
  aggregation?: 'logged' | 'counted';
}

/** The most signals a batch may carry (core/signals.ts). */
export const MAX_BATCH = 500;
/**
 * The CRM release's day: this many working days before the end, the last included. Enough runs
 * after it for guide health to judge the step on them (misses from k browsers), and few enough
 * that the week it is compared with is before the release.
 */
const RELEASE_WORKDAYS = 3;

/** The index of the day that leaves `workdays` working days (Monday to Friday) to the end. */
function workdaysBeforeEnd(first: string, days: number, workdays: number): number {
  let left = workdays;
  for (let index = days - 1; index >= 0; index--) {
    const weekday = new Date(`${addDays(first, index)}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && --left === 0) return index;
  }
  return 0;
}

export const DEMO_DEFAULTS = { users: 200, days: 60, seed: 1 } as const;
export const DEMO_LIMITS = { users: 100_000, days: 366 } as const;

/** The share of each role of core/org.ts: 120/30/40/10 of 200. */
const ROLE_SHARES: Readonly<Record<string, number>> = {
  rep: 0.6,
  manager: 0.15,
  service: 0.2,
  admin: 0.05,
};
/** The org's roles that use the CRM day to day (trainers write guides, they are not simulated). */
export const DEMO_ROLE_MIX: Readonly<Record<string, number>> = Object.fromEntries(
  DEFAULT_ORG.roles.flatMap((r) => {
    const share = ROLE_SHARES[r.id];
    return share ? [[r.id, share] as const] : [];
  }),
);

// ---- The plan: who, when, and where the story's hotspots are ----

export interface DemoPlan {
  users: number;
  days: number;
  seed: number;
  /** First and last simulated day. */
  period: Period;
  /** The day the guides start running (for the pilot group). */
  rollout: string;
  /** The days each roll-out wave gets the guides. */
  waves: string[];
  /** Browsers per role. */
  roles: Record<string, number>;
  /** The step where many runs stop. */
  dropOff: DropOff;
  /**
   * The step a CRM release breaks, and its day: from then on its target is missing at first on
   * every run, which guide health flags. Null when the demo is too short for it.
   */
  release: (DropOff & { day: string }) | null;
  /** The field left empty far more than the others. */
  emptyField: EmptyField;
  /** Share of the browsers held back as the control group from the roll-out on. */
  controlShare: number;
  /** Equal periods from the roll-out on and just before it: the comparison to look at. */
  look: { period: Period; baseline: Period };
}

export interface DemoDay {
  day: string;
  batches: SignalBatch[];
}

export interface Demo {
  plan: DemoPlan;
  /** The batches browsers sent, day by day (so a caller can store them without holding all). */
  days(): Generator<DemoDay>;
}

function checkWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max} — got ${value}`);
  }
}

function checkOptions(options: DemoOptions): void {
  checkWhole('users', options.users, 1, DEMO_LIMITS.users);
  checkWhole('days', options.days, 1, DEMO_LIMITS.days);
  checkWhole('seed', options.seed, 0, 0xffff_ffff);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(options.lastDay) ||
    addDays(options.lastDay, 0) !== options.lastDay
  ) {
    throw new RangeError(`lastDay must be a date as YYYY-MM-DD — got "${options.lastDay}"`);
  }
  if (options.rolloutAfter !== undefined) {
    checkWhole('rolloutAfter', options.rolloutAfter, 0, options.days);
  }
  const slice = options.browsers;
  if (slice && !(Number.isInteger(slice.from) && slice.from >= 0 && slice.to >= slice.from)) {
    throw new RangeError(
      `browsers must be a range of browser indexes — got ${slice.from}…${slice.to}`,
    );
  }
  if (!options.guides.some((g) => g.crm === DEMO_CRM)) {
    throw new RangeError(`the guide pack has no guide for the ${DEMO_CRM} CRM to run`);
  }
}

/** Browsers per role, in role order, by largest remainder so they add up to `users`. */
export function roleCounts(users: number): Record<string, number> {
  const roles = Object.entries(DEMO_ROLE_MIX);
  const exact = roles.map(([, share]) => share * users);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let n = users - counts.reduce((a, b) => a + b, 0), k = 0; n > 0; n--, k++) {
    const i = order[k % order.length]?.i ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return Object.fromEntries(roles.map(([role], i) => [role, counts[i] ?? 0]));
}

function assignRoles(users: number, seed: number): string[] {
  const roles = Object.entries(roleCounts(users)).flatMap(([role, n]) =>
    Array.from({ length: n }, () => role),
  );
  const random = seededRandom(streamSeed(seed, 'roles'));
  for (let i = roles.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [roles[i], roles[j]] = [roles[j] as string, roles[i] as string];
  }
  return roles;
}

// ---- From events to the signals a browser sends ----

/**
 * The extension's way: the day's events go to the event log, and the real aggregation turns them
 * into signals against what this browser already reported.
 */
function loggedDay(b: Browser, ctx: DayContext): Signal[] {
  const events: UsageEvent[] = [];
  const worked = simulateDay(b, ctx, (event, at) =>
    events.push({ at, role: b.role, crm: DEMO_CRM, ...event }),
  );
  if (!worked || events.length === 0) return [];
  const { signals, reported } = aggregateSignals(events, b.reported);
  b.reported = reported;
  return signals;
}

/**
 * The same signals without the event log, for simulations of thousands of browsers. It relies
 * on what the simulation guarantees: each browser's day is aggregated once, in day order, so
 * every key is new that day (contributor 1), `first.activeDay` comes once per active day,
 * `first.activeWeek` on the first active day of each ISO week and `first.guideCompleted` on the
 * first completion of each guide version. The unit tests hold it to `aggregateSignals`.
 */
function countedDay(b: Browser, ctx: DayContext): Signal[] {
  const counters = new Map<string, Signal>();
  const { day } = ctx;
  const { role } = b;
  const add = (
    kind: SignalKind,
    pageType: string,
    guide: string,
    version: number,
    step: string,
    field: string,
    score: number,
    cohort: Cohort | '',
  ) => {
    const key = `${kind}\u0000${pageType}\u0000${guide}\u0000${version}\u0000${step}\u0000${field}\u0000${cohort}`;
    const known = counters.get(key);
    if (known) {
      known.count += 1;
      known.scoreSum += score;
      return;
    }
    counters.set(key, {
      day,
      role,
      crm: DEMO_CRM,
      kind,
      guide,
      version,
      step,
      pageType,
      field,
      count: 1,
      contributor: 1,
      scoreSum: score,
      cohort,
    });
  };
  simulateDay(b, ctx, (e) => {
    const cohort = e.cohort ?? '';
    if (counters.size === 0) {
      add('first.activeDay', '', '', 0, '', '', 0, cohort);
      if (!b.weeks.has(ctx.week)) {
        b.weeks.add(ctx.week);
        add('first.activeWeek', '', '', 0, '', '', 0, cohort);
      }
    }
    const guide = e.guideId ?? '';
    const version = e.guideVersion ?? 0;
    const field = counterField(e);
    const score = e.kind === 'survey.answered' ? (e.score ?? 0) : 0;
    add(e.kind as SignalKind, e.pageType, guide, version, e.stepId ?? '', field, score, cohort);
    for (const strategy of e.failedStrategies ?? []) {
      add('target.strategyFailed', e.pageType, guide, version, e.stepId ?? '', strategy, 0, cohort);
    }
    if (e.kind === 'guide.completed') {
      const completion = `${e.guideId}@${e.guideVersion}`;
      if (!b.completed.has(completion)) {
        b.completed.add(completion);
        add('first.guideCompleted', '', guide, version, '', field, 0, cohort);
      }
    }
  });
  return [...counters.values()];
}

// ---- The generator ----

/**
 * Half way, so that as many days come before the roll-out as after it; a roll-out that would
 * fall on a weekend waits for the Monday.
 */
export function defaultRolloutAfter(days: number, lastDay: string): number {
  const first = addDays(lastDay, 1 - days);
  let after = Math.floor(days / 2);
  while (
    after < days - 1 &&
    [0, 6].includes(new Date(`${addDays(first, after)}T00:00:00Z`).getUTCDay())
  ) {
    after++;
  }
  return after;
}

export function demoData(options: DemoOptions): Demo {
  checkOptions(options);
  const { users, days, seed, lastDay } = options;
  const first = addDays(lastDay, 1 - days);
  const rolloutAfter = options.rolloutAfter ?? defaultRolloutAfter(days, lastDay);
  const rollout = addDays(first, rolloutAfter);
  // Waves a week apart, closer when the simulated days after the roll-out are few.
  const gap = Math.min(WAVE_GAP_DAYS, Math.floor((days - rolloutAfter) / WAVE_SHARES.length));
  const waves = WAVE_SHARES.map((_, i) => rolloutAfter + i * gap);
  const { plans, dropOff, broken } = compileGuides(options.guides);
  // A CRM release near the end breaks a step, when the guides are out by then.
  const releaseDay = workdaysBeforeEnd(first, days, RELEASE_WORKDAYS);
  const release = broken && releaseDay > rolloutAfter ? releaseDay : days;
  const { fields, emptyField } = compileFields(options.guides);
  // Equal stretches on both sides of the roll-out day.
  const span = Math.max(1, Math.min(rolloutAfter, days - rolloutAfter));
  const plan: DemoPlan = {
    users,
    days,
    seed,
    period: { from: first, to: lastDay },
    rollout,
    waves: waves.filter((w) => w < days).map((w) => addDays(first, w)),
    roles: roleCounts(users),
    dropOff,
    release: broken && release < days ? { ...broken, day: addDays(first, release) } : null,
    emptyField,
    controlShare: CONTROL_SHARE,
    look: {
      period: { from: rollout, to: addDays(rollout, span - 1) },
      baseline: { from: addDays(rollout, -span), to: addDays(rollout, -1) },
    },
  };
  const signalsOf = options.aggregation === 'counted' ? countedDay : loggedDay;

  function* generate(): Generator<DemoDay> {
    const roles = assignRoles(users, seed);
    const from = Math.min(options.browsers?.from ?? 0, users);
    const to = Math.min(options.browsers?.to ?? users, users);
    const browsers: Browser[] = [];
    for (let i = from; i < to; i++)
      browsers.push(newBrowser(i, roles[i] as string, seed, days, waves));
    for (let dayIndex = 0; dayIndex < days; dayIndex++) {
      const day = addDays(first, dayIndex);
      const start = Date.parse(`${day}T00:00:00Z`);
      const weekday = new Date(start).getUTCDay();
      const ctx: DayContext = {
        day,
        week: isoWeek(start),
        dayIndex,
        rollout: rolloutAfter,
        release,
        start,
        weekend: weekday === 0 || weekday === 6,
        monday: weekday === 1,
        guides: plans,
        fields,
        announcements: options.guides.filter(isAnnouncement),
      };
      const batches: SignalBatch[] = [];
      for (const b of browsers) {
        const signals = signalsOf(b, ctx);
        for (let i = 0; i < signals.length; i += MAX_BATCH) {
          batches.push({
            schemaVersion: SIGNAL_SCHEMA_VERSION,
            batchId: uuidFrom(b.ids),
            signals: signals.slice(i, i + MAX_BATCH),
          });
        }
      }
      yield { day, batches };
    }
  }

  return { plan, days: generate };
}

/** Signal kinds that only exist because a guide ran (field rules are not guides running). */
export function isGuideRunSignal(s: Pick<Signal, 'kind'>): boolean {
  return (
    s.kind.startsWith('guide.') ||
    s.kind.startsWith('step.') ||
    s.kind === 'survey.answered' ||
    s.kind === 'target.missing' ||
    s.kind === 'target.strategyFailed' ||
    s.kind === 'first.guideCompleted'
  );
}
