/**
 * Snapshots: what admins see, computed from the endpoint's daily counters. Pure (no I/O), so the
 * endpoint, its tests and any other reader get the same figures from the same rows.
 *
 * k-anonymity: every figure ("cell") is built from counter rows, and a cell whose rows come from
 * fewer than k distinct browsers is returned as `{ suppressed: true }`, never as a number. The
 * counters carry, per key and day, how many browsers contributed (each browser flags itself once
 * per key and day). The same browser contributes again on another day, so for a cell spanning
 * several days the number of distinct contributors is not the sum over days; we use the largest
 * single-day contributor sum instead, which is a lower bound of it (any one day's contributors are
 * among the cell's). A browser that adds to two keys of one cell on the same day (two roles, two
 * CRMs or two page types for the same guide step) would be counted twice within that day; the
 * browser sends one role and one CRM, and a step lives on one page type, so that stays rare.
 *
 * The `first.*` kinds are sent at most once per browser and period, so their sums are distinct
 * counts over that period: `first.activeWeek` over an ISO week, `first.guideCompleted` over all
 * time. Their cells take the largest sum over such a period as the lower bound, which is exact.
 *
 * A rate or a mean is suppressed when any cell it is built from is suppressed, since the other
 * figures would let a reader recover the hidden one.
 */
import { DAY_MS, isoWeek, utcDay } from './days';
import type { SignalKind } from './signals';
import { differenceInterval, wilsonInterval } from './stats';
import { COHORTS, type Cohort } from './usage';

/** One stored counter: a signal key with its sums over all browsers for that day. */
export interface CounterRow {
  day: string;
  role: string;
  crm: string;
  kind: SignalKind;
  guide: string;
  version: number;
  step: string;
  pageType: string;
  field: string;
  /** One of `COHORTS`, or '' for counters of browsers that predate cohorts. */
  cohort: string;
  count: number;
  /** Distinct browsers that sent this key that day. */
  contributors: number;
  scoreSum: number;
}

export interface Period {
  /** First day, YYYY-MM-DD (UTC), inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export interface Suppressed {
  suppressed: true;
}
/** A figure, or the fact that fewer than k browsers are behind it. */
export type Cell = number | Suppressed;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true });

export function isSuppressed(cell: Cell): cell is Suppressed {
  return typeof cell !== 'number';
}

/** Metrics of one item in the current period, with the baseline's and the change when asked. */
export type Compared<M> = M & { baseline?: M; delta?: M };

export interface UserMetrics {
  /**
   * Active users on the busiest day of the period (sum of `first.activeDay`): a lower bound of the
   * distinct users active in the period.
   */
  busiestDayUsers: Cell;
  /**
   * Sum of `first.activeWeek` over the ISO weeks that overlap the period: each browser counts once
   * per week it was active. Exact for a period of one ISO week, an upper bound of distinct users
   * for longer ones (someone active in three weeks counts three times).
   */
  userWeeks: Cell;
}

export interface DailyUsers {
  day: string;
  role: string;
  /** Sum of `first.activeDay` that day: each browser sends it once per day. */
  users: Cell;
}

export interface StepMetrics {
  /** Event counts, not people: a step shown twice in one browser counts twice. */
  shown: Cell;
  completed: Cell;
  skipped: Cell;
  targetMissing: Cell;
  /** shown / guide started: the funnel. */
  reachedRate: Cell;
  /** completed / shown. */
  completionRate: Cell;
  /** Share of showings neither completed nor skipped: where runs stop. */
  dropOffRate: Cell;
}

export interface GuideMetrics {
  started: Cell;
  completed: Cell;
  /** Browsers that completed this guide version for the first time ever during the period. */
  completedUsers: Cell;
  dismissed: Cell;
  abandoned: Cell;
  targetMissing: Cell;
  /** Each rate is per run started. */
  completionRate: Cell;
  dismissRate: Cell;
  abandonRate: Cell;
  targetMissingRate: Cell;
  surveyResponses: Cell;
  /** Mean survey score (score sum / answers). */
  surveyMeanScore: Cell;
}

export interface GuideFunnel extends Compared<GuideMetrics> {
  guide: string;
  version: number;
  steps: ({ step: string } & Compared<StepMetrics>)[];
}

export interface SurveyMetrics {
  responses: Cell;
  meanScore: Cell;
  completionRate: Cell;
}

export interface FieldMetrics {
  empty: Cell;
  invalid: Cell;
}

export interface FieldPage {
  pageType: string;
  /** Ranked: most problems first. */
  fields: ({ field: string } & Compared<FieldMetrics>)[];
}

export interface TrainingMetrics {
  /**
   * Browsers of the role that completed the guide (any version) by the end of the period, from
   * `first.guideCompleted`: each browser sends it once per guide version, so someone who
   * completed two versions counts twice.
   */
  trainedUsers: Cell;
  /** trainedUsers / the role's users in its busiest ISO week of the period, at most 1. */
  share: Cell;
}

export interface RoleTrainingMetrics {
  /** Sum of `first.activeWeek` in the role's busiest ISO week overlapping the period. */
  busiestWeekUsers: Cell;
  /** Mean share over the role's checklist guides. */
  checklistShare: Cell;
}

export interface RoleTraining extends Compared<RoleTrainingMetrics> {
  role: string;
  /** The role's checklist, in checklist order. */
  guides: ({ guide: string } & Compared<TrainingMetrics>)[];
}

/** A 95 % interval of a rate or a difference of rates, as shares (0.1 is 10 %). */
export interface RateInterval {
  lower: number;
  upper: number;
}

/** Where the most runs of a workflow were abandoned. */
export interface AbandonPoint {
  step: string;
  abandoned: number;
}

/** A field left empty on one of the guide's pages. */
export interface EmptyField {
  pageType: string;
  field: string;
  empty: number;
}

/**
 * One cohort's runs of one workflow. Every cell is built from that cohort's rows only, so k
 * applies to each cohort on its own. For `guided` a run is one of the guide's own walkthroughs
 * (`guide.*`) or a workflow done without opening it (`workflow.*`); for `control` and `observe`,
 * where nothing is shown, only the latter.
 */
export interface CohortWorkflowMetrics {
  started: Cell;
  completed: Cell;
  abandoned: Cell;
  /** completed / started, at most 1 (a run started before the period may complete in it). */
  completionRate: Cell;
  /** Wilson 95 % interval of the completion rate, from `completed` of `started`. */
  completionInterval: RateInterval | Suppressed;
  /** The step with the most abandoned runs; null when no run was abandoned. */
  abandonPoint: AbandonPoint | Suppressed | null;
  /** On the pages the guide's runs touched, most first; fields below k are left out. */
  emptyFields: EmptyField[];
}

export interface WorkflowComparison {
  guided: CohortWorkflowMetrics;
  control: CohortWorkflowMetrics;
  observe: CohortWorkflowMetrics;
  /**
   * Completion rate guided − control with Newcombe's 95 % interval; null unless both rates are
   * figures. An interval that excludes 0 is unlikely to be noise.
   */
  difference: (RateInterval & { difference: number }) | null;
}

export interface GuideWorkflow extends WorkflowComparison {
  /** The guide id: all its versions together. */
  guide: string;
  /** The same figures over the baseline period (typically observe-only, before roll-out). */
  baseline?: WorkflowComparison;
  /**
   * Guided completion in the period − observe completion in the baseline, with Newcombe's
   * interval; null unless both are figures. The two periods are treated as independent samples,
   * although a browser can be in both.
   */
  baselineDifference?: (RateInterval & { difference: number }) | null;
}

export interface Snapshot {
  k: number;
  period: Period & { days: number };
  baseline: (Period & { days: number }) | null;
  activeUsers: {
    daily: DailyUsers[];
    baselineDaily: DailyUsers[] | null;
    byRole: ({ role: string } & Compared<UserMetrics>)[];
  };
  guides: GuideFunnel[];
  /** Onboarding checklist completion per role (roles with a checklist only). */
  training: RoleTraining[];
  surveys: ({ guide: string; version: number } & Compared<SurveyMetrics>)[];
  /** Page types ranked by the problems of their fields, most first. */
  fields: FieldPage[];
  /** Completion per cohort for each guide with runs or workflows, by guide id. */
  workflows: GuideWorkflow[];
  /**
   * The first day, within the days read, on which at least k guided installations were active
   * after observe-only ones had been: the switch from measuring to guiding. Null when the days
   * read show no such switch.
   */
  guidanceStarted: string | null;
}

export interface SnapshotOptions {
  period: Period;
  baseline?: Period | null;
  /** Cells built from fewer contributors are suppressed. */
  k: number;
  /** Step ids in guide order, per guide id (from the guide pack); other steps follow by use. */
  stepOrder?: Readonly<Record<string, readonly string[]>>;
  /**
   * Checklist guide ids per role (from the guide pack). Training figures count completions up to
   * the end of the period, so `rows` should then also hold the `first.guideCompleted` rows of the
   * days before it.
   */
  checklists?: Readonly<Record<string, readonly string[]>>;
}

// ---- Days ----

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return utcDay(dayMs(day) + days * DAY_MS);
}

/** A year, leap day included: longer periods are slow to read and rarely what anyone wants. */
export const MAX_PERIOD_DAYS = 366;

/** Days in the period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((dayMs(period.to) - dayMs(period.from)) / DAY_MS) + 1;
}

function eachDay(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Monday of the ISO week of `day`. */
function weekStart(day: string): string {
  const weekday = new Date(dayMs(day)).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/**
 * The days whose counters a snapshot of `period` reads: the period itself, widened to whole ISO
 * weeks for `first.activeWeek` (see `userWeeks`).
 */
export function rowsNeeded(period: Period): Period {
  return { from: weekStart(period.from), to: addDays(weekStart(period.to), 6) };
}

// ---- Cells ----

/** Sums of one cell, with contributors kept per period in which they are distinct. */
class Tally {
  count = 0;
  scoreSum = 0;
  private readonly contributors = new Map<string, number>();

  /**
   * `source` separates rows of different kinds summed into one cell (a guide run and a passive
   * workflow): one browser may send both on a day, so their contributors are not added up.
   */
  add(row: CounterRow, source = ''): void {
    this.count += row.count;
    this.scoreSum += row.scoreSum;
    const bucket = `${distinctWithin(row)}${source}`;
    this.contributors.set(bucket, (this.contributors.get(bucket) ?? 0) + row.contributors);
  }

  /** Lower bound of the distinct browsers behind this cell (see the top of the file). */
  distinctContributors(): number {
    let most = 0;
    for (const n of this.contributors.values()) most = Math.max(most, n);
    return most;
  }
}

/** The span over which one browser contributes to a kind at most once. */
function distinctWithin(row: CounterRow): string {
  if (row.kind === 'first.activeWeek') return isoWeek(dayMs(row.day));
  if (row.kind === 'first.guideCompleted') return 'ever';
  return row.day;
}

function countCell(tally: Tally | undefined, k: number): Cell {
  // Zero contributors is never a figure, even with k = 1 (those cells do not exist).
  if (!tally || tally.distinctContributors() < Math.max(k, 1)) return SUPPRESSED;
  return tally.count;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function ratio(numerator: Cell, denominator: Cell, digits = 4): Cell {
  if (isSuppressed(numerator) || isSuppressed(denominator) || denominator === 0) return SUPPRESSED;
  return round(numerator / denominator, digits);
}

function meanScore(tally: Tally | undefined, k: number): Cell {
  const answers = countCell(tally, k);
  if (isSuppressed(answers) || !tally || answers === 0) return SUPPRESSED;
  return round(tally.scoreSum / answers, 2);
}

function delta(current: Cell, baseline: Cell): Cell {
  if (isSuppressed(current) || isSuppressed(baseline)) return SUPPRESSED;
  return round(current - baseline, 4);
}

function deltas<M extends object>(current: M, baseline: M): M {
  const out: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(current) as [string, Cell][]) {
    out[name] = delta(value, (baseline as Record<string, Cell>)[name] ?? SUPPRESSED);
  }
  return out as M;
}

/** Tallies grouped by a string key. */
class Tallies {
  private readonly map = new Map<string, Tally>();

  add(key: string, row: CounterRow, source = ''): void {
    let tally = this.map.get(key);
    if (!tally) this.map.set(key, (tally = new Tally()));
    tally.add(row, source);
  }

  get(key: string): Tally | undefined {
    return this.map.get(key);
  }
}

const sep = '\u0000';

const value = (cell: Cell) => (isSuppressed(cell) ? 0 : cell);

// ---- One period ----

interface PeriodFigures {
  daily: DailyUsers[];
  roles: Map<string, UserMetrics>;
  guides: Map<string, { guide: string; version: number; metrics: GuideMetrics }>;
  steps: Map<string, Map<string, StepMetrics>>;
  fields: Map<string, { pageType: string; field: string; metrics: FieldMetrics }>;
  training: Map<string, { metrics: RoleTrainingMetrics; guides: Map<string, TrainingMetrics> }>;
}

function inPeriod(day: string, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

function periodFigures(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
  checklists: Readonly<Record<string, readonly string[]>>,
): PeriodFigures {
  const weeks = rowsNeeded(period);
  const tallies = new Tallies();
  const roles = new Set<string>();
  const guideKeys = new Map<string, { guide: string; version: number }>();
  const stepKeys = new Map<string, Set<string>>();
  const fieldKeys = new Map<string, { pageType: string; field: string }>();

  const busiestWeek = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind === 'first.activeWeek') {
      if (inPeriod(row.day, weeks)) {
        roles.add(row.role);
        tallies.add(`week${sep}${row.role}`, row);
        const week = `week${sep}${row.role}${sep}${isoWeek(dayMs(row.day))}`;
        tallies.add(week, row);
        let roleWeeks = busiestWeek.get(row.role);
        if (!roleWeeks) busiestWeek.set(row.role, (roleWeeks = new Set()));
        roleWeeks.add(week);
      }
      continue;
    }
    if (row.kind === 'first.guideCompleted' && row.day <= period.to) {
      tallies.add(`trained${sep}${row.role}${sep}${row.guide}`, row);
    }
    if (!inPeriod(row.day, period)) continue;
    if (row.kind === 'first.activeDay') {
      roles.add(row.role);
      tallies.add(`day${sep}${row.role}${sep}${row.day}`, row);
      continue;
    }
    if (row.kind === 'field.empty' || row.kind === 'field.invalid') {
      const key = `${row.pageType}${sep}${row.field}`;
      fieldKeys.set(key, { pageType: row.pageType, field: row.field });
      tallies.add(`${row.kind}${sep}${key}`, row);
      continue;
    }
    if (!row.guide) continue;
    const guideKey = `${row.guide}${sep}${row.version}`;
    guideKeys.set(guideKey, { guide: row.guide, version: row.version });
    tallies.add(`${row.kind}${sep}${guideKey}`, row);
    if (row.step && (row.kind.startsWith('step.') || row.kind === 'target.missing')) {
      let steps = stepKeys.get(guideKey);
      if (!steps) stepKeys.set(guideKey, (steps = new Set()));
      steps.add(row.step);
      tallies.add(`${row.kind}${sep}${guideKey}${sep}${row.step}`, row);
    }
  }

  const count = (key: string) => countCell(tallies.get(key), k);

  const daily: DailyUsers[] = [];
  const roleFigures = new Map<string, UserMetrics>();
  for (const role of [...roles].sort()) {
    let busiest: Tally | undefined;
    for (const day of eachDay(period)) {
      const tally = tallies.get(`day${sep}${role}${sep}${day}`);
      daily.push({ day, role, users: countCell(tally, k) });
      if (tally && (!busiest || tally.count > busiest.count)) busiest = tally;
    }
    roleFigures.set(role, {
      busiestDayUsers: countCell(busiest, k),
      userWeeks: count(`week${sep}${role}`),
    });
  }

  const guides: PeriodFigures['guides'] = new Map();
  const steps: PeriodFigures['steps'] = new Map();
  for (const [guideKey, id] of guideKeys) {
    const of = (kind: SignalKind) => count(`${kind}${sep}${guideKey}`);
    const started = of('guide.started');
    const completed = of('guide.completed');
    const dismissed = of('guide.dismissed');
    const abandoned = of('guide.abandoned');
    const targetMissing = of('target.missing');
    const survey = tallies.get(`survey.answered${sep}${guideKey}`);
    guides.set(guideKey, {
      ...id,
      metrics: {
        started,
        completed,
        completedUsers: of('first.guideCompleted'),
        dismissed,
        abandoned,
        targetMissing,
        completionRate: ratio(completed, started),
        dismissRate: ratio(dismissed, started),
        abandonRate: ratio(abandoned, started),
        targetMissingRate: ratio(targetMissing, started),
        surveyResponses: countCell(survey, k),
        surveyMeanScore: meanScore(survey, k),
      },
    });
    const stepFigures = new Map<string, StepMetrics>();
    for (const step of stepKeys.get(guideKey) ?? []) {
      const ofStep = (kind: SignalKind) => count(`${kind}${sep}${guideKey}${sep}${step}`);
      const shown = ofStep('step.shown');
      const done = ofStep('step.completed');
      const skipped = ofStep('step.skipped');
      const left =
        isSuppressed(shown) || isSuppressed(done) || isSuppressed(skipped)
          ? SUPPRESSED
          : Math.max(0, shown - done - skipped);
      stepFigures.set(step, {
        shown,
        completed: done,
        skipped,
        targetMissing: ofStep('target.missing'),
        reachedRate: ratio(shown, started),
        completionRate: ratio(done, shown),
        dropOffRate: ratio(left, shown),
      });
    }
    steps.set(guideKey, stepFigures);
  }

  const fields: PeriodFigures['fields'] = new Map();
  for (const [key, id] of fieldKeys) {
    fields.set(key, {
      ...id,
      metrics: {
        empty: count(`field.empty${sep}${key}`),
        invalid: count(`field.invalid${sep}${key}`),
      },
    });
  }

  const training: PeriodFigures['training'] = new Map();
  for (const [role, checklist] of Object.entries(checklists)) {
    if (checklist.length === 0) continue;
    let busiest: Tally | undefined;
    for (const week of busiestWeek.get(role) ?? []) {
      const tally = tallies.get(week);
      if (tally && (!busiest || tally.count > busiest.count)) busiest = tally;
    }
    const busiestWeekUsers = countCell(busiest, k);
    const guides = new Map<string, TrainingMetrics>();
    for (const guide of checklist) {
      const trainedUsers = count(`trained${sep}${role}${sep}${guide}`);
      const share = ratio(trainedUsers, busiestWeekUsers);
      guides.set(guide, { trainedUsers, share: isSuppressed(share) ? share : Math.min(1, share) });
    }
    const shares = [...guides.values()].map((g) => g.share);
    training.set(role, {
      metrics: {
        busiestWeekUsers,
        checklistShare: shares.some(isSuppressed)
          ? SUPPRESSED
          : round(shares.reduce<number>((a, b) => a + value(b), 0) / shares.length, 4),
      },
      guides,
    });
  }

  return { daily, roles: roleFigures, guides, steps, fields, training };
}

// ---- Workflows: guided vs control ----

type RunOutcome = 'started' | 'completed' | 'abandoned';

/** The run outcome a kind stands for, and whether it is a guide's own run or a passive one. */
const RUN_KINDS: Partial<Record<SignalKind, { outcome: RunOutcome; passive: boolean }>> = {
  'guide.started': { outcome: 'started', passive: false },
  'guide.completed': { outcome: 'completed', passive: false },
  'guide.abandoned': { outcome: 'abandoned', passive: false },
  'workflow.started': { outcome: 'started', passive: true },
  'workflow.completed': { outcome: 'completed', passive: true },
  'workflow.abandoned': { outcome: 'abandoned', passive: true },
};

function isCohort(cohort: string): cohort is Cohort {
  return (COHORTS as readonly string[]).includes(cohort);
}

/** The figures of every guide with runs in the period, by guide id. */
function workflowFigures(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
): Map<string, WorkflowComparison> {
  const tallies = new Tallies();
  const guides = new Set<string>();
  const pages = new Map<string, Set<string>>();
  const abandonSteps = new Map<string, Set<string>>();
  const emptyFields = new Map<Cohort, Map<string, { pageType: string; field: string }>>();
  const pageOf = (guide: string) => {
    let set = pages.get(guide);
    if (!set) pages.set(guide, (set = new Set()));
    return set;
  };

  for (const row of rows) {
    if (!inPeriod(row.day, period) || !isCohort(row.cohort)) continue;
    if (row.kind === 'field.empty') {
      let fields = emptyFields.get(row.cohort);
      if (!fields) emptyFields.set(row.cohort, (fields = new Map()));
      const key = `${row.pageType}${sep}${row.field}`;
      fields.set(key, { pageType: row.pageType, field: row.field });
      tallies.add(`empty${sep}${row.cohort}${sep}${key}`, row);
      if (row.guide && row.pageType) pageOf(row.guide).add(row.pageType);
      continue;
    }
    if (!row.guide) continue;
    if (row.pageType && (row.kind.startsWith('guide.') || row.kind.startsWith('step.'))) {
      pageOf(row.guide).add(row.pageType);
    }
    const run = RUN_KINDS[row.kind];
    // Control and observe installs are shown no guidance: a guide run there is not theirs.
    if (!run || (!run.passive && row.cohort !== 'guided')) continue;
    if (row.pageType) pageOf(row.guide).add(row.pageType);
    guides.add(row.guide);
    const source = run.passive ? `${sep}passive` : '';
    const cell = `${run.outcome}${sep}${row.cohort}${sep}${row.guide}`;
    tallies.add(cell, row, source);
    if (run.outcome === 'abandoned' && row.step) {
      const key = `${row.cohort}${sep}${row.guide}`;
      let steps = abandonSteps.get(key);
      if (!steps) abandonSteps.set(key, (steps = new Set()));
      steps.add(row.step);
      tallies.add(`${cell}${sep}${row.step}`, row, source);
    }
  }

  const figures = new Map<string, WorkflowComparison>();
  for (const guide of guides) {
    const ofCohort = (cohort: Cohort): CohortWorkflowMetrics => {
      const cell = (outcome: RunOutcome) =>
        countCell(tallies.get(`${outcome}${sep}${cohort}${sep}${guide}`), k);
      const started = cell('started');
      const completed = cell('completed');
      const abandoned = cell('abandoned');
      const rate = completionOf(completed, started);
      let abandonPoint: AbandonPoint | Suppressed | null = null;
      const steps = abandonSteps.get(`${cohort}${sep}${guide}`);
      if (steps) {
        // Steps below k are passed over: the point shown is the worst step that is a figure.
        let best: AbandonPoint | null = null;
        for (const step of [...steps].sort()) {
          const n = countCell(
            tallies.get(`abandoned${sep}${cohort}${sep}${guide}${sep}${step}`),
            k,
          );
          if (!isSuppressed(n) && (!best || n > best.abandoned)) best = { step, abandoned: n };
        }
        abandonPoint = best ?? SUPPRESSED;
      }
      const onPages = pages.get(guide) ?? new Set<string>();
      const empty: EmptyField[] = [];
      for (const [key, id] of emptyFields.get(cohort) ?? []) {
        if (!onPages.has(id.pageType)) continue;
        const n = countCell(tallies.get(`empty${sep}${cohort}${sep}${key}`), k);
        if (!isSuppressed(n)) empty.push({ ...id, empty: n });
      }
      empty.sort(
        (a, b) =>
          b.empty - a.empty ||
          a.pageType.localeCompare(b.pageType) ||
          a.field.localeCompare(b.field),
      );
      return {
        started,
        completed,
        abandoned,
        completionRate: rate.rate,
        completionInterval: rate.interval,
        abandonPoint,
        emptyFields: empty,
      };
    };
    const guided = ofCohort('guided');
    const control = ofCohort('control');
    figures.set(guide, {
      guided,
      control,
      observe: ofCohort('observe'),
      difference: rateDifference(guided, control),
    });
  }
  return figures;
}

/** completed / started with its Wilson interval; completions beyond the starts count as starts. */
function completionOf(
  completed: Cell,
  started: Cell,
): { rate: Cell; interval: RateInterval | Suppressed } {
  if (isSuppressed(completed) || isSuppressed(started) || started === 0) {
    return { rate: SUPPRESSED, interval: SUPPRESSED };
  }
  const successes = Math.min(completed, started);
  const { lower, upper } = wilsonInterval(successes, started);
  return {
    rate: round(successes / started, 4),
    interval: { lower: round(lower, 4), upper: round(upper, 4) },
  };
}

/** Completion of `a` − completion of `b`, with Newcombe's interval, when both are figures. */
function rateDifference(
  a: CohortWorkflowMetrics,
  b: CohortWorkflowMetrics,
): (RateInterval & { difference: number }) | null {
  if (isSuppressed(a.completionRate) || isSuppressed(b.completionRate)) return null;
  const trials = (m: CohortWorkflowMetrics) => m.started as number;
  const successes = (m: CohortWorkflowMetrics) => Math.min(m.completed as number, trials(m));
  const d = differenceInterval(successes(a), trials(a), successes(b), trials(b));
  return {
    difference: round(d.difference, 4),
    lower: round(d.lower, 4),
    upper: round(d.upper, 4),
  };
}

function workflowSection(
  rows: readonly CounterRow[],
  period: Period,
  baseline: Period | null,
  k: number,
): GuideWorkflow[] {
  const now = workflowFigures(rows, period, k);
  const before = baseline ? workflowFigures(rows, baseline, k) : null;
  const out: GuideWorkflow[] = [];
  for (const guide of union(now.keys(), before?.keys() ?? []).sort()) {
    const current = now.get(guide) ?? EMPTY_WORKFLOW;
    const previous = before ? (before.get(guide) ?? EMPTY_WORKFLOW) : undefined;
    const item: GuideWorkflow = { guide, ...current };
    if (previous) {
      item.baseline = previous;
      item.baselineDifference = rateDifference(current.guided, previous.observe);
    }
    if (nothingShown({ ...current, ...(previous ? { baseline: previous } : {}) })) continue;
    out.push(item);
  }
  return out;
}

// ---- Both periods ----

function compare<M extends object>(
  current: M | undefined,
  baseline: M | undefined,
  empty: M,
  withBaseline: boolean,
): Compared<M> {
  const now = current ?? empty;
  if (!withBaseline) return { ...now };
  const before = baseline ?? empty;
  return { ...now, baseline: before, delta: deltas(now, before) };
}

/** True when an item shows no figure at all: it is left out, so not even its name shows. */
function nothingShown(item: object): boolean {
  return Object.values(item).every((v) =>
    typeof v === 'number' ? false : typeof v === 'object' && v !== null ? nothingShown(v) : true,
  );
}

function allSuppressed<M extends object>(names: readonly (keyof M)[]): M {
  return Object.fromEntries(names.map((name) => [name, SUPPRESSED])) as M;
}

/** The figures of each kind of cell, in the order exports list them. */
export const USER_METRICS = [
  'busiestDayUsers',
  'userWeeks',
] as const satisfies readonly (keyof UserMetrics)[];
export const GUIDE_METRICS = [
  'started',
  'completed',
  'completedUsers',
  'dismissed',
  'abandoned',
  'targetMissing',
  'completionRate',
  'dismissRate',
  'abandonRate',
  'targetMissingRate',
  'surveyResponses',
  'surveyMeanScore',
] as const satisfies readonly (keyof GuideMetrics)[];
export const STEP_METRICS = [
  'shown',
  'completed',
  'skipped',
  'targetMissing',
  'reachedRate',
  'completionRate',
  'dropOffRate',
] as const satisfies readonly (keyof StepMetrics)[];
export const TRAINING_METRICS = [
  'trainedUsers',
  'share',
] as const satisfies readonly (keyof TrainingMetrics)[];
export const ROLE_TRAINING_METRICS = [
  'busiestWeekUsers',
  'checklistShare',
] as const satisfies readonly (keyof RoleTrainingMetrics)[];
export const FIELD_METRICS = [
  'empty',
  'invalid',
] as const satisfies readonly (keyof FieldMetrics)[];

const EMPTY_ROLE = allSuppressed<UserMetrics>(USER_METRICS);
const EMPTY_GUIDE = allSuppressed<GuideMetrics>(GUIDE_METRICS);
const EMPTY_STEP = allSuppressed<StepMetrics>(STEP_METRICS);
const EMPTY_FIELD = allSuppressed<FieldMetrics>(FIELD_METRICS);
const EMPTY_TRAINING = allSuppressed<TrainingMetrics>(TRAINING_METRICS);
const EMPTY_ROLE_TRAINING = allSuppressed<RoleTrainingMetrics>(ROLE_TRAINING_METRICS);
const EMPTY_COHORT_WORKFLOW: CohortWorkflowMetrics = {
  started: SUPPRESSED,
  completed: SUPPRESSED,
  abandoned: SUPPRESSED,
  completionRate: SUPPRESSED,
  completionInterval: SUPPRESSED,
  abandonPoint: null,
  emptyFields: [],
};
const EMPTY_WORKFLOW: WorkflowComparison = {
  guided: EMPTY_COHORT_WORKFLOW,
  control: EMPTY_COHORT_WORKFLOW,
  observe: EMPTY_COHORT_WORKFLOW,
  difference: null,
};

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}

/**
 * The snapshot of `period` (and of `baseline`, with changes, when given) from counter rows.
 * `rows` must cover `rowsNeeded()` of each period; rows outside are ignored. Items with no figure
 * left after suppression are omitted, so a rare role, guide or field does not even show its name.
 */
export function buildSnapshot(rows: readonly CounterRow[], options: SnapshotOptions): Snapshot {
  const { period, k } = options;
  const baseline = options.baseline ?? null;
  const withBaseline = baseline !== null;
  const checklists = options.checklists ?? {};
  const now = periodFigures(rows, period, k, checklists);
  const before = baseline ? periodFigures(rows, baseline, k, checklists) : null;
  const both = <M extends object>(a: M | undefined, b: M | undefined, empty: M) =>
    compare(a, b, empty, withBaseline);

  const byRole: Snapshot['activeUsers']['byRole'] = [];
  for (const role of union(now.roles.keys(), before?.roles.keys() ?? []).sort()) {
    const figures = both(now.roles.get(role), before?.roles.get(role), EMPTY_ROLE);
    const daily = [...now.daily, ...(before?.daily ?? [])].filter((d) => d.role === role);
    if (nothingShown(figures) && nothingShown(daily.map((d) => d.users))) continue;
    byRole.push({ role, ...figures });
  }
  const shownRoles = new Set(byRole.map((r) => r.role));

  const guides: GuideFunnel[] = [];
  for (const guideKey of union(now.guides.keys(), before?.guides.keys() ?? [])) {
    const current = now.guides.get(guideKey);
    const previous = before?.guides.get(guideKey);
    const id = (current ?? previous) as { guide: string; version: number };
    const nowSteps = now.steps.get(guideKey) ?? new Map<string, StepMetrics>();
    const beforeSteps = before?.steps.get(guideKey) ?? new Map<string, StepMetrics>();
    const stepIds = orderSteps(
      union(nowSteps.keys(), beforeSteps.keys()),
      options.stepOrder?.[id.guide],
      nowSteps,
    );
    const steps: GuideFunnel['steps'] = [];
    for (const step of stepIds) {
      const figures = both(nowSteps.get(step), beforeSteps.get(step), EMPTY_STEP);
      if (!nothingShown(figures)) steps.push({ step, ...figures });
    }
    const figures = both(current?.metrics, previous?.metrics, EMPTY_GUIDE);
    if (nothingShown(figures) && steps.length === 0) continue;
    guides.push({ guide: id.guide, version: id.version, ...figures, steps });
  }
  guides.sort((a, b) => a.guide.localeCompare(b.guide) || b.version - a.version);

  const training: RoleTraining[] = [];
  for (const [role, current] of now.training) {
    const previous = before?.training.get(role);
    const guideFigures = [...current.guides].map(([guide, figures]) => ({
      guide,
      ...both(figures, previous?.guides.get(guide), EMPTY_TRAINING),
    }));
    const figures = both(current.metrics, previous?.metrics, EMPTY_ROLE_TRAINING);
    if (nothingShown(figures) && guideFigures.every((g) => nothingShown(g))) continue;
    training.push({ role, ...figures, guides: guideFigures });
  }
  training.sort((a, b) => a.role.localeCompare(b.role));

  const pickSurvey = (m: GuideMetrics): SurveyMetrics => ({
    responses: m.surveyResponses,
    meanScore: m.surveyMeanScore,
    completionRate: m.completionRate,
  });
  const surveys = guides
    .filter((g) => hasSurvey(g) || (g.baseline && hasSurvey(g.baseline)))
    .map((g) => ({
      guide: g.guide,
      version: g.version,
      ...both(pickSurvey(g), g.baseline && pickSurvey(g.baseline), pickSurvey(EMPTY_GUIDE)),
    }));

  const pages = new Map<string, FieldPage>();
  for (const key of union(now.fields.keys(), before?.fields.keys() ?? [])) {
    const current = now.fields.get(key);
    const previous = before?.fields.get(key);
    const id = (current ?? previous) as { pageType: string; field: string };
    const figures = both(current?.metrics, previous?.metrics, EMPTY_FIELD);
    if (nothingShown(figures)) continue;
    let page = pages.get(id.pageType);
    if (!page) pages.set(id.pageType, (page = { pageType: id.pageType, fields: [] }));
    page.fields.push({ field: id.field, ...figures });
  }
  // Suppressed cells rank as zero, so the order reveals nothing they hide.
  const problems = (m: FieldMetrics) => value(m.empty) + value(m.invalid);
  const fields = [...pages.values()];
  for (const page of fields) {
    page.fields.sort((a, b) => problems(b) - problems(a) || a.field.localeCompare(b.field));
  }
  const pageProblems = (p: FieldPage) => p.fields.reduce((n, f) => n + problems(f), 0);
  fields.sort((a, b) => pageProblems(b) - pageProblems(a) || a.pageType.localeCompare(b.pageType));

  return {
    k,
    period: { ...period, days: periodDays(period) },
    baseline: baseline ? { ...baseline, days: periodDays(baseline) } : null,
    activeUsers: {
      daily: now.daily.filter((d) => shownRoles.has(d.role)),
      baselineDaily: before ? before.daily.filter((d) => shownRoles.has(d.role)) : null,
      byRole,
    },
    guides,
    training,
    surveys,
    fields,
    workflows: workflowSection(rows, period, baseline, k),
    guidanceStarted: guidanceStartOf(rows, k),
  };
}

function hasSurvey(m: GuideMetrics): boolean {
  return !isSuppressed(m.surveyResponses) && m.surveyResponses > 0;
}

/** Guide order first; steps the pack does not know (older versions) by how often they showed. */
function orderSteps(
  steps: string[],
  order: readonly string[] | undefined,
  current: Map<string, StepMetrics>,
): string[] {
  const position = (step: string) => {
    const i = order?.indexOf(step) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const shown = (step: string) => value(current.get(step)?.shown ?? SUPPRESSED);
  return steps.sort(
    (a, b) => position(a) - position(b) || shown(b) - shown(a) || a.localeCompare(b),
  );
}

/**
 * When guidance started: the earliest day with at least `k` guided installations active (the
 * sum of `first.activeDay` contributors of cohort `guided`, so one early browser does not date
 * it), provided observe-only installations were active on some earlier day.
 */
export function guidanceStartOf(rows: readonly CounterRow[], k: number): string | null {
  const guided = new Map<string, number>();
  let firstObserved: string | null = null;
  for (const row of rows) {
    if (row.kind !== 'first.activeDay') continue;
    if (row.cohort === 'observe' && (firstObserved === null || row.day < firstObserved)) {
      firstObserved = row.day;
    }
    if (row.cohort === 'guided') guided.set(row.day, (guided.get(row.day) ?? 0) + row.contributors);
  }
  if (firstObserved === null) return null;
  const days = [...guided]
    .filter(([day, n]) => n >= Math.max(k, 1) && day > (firstObserved as string))
    .map(([day]) => day)
    .sort();
  return days[0] ?? null;
}
