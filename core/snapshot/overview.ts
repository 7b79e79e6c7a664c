/**
 * The overview: the first screen's answer to "is adoption improving, and is guidance working?",
 * taken from the snapshot's own sections, so it shows no figure the sections would hide.
 */
import { differenceInterval } from '../stats';
import { Tallies, countCell, delta, ratio, round, sep, value } from './cells';
import { inPeriod } from './period';
import { periodDays, rowsNeeded } from './days';
import {
  type Cell,
  type CohortWorkflowMetrics,
  type CounterRow,
  type GuideWorkflow,
  type Overview,
  type OverviewFigure,
  type Period,
  type RateInterval,
  SUPPRESSED,
  type Snapshot,
  type Verdict,
  isSuppressed,
} from './types';

/** How many of each list the overview names. */
export const OVERVIEW_TOP = 3;

/** Plain words for a difference: its interval either excludes 0 or it does not. */
export function verdictOf(d: (RateInterval & { difference: number }) | null | undefined): Verdict {
  if (!d) return 'unknown';
  if (d.lower > 0) return 'better';
  if (d.upper < 0) return 'worse';
  return 'unclear';
}

function figure(now: Cell, baseline: Cell | undefined, withBaseline: boolean): OverviewFigure {
  if (!withBaseline) return { now };
  const before = baseline ?? SUPPRESSED;
  return { now, baseline: before, change: delta(now, before) };
}

/** ISO weeks a period's `first.activeWeek` rows span (the period widened to whole weeks). */
function weeksOf(period: Period): number {
  return periodDays(rowsNeeded(period)) / 7;
}

/** Runs of several workflows added up: completions (at most the starts) of starts. */
interface Pool {
  completed: number;
  started: number;
}

function pooled(metrics: readonly CohortWorkflowMetrics[]): Pool | null {
  if (metrics.length === 0) return null;
  const pool = { completed: 0, started: 0 };
  for (const m of metrics) {
    const started = m.started as number;
    pool.started += started;
    pool.completed += Math.min(m.completed as number, started);
  }
  return pool.started > 0 ? pool : null;
}

const rateOf = (pool: Pool | null): Cell =>
  pool ? round(pool.completed / pool.started, 4) : SUPPRESSED;

const hasRate = (m: CohortWorkflowMetrics | undefined): m is CohortWorkflowMetrics =>
  m !== undefined && !isSuppressed(m.completionRate);

/**
 * Guided vs control over the workflows where both rates are figures, their runs pooled. The
 * baseline is the same workflows' observe-only runs (nothing shown) in the baseline period, as
 * in each workflow's own comparison, and the control cohort's there.
 */
function completionOf(
  workflows: readonly GuideWorkflow[],
  withBaseline: boolean,
): Overview['completion'] {
  const compared = workflows.filter((w) => hasRate(w.guided) && hasRate(w.control));
  const guided = pooled(compared.map((w) => w.guided));
  const control = pooled(compared.map((w) => w.control));
  const before = (pick: (w: GuideWorkflow) => CohortWorkflowMetrics | undefined) =>
    rateOf(pooled(compared.map(pick).filter(hasRate)));
  let difference: Overview['completion']['difference'] = null;
  if (guided && control) {
    const d = differenceInterval(
      guided.completed,
      guided.started,
      control.completed,
      control.started,
    );
    difference = {
      difference: round(d.difference, 4),
      lower: round(d.lower, 4),
      upper: round(d.upper, 4),
    };
  }
  const verdicts: Record<Verdict, number> = { better: 0, worse: 0, unclear: 0, unknown: 0 };
  for (const w of workflows) verdicts[verdictOf(w.difference)] += 1;
  return {
    guided: figure(
      rateOf(guided),
      before((w) => w.baseline?.observe),
      withBaseline,
    ),
    control: figure(
      rateOf(control),
      before((w) => w.baseline?.control),
      withBaseline,
    ),
    difference,
    verdict: verdictOf(difference),
    workflows: compared.length,
    verdicts,
  };
}

/** Guide runs abandoned at each step of a guide version, and their share of its runs started. */
function abandonedSteps(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
): Map<
  string,
  { id: { guide: string; version: number; step: string }; abandoned: Cell; share: Cell }
> {
  const tallies = new Tallies();
  const ids = new Map<string, { guide: string; version: number; step: string }>();
  for (const row of rows) {
    if (!inPeriod(row.day, period) || !row.guide) continue;
    const version = `${row.guide}${sep}${row.version}`;
    if (row.kind === 'guide.started') tallies.add(version, row);
    if (row.kind !== 'guide.abandoned' || !row.step) continue;
    const key = `${version}${sep}${row.step}`;
    ids.set(key, { guide: row.guide, version: row.version, step: row.step });
    tallies.add(key, row);
  }
  const steps = new Map<
    string,
    { id: { guide: string; version: number; step: string }; abandoned: Cell; share: Cell }
  >();
  for (const [key, id] of ids) {
    const abandoned = countCell(tallies.get(key), k);
    const started = countCell(tallies.get(`${id.guide}${sep}${id.version}`), k);
    steps.set(key, { id, abandoned, share: ratio(abandoned, started) });
  }
  return steps;
}

/**
 * The overview of a snapshot built from `rows` (already filtered): its tiles come from the
 * snapshot's sections, except the steps abandoned, which the sections count per guide only.
 */
export function overviewOf(
  snapshot: Omit<Snapshot, 'overview'>,
  rows: readonly CounterRow[],
): Overview {
  const withBaseline = snapshot.baseline !== null;
  const { k } = snapshot;
  const perWeek = (userWeeks: Cell | undefined, period: Period | null) =>
    userWeeks === undefined || period === null ? SUPPRESSED : ratio(userWeeks, weeksOf(period), 1);

  const weeklyActive = snapshot.activeUsers.byRole.map((r) => ({
    role: r.role,
    ...figure(
      perWeek(r.userWeeks, snapshot.period),
      perWeek(r.baseline?.userWeeks, snapshot.baseline),
      withBaseline,
    ),
  }));

  // Suppressed cells rank as nothing, so the order reveals nothing they hide.
  const emptyFields = snapshot.fields
    .flatMap((page) =>
      page.fields
        .filter((f) => !isSuppressed(f.empty) && f.empty > 0)
        .map((f) => ({
          pageType: page.pageType,
          field: f.field,
          ...figure(f.empty, f.baseline?.empty, withBaseline),
        })),
    )
    .sort((a, b) => value(b.now) - value(a.now) || a.field.localeCompare(b.field))
    .slice(0, OVERVIEW_TOP);

  const abandoned = abandonedSteps(rows, snapshot.period, k);
  const abandonedBefore = snapshot.baseline ? abandonedSteps(rows, snapshot.baseline, k) : null;
  const abandonedTop = [...abandoned]
    .filter(([, step]) => !isSuppressed(step.abandoned) && step.abandoned > 0)
    .sort(([a, x], [b, y]) => value(y.abandoned) - value(x.abandoned) || a.localeCompare(b))
    .slice(0, OVERVIEW_TOP)
    .map(([key, step]) => ({
      ...step.id,
      ...figure(step.share, abandonedBefore?.get(key)?.share, withBaseline),
    }));

  const flagged = new Set(
    snapshot.guideHealth.filter((s) => s.flagged).map((s) => `${s.guide}@${s.version}`),
  );
  const missingTargets = snapshot.guides
    .filter((g) => !isSuppressed(g.targetMissing) && g.targetMissing > 0)
    .map((g) => ({
      guide: g.guide,
      version: g.version,
      flagged: flagged.has(`${g.guide}@${g.version}`),
      ...figure(g.targetMissingRate, g.baseline?.targetMissingRate, withBaseline),
    }))
    .sort(
      (a, b) =>
        Number(b.flagged) - Number(a.flagged) ||
        value(b.now) - value(a.now) ||
        a.guide.localeCompare(b.guide),
    );

  return {
    weeklyActive,
    completion: completionOf(snapshot.workflows, withBaseline),
    emptyFields,
    abandonedSteps: abandonedTop,
    missingTargets,
  };
}
