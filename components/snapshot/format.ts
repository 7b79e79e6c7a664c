/**
 * How snapshot figures read on screen. A suppressed cell always reads "fewer than k", never a
 * number, in every view and every table.
 */
import { isSuppressed, type Cell } from '../../core/snapshot';

/** How a figure is shown: a count, a share of 1 (as a percentage) or a mean score. */
export type FigureKind = 'count' | 'rate' | 'score';

const counts = new Intl.NumberFormat('en');
const percents = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const scores = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** With k = 1 nothing is hidden: a cell without a figure means nothing was recorded. */
export function suppressedText(k: number): string {
  return k > 1 ? `fewer than ${k}` : 'none';
}

export function formatCell(cell: Cell | undefined, kind: FigureKind, k: number): string {
  if (cell === undefined) return '';
  if (isSuppressed(cell)) return suppressedText(k);
  if (kind === 'rate') return `${percents.format(cell * 100)}%`;
  if (kind === 'score') return scores.format(cell);
  return counts.format(cell);
}

/** A change with its sign; rates change by percentage points, not by percent. */
export function formatDelta(cell: Cell | undefined, kind: FigureKind, k: number): string {
  if (cell === undefined) return '';
  if (isSuppressed(cell)) return suppressedText(k);
  const sign = cell > 0 ? '+' : cell < 0 ? '\u2212' : '\u00b1';
  const size = Math.abs(cell);
  if (kind === 'rate') return `${sign}${percents.format(size * 100)} pts`;
  if (kind === 'score') return `${sign}${scores.format(size)}`;
  return `${sign}${counts.format(size)}`;
}

/** A chart point: suppressed cells are gaps, never zeros. */
export function chartValue(cell: Cell | undefined, kind: FigureKind = 'count'): number | null {
  if (cell === undefined || isSuppressed(cell)) return null;
  return kind === 'rate' ? Math.round(cell * 1000) / 10 : cell;
}

/** A long YYYY-MM-DD period as people read it: "1 Mar 2026 – 30 Mar 2026". */
export function formatPeriod(period: { from: string; to: string; days: number }): string {
  const day = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return `${day(period.from)} – ${day(period.to)} (${period.days} day${period.days === 1 ? '' : 's'})`;
}
