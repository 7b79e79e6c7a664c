/**
 * Cells: figures summed from counter rows, suppressed below k, and ratios, means and
 * changes of them (a figure built from a suppressed one is suppressed too).
 */
import { isoWeek } from '../days';
import { dayMs } from './days';
import { type Cell, type CounterRow, SUPPRESSED, isSuppressed } from './types';

/** Sums of one cell, with contributors kept per period in which they are distinct. */
export class Tally {
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

  /** Lower bound of the distinct browsers behind this cell (see types.ts). */
  distinctContributors(): number {
    let most = 0;
    for (const n of this.contributors.values()) most = Math.max(most, n);
    return most;
  }
}

/** The span over which one browser contributes to a kind at most once. */
export function distinctWithin(row: CounterRow): string {
  if (row.kind === 'first.activeWeek') return isoWeek(dayMs(row.day));
  if (row.kind === 'first.guideCompleted') return 'ever';
  return row.day;
}

export function countCell(tally: Tally | undefined, k: number): Cell {
  // Zero contributors is never a figure, even with k = 1 (those cells do not exist).
  if (!tally || tally.distinctContributors() < Math.max(k, 1)) return SUPPRESSED;
  return tally.count;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function ratio(numerator: Cell, denominator: Cell, digits = 4): Cell {
  if (isSuppressed(numerator) || isSuppressed(denominator) || denominator === 0) return SUPPRESSED;
  return round(numerator / denominator, digits);
}

export function meanScore(tally: Tally | undefined, k: number): Cell {
  const answers = countCell(tally, k);
  if (isSuppressed(answers) || !tally || answers === 0) return SUPPRESSED;
  return round(tally.scoreSum / answers, 2);
}

export function delta(current: Cell, baseline: Cell): Cell {
  if (isSuppressed(current) || isSuppressed(baseline)) return SUPPRESSED;
  return round(current - baseline, 4);
}

export function deltas<M extends object>(current: M, baseline: M): M {
  const out: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(current) as [string, Cell][]) {
    out[name] = delta(value, (baseline as Record<string, Cell>)[name] ?? SUPPRESSED);
  }
  return out as M;
}

/**
 * Cells that split a total (a distribution's parts): with the total a figure, the parts hidden
 * add up to the total minus the parts shown. One part hidden alone would be read exactly, and
 * several whose sum is under k would show that few answers between them. So, while either is
 * the case, the smallest part shown above 0 is hidden too; with no such part left, the total is
 * hidden instead. A part of 0 is never picked: it hides nothing. (A sum of k answers or more can
 * still come from fewer browsers: answers, not browsers, are what the sum counts.)
 */
export function protectParts(
  parts: readonly Cell[],
  total: Cell,
  k: number,
): { parts: Cell[]; total: Cell } {
  const out = [...parts];
  if (isSuppressed(total)) return { parts: out, total };
  const exposed = () => {
    const hidden = out.filter(isSuppressed).length;
    const hiddenSum = total - out.reduce<number>((sum, cell) => sum + value(cell), 0);
    return hidden === 1 || (hidden > 1 && hiddenSum > 0 && hiddenSum < k);
  };
  while (exposed()) {
    let smallest = -1;
    out.forEach((cell, i) => {
      if (isSuppressed(cell) || cell === 0) return;
      if (smallest < 0 || cell < (out[smallest] as number)) smallest = i;
    });
    if (smallest < 0) return { parts: out, total: SUPPRESSED };
    out[smallest] = SUPPRESSED;
  }
  return { parts: out, total };
}

/** Tallies grouped by a string key. */
export class Tallies {
  private readonly map = new Map<string, Tally>();

  add(key: string, row: CounterRow, source = ''): void {
    let tally = this.map.get(key);
    if (!tally) this.map.set(key, (tally = new Tally()));
    tally.add(row, source);
  }

  get(key: string): Tally | undefined {
    return this.map.get(key);
  }

  entries(): IterableIterator<[string, Tally]> {
    return this.map.entries();
  }
}

export const sep = '\u0000';

export const value = (cell: Cell) => (isSuppressed(cell) ? 0 : cell);
