/**
 * Time on task: per workflow (guide id, all versions) and cohort, how many completed runs fell in
 * each of the browsers' coarse buckets (`task.timed`, core/taskTime.ts), and the median bucket.
 */
import { TASK_TIME_BUCKETS, type TaskTimeBucket, isTaskTimeBucket } from '../taskTime';
import { COHORTS, type Cohort } from '../usage';
import { Tallies, countCell, protectParts, sep } from './cells';
import { nothingShown, union } from './metrics';
import { inPeriod } from './period';
import {
  type Cell,
  type CounterRow,
  type Period,
  SUPPRESSED,
  type Suppressed,
  type TaskTime,
  type TaskTimeComparison,
  type TaskTimeFigures,
  isSuppressed,
} from './types';
import { isCohort } from './workflows';

/**
 * The bucket of the median run: the shortest bucket whose runs, added to those of the shorter
 * ones, reach half of all runs or more (of 10 runs, 5 in the first bucket put the median there).
 * Suppressed when any bucket is: the others would tell where the hidden runs lie.
 */
export function medianBucket(
  buckets: readonly { bucket: TaskTimeBucket; runs: Cell }[],
): TaskTimeBucket | Suppressed {
  if (buckets.some((b) => isSuppressed(b.runs))) return SUPPRESSED;
  const total = buckets.reduce((n, b) => n + (b.runs as number), 0);
  if (total === 0) return SUPPRESSED;
  let seen = 0;
  for (const b of buckets) {
    seen += b.runs as number;
    if (seen >= total / 2) return b.bucket;
  }
  return SUPPRESSED;
}

/**
 * One cohort's figures from its tallies. A bucket with rows from fewer than k browsers is
 * suppressed; a bucket with no rows at all is 0, which reveals no one, but only beside a total
 * that is a figure (with the total hidden, an empty bucket would still say the few were
 * elsewhere). One bucket suppressed alone hides a second one with it (`protectParts`).
 */
function cohortFigures(tallies: Tallies, prefix: string, k: number): TaskTimeFigures {
  const total = countCell(tallies.get(prefix), k);
  const cells = TASK_TIME_BUCKETS.map((bucket) => {
    const tally = tallies.get(`${prefix}${sep}${bucket}`);
    if (!tally) return isSuppressed(total) ? SUPPRESSED : 0;
    return countCell(tally, k);
  });
  const { parts, total: runs } = protectParts(cells, total, k);
  const buckets = TASK_TIME_BUCKETS.map((bucket, i) => ({
    bucket,
    runs: parts[i] ?? SUPPRESSED,
  }));
  return { buckets, runs, median: isSuppressed(runs) ? SUPPRESSED : medianBucket(buckets) };
}

const EMPTY_FIGURES: TaskTimeFigures = {
  buckets: TASK_TIME_BUCKETS.map((bucket) => ({ bucket, runs: SUPPRESSED })),
  runs: SUPPRESSED,
  median: SUPPRESSED,
};

const EMPTY_COMPARISON = Object.fromEntries(
  COHORTS.map((cohort) => [cohort, EMPTY_FIGURES]),
) as TaskTimeComparison;

/** Every guide id with timed runs in the period, each cohort's figures. */
export function taskTimeFigures(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
): Map<string, TaskTimeComparison> {
  const tallies = new Tallies();
  const guides = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'task.timed' || !row.guide || !inPeriod(row.day, period)) continue;
    // Rows of browsers that predate cohorts, or with another text as the bucket, are not runs
    // any cohort can be told from.
    if (!isCohort(row.cohort) || !isTaskTimeBucket(row.field)) continue;
    guides.add(row.guide);
    const prefix = `${row.cohort}${sep}${row.guide}`;
    tallies.add(prefix, row);
    tallies.add(`${prefix}${sep}${row.field}`, row);
  }
  const figures = new Map<string, TaskTimeComparison>();
  for (const guide of guides) {
    const of = (cohort: Cohort) => cohortFigures(tallies, `${cohort}${sep}${guide}`, k);
    figures.set(guide, { guided: of('guided'), control: of('control'), observe: of('observe') });
  }
  return figures;
}

/** Each guide id with a figure in the period or the baseline, by id. */
export function taskTimeSection(
  rows: readonly CounterRow[],
  period: Period,
  baseline: Period | null,
  k: number,
): TaskTime[] {
  const now = taskTimeFigures(rows, period, k);
  const before = baseline ? taskTimeFigures(rows, baseline, k) : null;
  const section: TaskTime[] = [];
  for (const guide of union(now.keys(), before?.keys() ?? []).sort()) {
    const item: TaskTime = { guide, ...(now.get(guide) ?? EMPTY_COMPARISON) };
    if (before) item.baseline = before.get(guide) ?? EMPTY_COMPARISON;
    if (nothingShown(item)) continue;
    section.push(item);
  }
  return section;
}
