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
 * - managers answer the survey of their guide; some targets go missing; weekends are quiet.
 *
 * Pure and deterministic: the same options give the same batches, batch ids included. Every
 * browser draws from its own seeded stream, so any slice of the browsers can be generated apart
 * from the others (in parallel) and the union is the same data.
 */
import { seededRandom } from '../../core/random';
import { aggregateSignals, EMPTY_REPORTED, type ReportedState } from '../../core/aggregate';
import { DAY_MS, isoWeek } from '../../core/days';
import { fieldKeyOf } from '../../core/fieldRules';
import { fieldRuleSchema, type FieldRule, type Guide } from '../../core/guide/schema';
import { globMatch, inRollout } from '../../core/match';
import { DEFAULT_ORG } from '../../core/org';
import {
  SIGNAL_SCHEMA_VERSION,
  type Signal,
  type SignalBatch,
  type SignalKind,
} from '../../core/signals';
import { addDays, type Period } from '../../core/snapshot';
import type { Cohort, EventKind, UsageEvent } from '../../core/usage';
import {
  advanceRun,
  shouldAutoLaunch,
  startRun,
  type GuideRun,
  type RunAction,
} from '../../core/walkthrough';
import { isWorkflow, performStep, sweepWorkflow, workflowSteps } from '../../core/workflow';

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

export const DEMO_CRM = 'demo';

/** Page types of the demo CRM (core/adapters/demo.ts), the pages simulated browsers visit. */
export const DEMO_PAGE_TYPES = [
  'home',
  'opportunity:list',
  'opportunity:record',
  'opportunity:edit',
  'account:list',
  'account:record',
  'account:edit',
  'report:home',
  'report:pipeline',
  'report:activity',
  'settings',
] as const;

/**
 * The guide files carry a single field rule (Next Step), and "fields left empty" only means
 * something as a ranking. These rules stand for the demo CRM's other form fields, as a
 * data-quality pack of field rules only (no steps run): checked like any guide's `fields`.
 */
export const DATA_QUALITY_PACK = {
  id: 'demo-data-quality',
  version: 1,
  roles: DEFAULT_ORG.roles.map((r) => r.id),
  fields: [
    { target: { label: 'Amount' }, page: 'opportunity:edit', required: true },
    { target: { label: 'Close Date' }, page: 'opportunity:edit', required: true },
    { target: { label: 'Industry' }, page: 'account:edit', required: true },
    {
      target: { label: 'Phone' },
      page: 'account:edit',
      required: true,
      pattern: '^[+0-9 ()-]{7,}$',
    },
    { target: { label: 'Website' }, page: 'account:edit', pattern: '^https?://' },
  ].map((rule) => fieldRuleSchema.parse({ ...rule, message: 'Fill this in.' })),
} as const;

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
  dropOff: { guide: string; version: number; step: string };
  /** The field left empty far more than the others. */
  emptyField: { pageType: string; field: string };
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

const MINUTE = 60_000;
const SECOND = 1000;

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

// ---- Randomness ----

/** FNV-1a of the parts: independent streams per seed, browser and purpose. */
function streamSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A version-4 UUID from a seeded stream: random-looking like the browser's, but repeatable. */
function uuidFrom(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) hex.push(((random() * 256) | 0).toString(16).padStart(2, '0'));
  hex[6] = `4${hex[6]?.[1] ?? '0'}`;
  hex[8] = ((parseInt(hex[8] ?? '0', 16) & 0x3f) | 0x80).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function pick<T>(items: readonly (readonly [T, number])[], random: () => number): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const between = (random: () => number, low: number, high: number) => low + random() * (high - low);

// ---- What each role does in the CRM ----

type Weights = readonly (readonly [string, number])[];

/** Where each role spends its day (record pages lead to edit pages, see EDIT_AFTER_RECORD). */
const PAGE_MIX: Readonly<Record<string, Weights>> = {
  rep: [
    ['home', 3],
    ['opportunity:list', 4],
    ['opportunity:record', 6],
    ['account:list', 1],
    ['account:record', 2],
    ['report:pipeline', 0.6],
    ['settings', 0.1],
  ],
  manager: [
    ['home', 2],
    ['opportunity:list', 4],
    ['opportunity:record', 3],
    ['account:record', 1],
    ['report:home', 1],
    ['report:pipeline', 3],
    ['report:activity', 2],
    ['settings', 0.1],
  ],
  service: [
    ['home', 3],
    ['account:list', 4],
    ['account:record', 6],
    ['opportunity:list', 0.5],
    ['opportunity:record', 1],
    ['settings', 0.1],
  ],
  admin: [
    ['home', 3],
    ['settings', 4],
    ['report:home', 1],
    ['account:list', 1],
    ['account:record', 1],
    ['opportunity:list', 1],
    ['opportunity:record', 1],
  ],
};

/** Share of record views that go on to edit the record, per role. */
const EDIT_AFTER_RECORD: Readonly<Record<string, number>> = {
  rep: 0.4,
  manager: 0.15,
  service: 0.45,
  admin: 0.3,
};

/** Page views on an active weekday, before each person's own pace. */
const VIEWS_PER_DAY: Readonly<Record<string, number>> = {
  rep: 30,
  manager: 24,
  service: 36,
  admin: 16,
};

/** Chance of working on a weekend day (service desks keep weekend shifts). */
const WEEKEND_ACTIVE: Readonly<Record<string, number>> = {
  rep: 0.07,
  manager: 0.05,
  service: 0.3,
  admin: 0.04,
};

/** How people come to a guide by themselves, from the launcher or their checklist. */
interface GuideUse {
  /** Chance a person sets out to run it on a given working day (once the ramp is over). */
  perDay: number;
  /** The same chance once they have completed it (a job aid is run again, a tour is not). */
  again: number;
  /** The chance on Mondays instead, for guides tied to a weekly routine. */
  mondays?: number;
}

/** Per guide id; a guide of another pack gets the default. */
const GUIDE_USE: Readonly<Record<string, GuideUse>> = {
  'demo-welcome': { perDay: 0.25, again: 0.02 },
  'demo-log-call': { perDay: 0.08, again: 0.5 },
  'demo-update-next-step': { perDay: 0.1, again: 0.15 },
  // The Monday pipeline meeting: managers walk through the review and rate it.
  'demo-pipeline-review': { perDay: 0.05, again: 0.8, mondays: 0.75 },
  'demo-stalled-deals': { perDay: 0.08, again: 0.3 },
  'demo-text-formatting': { perDay: 0.15, again: 0.05 },
  'demo-settings-display-name': { perDay: 0.06, again: 0.02 },
};
const DEFAULT_USE: GuideUse = { perDay: 0.05, again: 0.2 };

/** The guide whose second step is the drop-off hotspot (if the pack has it). */
const DROP_OFF_GUIDE = 'demo-log-call';

/** Base chance that a save leaves a required field empty; the hotspot field's is far higher. */
const EMPTY_RATE = 0.06;
const HOTSPOT_EMPTY_RATE = 0.5;
const INVALID_RATE = 0.05;

/** Days over which people discover the guides once they have them. */
const RAMP_DAYS = 14;

/**
 * The roll-out goes out in waves, a week apart: a pilot group on the roll-out day, then two
 * more groups. Index into the wave days, with each wave's share of the browsers.
 */
const WAVE_SHARES: readonly (readonly [number, number])[] = [
  [0, 0.25],
  [1, 0.35],
  [2, 0.4],
];
const WAVE_GAP_DAYS = 7;

/** The control group: this share of browsers is shown no guidance after the roll-out. */
export const CONTROL_SHARE = 0.25;

/**
 * Doing a guide's workflow on one's own (no guidance on screen): the chance a person sets out to
 * on a working day, and the share that gets to the end. People who completed the guide's
 * walkthrough have learned it and finish more often.
 */
const WORKFLOW_PER_DAY = 0.6;
const WORKFLOW_COMPLETION = 0.45;
const WORKFLOW_COMPLETION_LEARNED = 0.85;

// ---- The pack, compiled for simulation ----

type Outcome = 'complete' | 'skip' | 'exit' | 'abandon';

interface StepPlan {
  id: string;
  /** Concrete page type when the step belongs to a page, else null (the page the run is on). */
  page: string | null;
  anchored: boolean;
  missingRate: number;
  outcomes: readonly (readonly [Outcome, number])[];
  survey: { min: number; max: number } | null;
}

interface GuidePlan {
  guide: Guide;
  pages: readonly string[];
  use: GuideUse;
  steps: StepPlan[];
  /** The steps a page can see done (core/workflow.ts), when the guide defines a workflow. */
  workflow: readonly string[] | null;
}

interface FieldPlan {
  key: string;
  /** Page types the rule applies to. */
  pages: readonly string[];
  roles: ReadonlySet<string>;
  guideId: string;
  guideVersion: number;
  required: boolean;
  pattern: boolean;
  emptyRate: number;
}

function concretePages(pattern: string | readonly string[] | undefined): string[] {
  const patterns =
    pattern === undefined ? ['home'] : typeof pattern === 'string' ? [pattern] : pattern;
  return DEMO_PAGE_TYPES.filter((page) => patterns.some((p) => globMatch(p, page)));
}

function compileGuides(guides: readonly Guide[]): {
  plans: GuidePlan[];
  dropOff: DemoPlan['dropOff'];
} {
  const runnable = guides
    .filter((g) => g.crm === DEMO_CRM && concretePages(g.match.page).length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
  const hot =
    runnable.find((g) => g.id === DROP_OFF_GUIDE && g.steps.length >= 2) ??
    runnable.find((g) => g.steps.length >= 2) ??
    runnable[0];
  if (!hot) throw new RangeError('the guide pack has no guide the demo CRM can show');
  const hotStep = (hot.steps[1] ?? hot.steps[0])?.id ?? '';
  const plans = runnable.map((guide) => ({
    guide,
    pages: concretePages(guide.match.page),
    use: GUIDE_USE[guide.id] ?? DEFAULT_USE,
    workflow: isWorkflow(guide) ? workflowSteps(guide).map((step) => step.id) : null,
    steps: guide.steps.map((step): StepPlan => {
      const anchored = 'target' in step;
      const on = step.advance?.on ?? 'next';
      const hotspot = guide === hot && step.id === hotStep;
      // Steps the user must act on in the CRM lose more runs than a Next button does.
      const outcomes: StepPlan['outcomes'] = hotspot
        ? [
            ['complete', 0.42],
            ['skip', 0.15],
            ['exit', 0.16],
            ['abandon', 0.27],
          ]
        : step.kind === 'survey'
          ? [
              ['complete', 0.78],
              ['skip', 0.15],
              ['exit', 0.05],
              ['abandon', 0.02],
            ]
          : on === 'next'
            ? [
                ['complete', 0.92],
                ['skip', 0.04],
                ['exit', 0.03],
                ['abandon', 0.01],
              ]
            : [
                ['complete', 0.88],
                ['skip', 0.03],
                ['exit', 0.04],
                ['abandon', 0.05],
              ];
      return {
        id: step.id,
        page: step.page === undefined ? null : (concretePages(step.page)[0] ?? null),
        anchored,
        // Beacons sit on volatile elements: their targets go missing more often.
        missingRate: !anchored ? 0 : step.kind === 'hotspot' ? 0.12 : 0.02,
        outcomes,
        survey:
          step.kind === 'survey'
            ? step.scale === '0-10'
              ? { min: 0, max: 10 }
              : { min: 1, max: 5 }
            : null,
      };
    }),
  }));
  return { plans, dropOff: { guide: hot.id, version: hot.version, step: hotStep } };
}

function compileFields(guides: readonly Guide[]): {
  fields: FieldPlan[];
  emptyField: DemoPlan['emptyField'];
} {
  const owners: {
    id: string;
    version: number;
    roles: readonly string[];
    fields: readonly FieldRule[];
  }[] = [
    ...guides
      .filter((g) => g.crm === DEMO_CRM)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((g) => ({ id: g.id, version: g.version, roles: g.roles, fields: g.fields ?? [] })),
    DATA_QUALITY_PACK,
  ];
  const fields: FieldPlan[] = [];
  for (const owner of owners) {
    for (const rule of owner.fields) {
      const pages = concretePages(rule.page);
      if (pages.length === 0 || (!rule.required && rule.pattern === undefined)) continue;
      fields.push({
        key: fieldKeyOf(rule),
        pages,
        roles: new Set(owner.roles),
        guideId: owner.id,
        guideVersion: owner.version,
        required: rule.required ?? false,
        pattern: rule.pattern !== undefined,
        emptyRate: EMPTY_RATE,
      });
    }
  }
  // The guides' own first required rule is the one people skip: it is why the guide exists.
  const hot = fields.find((f) => f.required);
  if (!hot) throw new RangeError('no required field rule to leave empty');
  hot.emptyRate = HOTSPOT_EMPTY_RATE;
  return { fields, emptyField: { pageType: hot.pages[0] ?? '', field: hot.key } };
}

// ---- Browsers ----

interface Browser {
  index: number;
  role: string;
  random: () => number;
  ids: () => number;
  /** The per-install rollout seed (core/match.ts), never sent. */
  installSeed: string;
  /** Chance of working on a weekday; 0.55–1. */
  presence: number;
  /** Page views per day against the role's typical day. */
  pace: number;
  /** How readily this person tries guides and sees them through; 0.3–1. */
  affinity: number;
  /** How often this person leaves fields empty or wrong, against the norm. */
  carelessness: number;
  /** First day index this person uses the CRM (new joiners arrive later). */
  joins: number;
  /** Day index from which this browser runs the guides: its roll-out wave. */
  enabled: number;
  /** Held back from the roll-out on: shown no guides, its workflows measured all the same. */
  control: boolean;
  reported: ReportedState;
  /** ISO weeks and guide versions this browser already flagged (the counted aggregation). */
  weeks: Set<string>;
  completed: Set<string>;
  runs: Map<string, GuideRun>;
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

function newBrowser(
  index: number,
  role: string,
  seed: number,
  days: number,
  waves: readonly number[],
): Browser {
  const random = seededRandom(streamSeed(seed, 'browser', index));
  const installSeed = Math.floor(random() * 2 ** 32).toString(36);
  return {
    index,
    role,
    random,
    ids: seededRandom(streamSeed(seed, 'batch-ids', index)),
    installSeed,
    presence: between(random, 0.55, 1),
    pace: between(random, 0.6, 1.4),
    affinity: between(random, 0.3, 1),
    // Most people are fairly careful, a few are not: 0.4–2.8, skewed low, 1 on average.
    carelessness: 0.4 + 2.4 * random() * random(),
    joins: random() < 0.08 ? Math.floor(random() * days) : 0,
    enabled: waves[pick(WAVE_SHARES, random)] ?? days,
    // A stream of its own, so that drawing the control group leaves every other draw as it was.
    control: seededRandom(streamSeed(seed, 'control', index))() < CONTROL_SHARE,
    reported: EMPTY_REPORTED,
    weeks: new Set(),
    completed: new Set(),
    runs: new Map(),
  };
}

// ---- One browser's day ----

interface DayContext {
  day: string;
  week: string;
  dayIndex: number;
  /** Day index of the roll-out: before it every browser is observe-only. */
  rollout: number;
  start: number;
  weekend: boolean;
  monday: boolean;
  guides: readonly GuidePlan[];
  fields: readonly FieldPlan[];
}

const isEdit = (page: string) => page.endsWith(':edit');

function nextPage(role: string, current: string, random: () => number): string {
  if (current.endsWith(':record') && random() < (EDIT_AFTER_RECORD[role] ?? 0.2)) {
    return current.replace(/:record$/, ':edit');
  }
  if (isEdit(current)) return current.replace(/:edit$/, ':record');
  return pick(PAGE_MIX[role] ?? PAGE_MIX.rep ?? [['home', 1]], random);
}

/** A usage event as the simulation reports it; the browser adds its role and CRM. */
type SimEvent = Omit<UsageEvent, 'role' | 'crm' | 'at'>;

/** Where a browser's events go: its event log, or straight into its day's counters. */
type EventSink = (event: SimEvent, at: number) => void;

/** How guidance reaches the simulated browser that day, as its rollout wave says (core/usage.ts). */
function cohortOnDay(b: Browser, ctx: DayContext): Cohort {
  if (ctx.dayIndex < ctx.rollout) return 'observe';
  if (b.control) return 'control';
  // Until its wave has the guides, a browser still only measures.
  return ctx.dayIndex >= b.enabled ? 'guided' : 'observe';
}

/** One browser's day in the CRM; false when this person did not work that day. */
function simulateDay(b: Browser, ctx: DayContext, record: EventSink): boolean {
  const { random, role } = b;
  if (ctx.dayIndex < b.joins) return false;
  const presence = ctx.weekend ? (WEEKEND_ACTIVE[role] ?? 0.05) * b.presence : 0.93 * b.presence;
  if (random() >= presence) return false;

  const dayEnd = ctx.start + DAY_MS - 1;
  let at = ctx.start + 7 * 60 * MINUTE + random() * 150 * MINUTE;
  let page = 'home';
  const cohort = cohortOnDay(b, ctx);
  const push = (event: SimEvent, when = at) => record({ ...event, cohort }, Math.min(when, dayEnd));
  const audience = { role, cohorts: [], seed: b.installSeed, today: ctx.day };
  const since = ctx.dayIndex - b.enabled;
  const visible = cohort === 'guided' ? ctx.guides.filter((g) => inRollout(g.guide, audience)) : [];
  // 0 before this browser's wave, rising to 1 as its person discovers the guides.
  const ramp = since >= 0 ? Math.min(1, (since + 1) / RAMP_DAYS) : 0;

  /** Saving a form checks its field rules; `guided` fields were just filled with a guide's tip. */
  const save = (pageType: string, guided?: string) => {
    at += between(random, 1, 5) * MINUTE;
    // People learn: fewer fields are left empty as the guides sink in.
    const trend = 1 - 0.6 * ramp;
    for (const field of ctx.fields) {
      if (!field.roles.has(role) || !field.pages.includes(pageType)) continue;
      const learned = b.runs.get(field.guideId)?.status === 'completed' ? 0.4 : 1;
      const helped = guided === field.guideId ? 0.1 : 1;
      const empty = field.emptyRate * b.carelessness * trend * learned * helped;
      const problem =
        field.required && random() < empty
          ? 'field.empty'
          : field.pattern && random() < INVALID_RATE * b.carelessness * trend
            ? 'field.invalid'
            : null;
      if (problem) {
        push({
          kind: problem,
          pageType,
          guideId: field.guideId,
          guideVersion: field.guideVersion,
          field: field.key,
        });
      }
    }
  };

  const view = (pageType: string) => {
    page = pageType;
    push({ kind: 'page.viewed', pageType });
  };

  const runGuide = (plan: GuidePlan, auto: boolean) => {
    const { guide } = plan;
    let run = startRun(guide, at);
    const guideEvent = (
      kind: EventKind,
      stepIndex: number,
      when = at,
      extra: Partial<SimEvent> = {},
    ) =>
      push(
        {
          kind,
          pageType: page,
          guideId: guide.id,
          guideVersion: guide.version,
          stepId: guide.steps[stepIndex]?.id,
          ...extra,
        },
        when,
      );
    const act = (action: RunAction) => {
      const stepIndex = run.stepIndex;
      run = advanceRun(run, guide, action, at);
      if (action === 'next') guideEvent('step.completed', stepIndex);
      if (action === 'skip') guideEvent('step.skipped', stepIndex);
      if (action === 'exit') guideEvent('guide.dismissed', stepIndex);
      if (run.status === 'completed') guideEvent('guide.completed', stepIndex);
    };
    guideEvent('guide.started', 0);
    while (run.status === 'active') {
      const step = plan.steps[run.stepIndex] as StepPlan;
      at += between(random, 4, 40) * SECOND;
      if (step.page && step.page !== page) {
        // The walkthrough leads to its next page; leaving a form saves it.
        if (isEdit(page)) save(page, guide.id);
        view(step.page);
      }
      if (step.anchored && random() < step.missingRate) {
        guideEvent('target.missing', run.stepIndex);
        const choice = random();
        if (choice < 0.55) {
          act('skip');
          continue;
        }
        if (choice < 0.75) {
          act('exit');
          continue;
        }
        at += between(random, 3, 15) * SECOND; // retried, and found this time
      }
      guideEvent('step.shown', run.stepIndex);
      at += between(random, 5, 90) * SECOND;
      // A tour that started uninvited is often closed at once; keen people finish more.
      const reluctance = 1.5 - b.affinity;
      const outcomes = step.outcomes.map(([o, w]): [Outcome, number] => [
        o,
        o === 'complete'
          ? w
          : o === 'exit' && auto && run.stepIndex === 0
            ? (w + 0.1) * reluctance
            : w * reluctance,
      ]);
      const outcome = pick(outcomes, random);
      if (outcome === 'abandon') {
        // Recorded by the background's sweep once the run has sat idle long enough.
        guideEvent('guide.abandoned', run.stepIndex, at + between(random, 31, 90) * MINUTE);
        run = { ...run, status: 'abandoned' };
      } else if (outcome === 'complete') {
        if (step.survey) {
          const { min, max } = step.survey;
          const leaning = min + (max - min) * (0.45 + 0.45 * b.affinity);
          const score = Math.round(
            Math.min(max, Math.max(min, leaning + (random() - 0.5) * (max - min) * 0.6)),
          );
          guideEvent('survey.answered', run.stepIndex, at, { score });
        }
        act('next');
      } else {
        act(outcome);
      }
    }
    b.runs.set(guide.id, run);
  };

  /** The guide's workflow done without guidance, as the extension tracks it passively. */
  const doWorkflow = (plan: GuidePlan, steps: readonly string[]) => {
    const { guide } = plan;
    if (!plan.pages.includes(page)) {
      at += between(random, 10, 60) * SECOND;
      view(plan.pages[0] as string);
    }
    const learned = b.runs.get(guide.id)?.status === 'completed';
    const target = learned ? WORKFLOW_COMPLETION_LEARNED : WORKFLOW_COMPLETION;
    // Each step after the first is reached with the same chance, so that all of them are
    // reached with `target`, times how keen this person is.
    const onward = Math.pow(
      Math.min(1, target * (0.75 + 0.5 * b.affinity)),
      1 / (steps.length - 1),
    );
    let progress: ReturnType<typeof performStep>['progress'];
    const emit = (events: ReturnType<typeof performStep>['events'], when = at) => {
      for (const e of events) {
        push(
          {
            kind: e.kind,
            pageType: page,
            guideId: guide.id,
            guideVersion: guide.version,
            stepId: e.stepId,
          },
          when,
        );
      }
    };
    for (let i = 0; i < steps.length; i++) {
      if (i > 0 && random() >= onward) break;
      at += between(random, 10, 90) * SECOND;
      const done = performStep(progress, guide, steps[i] as string, at);
      progress = done.progress;
      emit(done.events);
    }
    if (progress?.status === 'active') {
      // Recorded by the background's sweep once the workflow has sat idle long enough.
      const later = at + between(random, 31, 90) * MINUTE;
      emit(sweepWorkflow(progress, guide, later).events, later);
    }
  };

  // The workflows this person does on their own today (any cohort), and when.
  const workflowIntents = new Map<number, GuidePlan>();
  for (const g of ctx.guides) {
    if (!g.workflow || !g.guide.roles.includes(role)) continue;
    if (random() < WORKFLOW_PER_DAY * (0.5 + 0.5 * b.affinity)) {
      workflowIntents.set(Math.floor(random() * 1_000_000), g);
    }
  }

  const busier = 1 + 0.1 * ramp; // the CRM itself gets used more as people settle in
  const views = Math.max(
    1,
    Math.round(
      (VIEWS_PER_DAY[role] ?? 20) *
        b.pace *
        busier *
        between(random, 0.7, 1.3) *
        (ctx.weekend ? 0.5 : 1),
    ),
  );

  // The guides this person sets out to run today, and at which point of the day.
  const intents = new Map<number, GuidePlan>();
  for (const g of visible) {
    const past = b.runs.get(g.guide.id);
    const again = !past ? 1 : past.status === 'completed' ? g.use.again : 0.5;
    const base = ctx.monday && g.use.mondays !== undefined ? g.use.mondays : g.use.perDay;
    // Checklist guides are in plain sight; the others only in the launcher of their pages.
    const found = g.guide.checklist ? 1 : 0.5;
    const p = base * again * found * (0.5 + 0.5 * b.affinity) * (0.25 + 0.75 * ramp);
    if (random() < p) {
      const slot = Math.floor(random() * views);
      if (!intents.has(slot)) intents.set(slot, g);
    }
  }

  const guidesHere = (slot: number) => {
    const intent = intents.get(slot);
    if (intent && !intent.pages.includes(page)) {
      // Started from the checklist, which opens the guide's page; else it waits for that page.
      if (!intent.guide.checklist) return;
      at += between(random, 10, 60) * SECOND;
      view(intent.pages[0] as string);
    }
    const auto = visible.find(
      (g) => g.pages.includes(page) && shouldAutoLaunch(g.guide, b.runs.get(g.guide.id)),
    );
    if (auto) {
      at += between(random, 1, 4) * SECOND;
      runGuide(auto, true);
    }
    if (intent && intent !== auto) {
      at += between(random, 5, 60) * SECOND;
      runGuide(intent, false);
    }
  };

  const workflowsAt = new Map<number, GuidePlan>();
  for (const [draw, g] of workflowIntents) {
    const slot = draw % views;
    if (!workflowsAt.has(slot)) workflowsAt.set(slot, g);
  }
  const workflowHere = (slot: number) => {
    const plan = workflowsAt.get(slot);
    if (plan?.workflow) doWorkflow(plan, plan.workflow);
  };

  view('home');
  guidesHere(0);
  workflowHere(0);
  for (let i = 1; i < views; i++) {
    at += between(random, 1, 12) * MINUTE;
    const from = page;
    view(nextPage(role, from, random));
    if (isEdit(from) && random() < 0.85) save(from);
    guidesHere(i);
    workflowHere(i);
  }
  if (isEdit(page) && random() < 0.85) save(page);
  return true;
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
    const field = e.field ?? '';
    const score = e.kind === 'survey.answered' ? (e.score ?? 0) : 0;
    add(e.kind as SignalKind, e.pageType, guide, version, e.stepId ?? '', field, score, cohort);
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
  const { plans, dropOff } = compileGuides(options.guides);
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
        start,
        weekend: weekday === 0 || weekday === 6,
        monday: weekday === 1,
        guides: plans,
        fields,
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
    s.kind === 'first.guideCompleted'
  );
}
