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
import { type CrmId } from '../adapters';
import { type SignalKind } from '../signals';
import { type TargetStrategy } from '../targetStrategies';
import { type TaskTimeBucket } from '../taskTime';
import { type Cohort } from '../usage';

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
  /** "Remind me later" on the guide that launched by itself. */
  snoozed: Cell;
  abandoned: Cell;
  targetMissing: Cell;
  /** Each rate is per run started. */
  completionRate: Cell;
  dismissRate: Cell;
  snoozeRate: Cell;
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

/** A step's runs (step.shown + target.missing) and the share of them whose target was missing. */
export interface StepHealthFigures {
  runs: Cell;
  targetMissing: Cell;
  /** targetMissing / runs. */
  rate: Cell;
}

/** One guide version's step in the field (core/snapshot/guideHealth.ts). */
export interface StepHealth {
  guide: string;
  version: number;
  step: string;
  /**
   * The days it is judged on, `from` to `day`: back from its latest day with runs in the period
   * until they hold enough runs to judge (`MIN_RUNS`), at most 7 days and not before the period.
   */
  from: string;
  day: string;
  /** The page type its target went missing on most those days; '' when it did not. */
  pageType: string;
  /** The days compared and judged, oldest first, `day` last. */
  daily: ({ day: string } & StepHealthFigures)[];
  /** The days judged, together. */
  latest: StepHealthFigures;
  /** The 7 days before `from`, together. */
  previous: StepHealthFigures;
  /** From `from` to `day`: how often each strategy of the target found nothing, most first. */
  failedStrategies: { strategy: TargetStrategy; count: number }[];
  /** Its rate jumped in the days judged. */
  flagged: boolean;
}

/**
 * Time on task of one cohort's completed runs of a workflow (first step to last), from the
 * browsers' coarse buckets (core/taskTime.ts).
 */
export interface TaskTimeFigures {
  /** Every bucket, shortest first; each suppressed below k. */
  buckets: { bucket: TaskTimeBucket; runs: Cell }[];
  /** All timed runs. */
  runs: Cell;
  /** The bucket that holds the median run; suppressed when any bucket is. */
  median: TaskTimeBucket | Suppressed;
}

export type TaskTimeComparison = Record<Cohort, TaskTimeFigures>;

export interface TaskTime extends TaskTimeComparison {
  /** The guide id: all its versions together, as in `workflows`. */
  guide: string;
  /** The same figures over the baseline period. */
  baseline?: TaskTimeComparison;
}

/** How much a role opened one page type in a period. */
export interface PageUseMetrics {
  /** `page.viewed` counts: openings, not people. */
  views: Cell;
  /** views / the role's user-weeks in the period: openings per person and week. */
  viewsPerUserWeek: Cell;
}

/**
 * A page type a role opened rarely or never in the period, compared with the baseline:
 * `unopened` when fewer than k people (or none) opened it in the period but at least k did in
 * the baseline; `fell` when openings per person and week fell to half the baseline's or less.
 */
export interface UnusedPage extends Compared<PageUseMetrics> {
  pageType: string;
  status: 'unopened' | 'fell';
}

export interface RoleUnusedPages {
  role: string;
  /** Unopened first, then by how far they fell. */
  pages: UnusedPage[];
  /** Page types of the role's baseline opened about as often as before, or more. */
  steady: number;
}

/** The answers of one survey (one guide version) by score. */
export interface SurveyDistribution {
  /** From the guide pack; null when the pack no longer holds the guide. */
  scale: '1-5' | '0-10' | null;
  /** Every score of the scale, lowest first (the scores answered when the scale is unknown). */
  scores: { score: number; answers: Cell }[];
  /** Of a 0–10 survey: promoters (9–10), passives (7–8), detractors (0–6) and the net score. */
  nps: NetPromoterScore | null;
}

export interface NetPromoterScore {
  promoters: Cell;
  passives: Cell;
  detractors: Cell;
  /** % promoters − % detractors, from −100 to 100. */
  score: Cell;
  /** Its 95 % interval, in the same points. */
  interval: RateInterval | Suppressed;
}

/** What the snapshot was narrowed to; every part absent is "all". */
export interface SnapshotFilter {
  crm?: CrmId;
  role?: string;
  cohort?: Cohort;
  guide?: string;
  /** Only with `guide`. */
  version?: number;
}

/** A figure of the overview against the baseline. */
export interface OverviewFigure {
  now: Cell;
  /** Absent without a baseline. */
  baseline?: Cell;
  /** now − baseline; absent without a baseline. */
  change?: Cell;
}

/**
 * Plain words for a difference with its interval: `better` or `worse` when the interval excludes
 * 0, `unclear` when it does not, `unknown` when there are not enough figures.
 */
export type Verdict = 'better' | 'worse' | 'unclear' | 'unknown';

/** The first screen: is adoption improving, and is guidance working? */
export interface Overview {
  /** Per role: people active in an average ISO week of the period (user-weeks / weeks). */
  weeklyActive: ({ role: string } & OverviewFigure)[];
  /**
   * Workflow completion over every workflow whose guided and control rates are both figures,
   * runs pooled: guided − control with Newcombe's interval, and the verdict.
   */
  completion: {
    guided: OverviewFigure;
    control: OverviewFigure;
    difference: (RateInterval & { difference: number }) | null;
    verdict: Verdict;
    /** How many workflows were pooled, and each one's own verdict. */
    workflows: number;
    verdicts: Record<Verdict, number>;
  };
  /** The three fields most often left empty in the period. */
  emptyFields: ({ pageType: string; field: string } & OverviewFigure)[];
  /**
   * The three steps of guide versions where the most guide runs were abandoned; the figure is
   * the share of the version's runs started that were abandoned there.
   */
  abandonedSteps: ({ guide: string; version: number; step: string } & OverviewFigure)[];
  /**
   * Guide versions whose targets went missing in the period (their target-missing rate), flagged
   * ones (a jump, see guideHealth) first, then the worst rate.
   */
  missingTargets: ({ guide: string; version: number; flagged: boolean } & OverviewFigure)[];
}

export interface Snapshot {
  k: number;
  /** What the rows were narrowed to before anything was computed. */
  filter: SnapshotFilter;
  overview: Overview;
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
  surveys: ({
    guide: string;
    version: number;
    distribution: SurveyDistribution;
    baselineDistribution?: SurveyDistribution;
  } & Compared<SurveyMetrics>)[];
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
  /**
   * Each step's target-missing rate by day, flagged steps first; it reads the days before the
   * period too (`healthRowsNeeded`).
   */
  guideHealth: StepHealth[];
  /** Each announcement version: shown, dismissed, followed. */
  announcements: AnnouncementFigures[];
  /** Time on task per workflow, per cohort, with the baseline's. */
  taskTime: TaskTime[];
  /** Per role, the page types opened rarely or never compared with the baseline (empty without one). */
  unusedPages: RoleUnusedPages[];
}

/** What people did with one announcement version (core/snapshot/announcements.ts). */
export interface AnnouncementMetrics {
  /** Browsers that drew the bar for the first time (each once per version). */
  shown: Cell;
  dismissed: Cell;
  /** Its link followed. */
  clicked: Cell;
  /** clicked / shown, at most 1. */
  clickRate: Cell;
}

export interface AnnouncementFigures extends Compared<AnnouncementMetrics> {
  guide: string;
  version: number;
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
  /** Each guide's survey scale (from the guide pack), by guide id. */
  surveyScales?: Readonly<Record<string, '1-5' | '0-10'>>;
  /** Rows outside it are left out before anything is computed. */
  filter?: SnapshotFilter;
}
