/**
 * The metrics of each section by name, the all-suppressed value of each, and comparing a
 * period's figures with the baseline's.
 */
import { deltas } from './cells';
import {
  type CohortWorkflowMetrics,
  type Compared,
  type FieldMetrics,
  type GuideMetrics,
  type RoleTrainingMetrics,
  SUPPRESSED,
  type StepMetrics,
  type TrainingMetrics,
  type UserMetrics,
  type WorkflowComparison,
} from './types';

export function compare<M extends object>(
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
export function nothingShown(item: object): boolean {
  return Object.values(item).every((v) =>
    typeof v === 'number' ? false : typeof v === 'object' && v !== null ? nothingShown(v) : true,
  );
}

export function allSuppressed<M extends object>(names: readonly (keyof M)[]): M {
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
  'snoozed',
  'abandoned',
  'targetMissing',
  'completionRate',
  'dismissRate',
  'snoozeRate',
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

export const EMPTY_ROLE = allSuppressed<UserMetrics>(USER_METRICS);
export const EMPTY_GUIDE = allSuppressed<GuideMetrics>(GUIDE_METRICS);
export const EMPTY_STEP = allSuppressed<StepMetrics>(STEP_METRICS);
export const EMPTY_FIELD = allSuppressed<FieldMetrics>(FIELD_METRICS);
export const EMPTY_TRAINING = allSuppressed<TrainingMetrics>(TRAINING_METRICS);
export const EMPTY_ROLE_TRAINING = allSuppressed<RoleTrainingMetrics>(ROLE_TRAINING_METRICS);
export const EMPTY_COHORT_WORKFLOW: CohortWorkflowMetrics = {
  started: SUPPRESSED,
  completed: SUPPRESSED,
  abandoned: SUPPRESSED,
  completionRate: SUPPRESSED,
  completionInterval: SUPPRESSED,
  abandonPoint: null,
  emptyFields: [],
};
export const EMPTY_WORKFLOW: WorkflowComparison = {
  guided: EMPTY_COHORT_WORKFLOW,
  control: EMPTY_COHORT_WORKFLOW,
  observe: EMPTY_COHORT_WORKFLOW,
  difference: null,
};

export function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}
