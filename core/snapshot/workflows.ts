/**
 * Workflows, guided vs control: completion per cohort with its interval, where runs were
 * abandoned, and the difference guided − control.
 */
import { type SignalKind } from '../signals';
import { differenceInterval, wilsonInterval } from '../stats';
import { COHORTS, type Cohort } from '../usage';
import { EMPTY_WORKFLOW, nothingShown, union } from './metrics';
import { Tallies, countCell, round, sep } from './cells';
import { inPeriod } from './period';
import {
  type AbandonPoint,
  type Cell,
  type CohortWorkflowMetrics,
  type CounterRow,
  type EmptyField,
  type GuideWorkflow,
  type Period,
  type RateInterval,
  SUPPRESSED,
  type Suppressed,
  type WorkflowComparison,
  isSuppressed,
} from './types';

export type RunOutcome = 'started' | 'completed' | 'abandoned';

/** The run outcome a kind stands for, and whether it is a guide's own run or a passive one. */
export const RUN_KINDS: Partial<Record<SignalKind, { outcome: RunOutcome; passive: boolean }>> = {
  'guide.started': { outcome: 'started', passive: false },
  'guide.completed': { outcome: 'completed', passive: false },
  'guide.abandoned': { outcome: 'abandoned', passive: false },
  'workflow.started': { outcome: 'started', passive: true },
  'workflow.completed': { outcome: 'completed', passive: true },
  'workflow.abandoned': { outcome: 'abandoned', passive: true },
};

export function isCohort(cohort: string): cohort is Cohort {
  return (COHORTS as readonly string[]).includes(cohort);
}

/** The figures of every guide with runs in the period, by guide id. */
export function workflowFigures(
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
export function completionOf(
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
export function rateDifference(
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

export function workflowSection(
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
