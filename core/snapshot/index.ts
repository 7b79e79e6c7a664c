/**
 * Snapshots: what admins see, computed from the endpoint's daily counters, pure (no I/O), by what
 * each part computes: the shapes (types.ts), days and periods (days.ts), cells and k (cells.ts),
 * one period's figures (period.ts), steps' target-missing rates by day (guideHealth.ts), guided vs control (workflows.ts),
 * time on task (taskTime.ts), unused page types (unusedPages.ts), survey scores (surveys.ts), each section's metrics and
 * the comparison with a baseline (metrics.ts), and the snapshot itself (build.ts).
 */
export {
  type CounterRow,
  type Period,
  type Suppressed,
  type Cell,
  SUPPRESSED,
  isSuppressed,
  type Compared,
  type UserMetrics,
  type DailyUsers,
  type StepMetrics,
  type GuideMetrics,
  type GuideFunnel,
  type SurveyMetrics,
  type FieldMetrics,
  type FieldPage,
  type TrainingMetrics,
  type RoleTrainingMetrics,
  type RoleTraining,
  type RateInterval,
  type AbandonPoint,
  type EmptyField,
  type CohortWorkflowMetrics,
  type WorkflowComparison,
  type GuideWorkflow,
  type Snapshot,
  type SnapshotOptions,
  type StepHealthFigures,
  type StepHealth,
  type AnnouncementMetrics,
  type AnnouncementFigures,
  type SnapshotFilter,
  type Overview,
  type OverviewFigure,
  type Verdict,
  type TaskTimeFigures,
  type TaskTimeComparison,
  type TaskTime,
  type PageUseMetrics,
  type UnusedPage,
  type RoleUnusedPages,
  type SurveyDistribution,
  type NetPromoterScore,
} from './types';
export { filterRows, inFilter, rolesShown } from './filter';
export { overviewOf, verdictOf, OVERVIEW_TOP } from './overview';
export { ANNOUNCEMENT_METRICS } from './announcements';
export { medianBucket, taskTimeSection } from './taskTime';
export { pageStatus, unusedPageSection } from './unusedPages';
export { netPromoterScore, scoreOf, SurveyAnswers } from './surveys';
export { addDays, MAX_PERIOD_DAYS, periodDays, rowsNeeded } from './days';
export {
  USER_METRICS,
  GUIDE_METRICS,
  STEP_METRICS,
  TRAINING_METRICS,
  ROLE_TRAINING_METRICS,
  FIELD_METRICS,
} from './metrics';
export { buildSnapshot, guidanceStartOf } from './build';
export {
  guideHealth,
  healthRowsNeeded,
  HEALTH_WINDOW_DAYS,
  JUMP_FACTOR,
  MIN_RUNS,
} from './guideHealth';
