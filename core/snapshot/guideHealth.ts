/**
 * Guide health in the field: per guide version and step, the share of its runs whose target was
 * not found, day by day. A step whose rate jumps against the days before (a CRM release renamed
 * what its target names) is flagged, with the strategies that found nothing.
 *
 * A step's runs on a day are its `step.shown` plus its `target.missing`: each is counted once per
 * step of a run, so a run that missed the target and then found it on "Try again" counts twice,
 * which lowers that day's rate a little, never raises it.
 */
import { TARGET_STRATEGIES, type TargetStrategy } from '../targetStrategies';
import { Tallies, Tally, countCell, ratio, sep, value } from './cells';
import { addDays, eachDay } from './days';
import { nothingShown } from './metrics';
import {
  type CounterRow,
  type Period,
  type StepHealth,
  type StepHealthFigures,
  isSuppressed,
} from './types';

/** The days before the days a step is judged on that its rate is compared with. */
export const HEALTH_WINDOW_DAYS = 7;
/** How many times the window's rate the latest day's must be to flag the step. */
export const JUMP_FACTOR = 2;
/**
 * The runs a step needs in the days it is judged on, and in the window before them, to be compared
 * at all: with fewer, one or two misses (a rep on a half-loaded page) double a rate by chance.
 */
export const MIN_RUNS = 20;

/** The days whose counters guide health for `period` reads: the window before its first day too. */
export function healthRowsNeeded(period: Period): Period {
  return { from: addDays(period.from, -HEALTH_WINDOW_DAYS), to: period.to };
}

const RUN_KINDS = new Set<string>(['step.shown', 'target.missing']);

/**
 * The health of each step that ran in the period. A step is judged on its latest days in the
 * period: from its latest day with runs back until they hold MIN_RUNS runs, at most
 * HEALTH_WINDOW_DAYS days (a team that shows a step 20 times a day is judged on one day, a small
 * one on a few), against the HEALTH_WINDOW_DAYS before them. It is flagged when those had
 * MIN_RUNS runs too and the judged days' rate is JUMP_FACTOR times theirs or more (a rate up from
 * zero too). Versions are apart: a new version is never compared with the days of the one before
 * it. Every figure is a cell, suppressed below k; the flag needs the judged days' figures and the
 * window's runs shown (see `jumped`).
 */
export function guideHealth(rows: readonly CounterRow[], period: Period, k: number): StepHealth[] {
  const read = healthRowsNeeded(period);
  const byStep = new Map<string, CounterRow[]>();
  for (const row of rows) {
    if (row.day < read.from || row.day > read.to || !row.guide || !row.step) continue;
    const stepKey = [row.guide, row.version, row.step].join(sep);
    let stepRows = byStep.get(stepKey);
    if (!stepRows) byStep.set(stepKey, (stepRows = []));
    stepRows.push(row);
  }
  const health: StepHealth[] = [];
  for (const stepRows of byStep.values()) {
    const day = stepRows
      .filter((row) => RUN_KINDS.has(row.kind) && row.day >= period.from)
      .reduce<string | undefined>(
        (last, row) => (last && last > row.day ? last : row.day),
        undefined,
      );
    if (day === undefined) continue;
    const from = judgedFrom(stepRows, day, period, k);
    const latest = figures(stepRows, from, day, k);
    const previous = figures(stepRows, addDays(from, -HEALTH_WINDOW_DAYS), addDays(from, -1), k);
    if (nothingShown(latest) && nothingShown(previous)) continue;
    const that = stepRows.filter((row) => row.day >= from && row.day <= day);
    const { guide, version, step } = that[0] ?? (stepRows[0] as CounterRow);
    health.push({
      guide,
      version,
      step,
      from,
      day,
      // Where it went missing most: where the guide doctor can look. The guide's own match names
      // the page anyway, so it tells nothing of the people behind the figures.
      pageType: busiest(
        that.filter((row) => row.kind === 'target.missing'),
        (row) => row.pageType,
      ),
      daily: eachDay({ from: addDays(from, -HEALTH_WINDOW_DAYS), to: day }).map((on) => ({
        day: on,
        ...figures(stepRows, on, on, k),
      })),
      latest,
      previous,
      failedStrategies: failedOn(that, k),
      flagged: jumped(
        latest,
        previous,
        missesIn(stepRows, addDays(from, -HEALTH_WINDOW_DAYS), from),
      ),
    });
  }
  return health.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      value(b.latest.rate) - value(a.latest.rate) ||
      a.guide.localeCompare(b.guide) ||
      b.version - a.version ||
      a.step.localeCompare(b.step),
  );
}

/**
 * The first of the days a step is judged on, `day` the last: back from `day` until they hold
 * MIN_RUNS runs, at most HEALTH_WINDOW_DAYS days and never before the period.
 */
function judgedFrom(
  stepRows: readonly CounterRow[],
  day: string,
  period: Period,
  k: number,
): string {
  const earliest = [addDays(day, 1 - HEALTH_WINDOW_DAYS), period.from].sort()[1] as string;
  let from = day;
  while (from > earliest && value(figures(stepRows, from, day, k).runs) < MIN_RUNS) {
    from = addDays(from, -1);
  }
  return from;
}

/** A step's runs and misses from `from` to `to`, as cells. */
function figures(
  stepRows: readonly CounterRow[],
  from: string,
  to: string,
  k: number,
): StepHealthFigures {
  const runs = new Tally();
  let missed: Tally | undefined;
  for (const row of stepRows) {
    if (row.day < from || row.day > to || !RUN_KINDS.has(row.kind)) continue;
    // One browser sends both kinds on a day: their contributors are not added up.
    runs.add(row, row.kind);
    if (row.kind === 'target.missing') (missed ??= new Tally()).add(row);
  }
  const runsCell = countCell(runs, k);
  // No target.missing at all among runs shown is a rate of zero, which hides nobody.
  const targetMissing = missed ? countCell(missed, k) : isSuppressed(runsCell) ? runsCell : 0;
  return { runs: runsCell, targetMissing, rate: ratio(targetMissing, runsCell) };
}

/** How often each strategy found nothing, in the rows of the judged days: figures only, most first. */
function failedOn(dayRows: readonly CounterRow[], k: number): StepHealth['failedStrategies'] {
  const tallies = new Tallies();
  for (const row of dayRows) if (row.kind === 'target.strategyFailed') tallies.add(row.field, row);
  return TARGET_STRATEGIES.map((strategy) => ({
    strategy,
    count: countCell(tallies.get(strategy), k),
  }))
    .filter((s): s is { strategy: TargetStrategy; count: number } => !isSuppressed(s.count))
    .sort((a, b) => b.count - a.count);
}

/**
 * Whether the judged days' rate is JUMP_FACTOR times the window's, with enough runs in both. The
 * judged days' figures must be shown (k browsers or more behind them), and so must the window's
 * runs; the window's misses need not be. Misses are rare on a healthy step, so they mostly come
 * from fewer than k browsers, and a step could otherwise never be flagged. The flag then tells only
 * that those few misses were under half the judged days' rate, and the count itself stays hidden.
 */
function jumped(now: StepHealthFigures, before: StepHealthFigures, missedBefore: number): boolean {
  const [runs, missing, runsBefore] = [now.runs, now.targetMissing, before.runs];
  if (isSuppressed(runs) || isSuppressed(missing) || isSuppressed(runsBefore)) return false;
  if (runs < MIN_RUNS || runsBefore < MIN_RUNS || missing === 0) return false;
  // Cross-multiplied, so that rounding the rates does not decide.
  return missing * runsBefore >= JUMP_FACTOR * missedBefore * runs;
}

/** The step's target.missing from `from` up to (not including) `until`, counted whatever k. */
function missesIn(stepRows: readonly CounterRow[], from: string, until: string): number {
  return stepRows
    .filter((row) => row.kind === 'target.missing' && row.day >= from && row.day < until)
    .reduce((n, row) => n + row.count, 0);
}

/** The name with the highest count; '' when there are none. */
function busiest(rows: readonly CounterRow[], name: (row: CounterRow) => string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(name(row), (counts.get(name(row)) ?? 0) + row.count);
  let found = '';
  let most = 0;
  for (const [key, count] of counts) if (count > most) [found, most] = [key, count];
  return found;
}
