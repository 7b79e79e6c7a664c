/**
 * How snapshot figures read on screen, in the reader's language and number conventions. A
 * suppressed cell always reads "fewer than k", never a number, in every view and every table.
 */
import type { Messages } from '../../core/i18n';
import { isSuppressed, type Cell } from '../../core/snapshot';
import { FORMAT_TAG, TEXT } from '../pageText';

/** How a figure is shown: a count, a share of 1 (as a percentage) or a mean score. */
/**
 * A rate (kept to 4 decimals) in percent, exactly: 0.5145 × 100 is 51.449999… in floating point,
 * which would show as 51.4 % where the rate says 51.45, that is 51.5 %.
 */
const percentOf = (rate: number) => Math.round(rate * 10_000) / 100;

export type FigureKind = 'count' | 'rate' | 'score';

export interface FigureFormat {
  /** With k = 1 nothing is hidden: a cell without a figure means nothing was recorded. */
  suppressed(k: number): string;
  cell(cell: Cell | undefined, kind: FigureKind, k: number): string;
  /** A change with its sign; rates change by percentage points, not by percent. */
  delta(cell: Cell | undefined, kind: FigureKind, k: number): string;
  /** A day (YYYY-MM-DD) as people read it, the same day in every time zone. */
  day(iso: string): string;
  /** A period as people read it, e.g. "1 Mar 2026 – 30 Mar 2026 (30 days)". */
  period(period: { from: string; to: string; days: number }): string;
}

/** The figure formats for one language (`text`) and its number conventions (`tag`). */
export function figureFormat(text: Messages['snapshot'], tag: string): FigureFormat {
  const counts = new Intl.NumberFormat(tag);
  const percents = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const scores = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const days = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (iso: string) => days.format(new Date(`${iso}T00:00:00Z`));
  const suppressed = (k: number) => (k > 1 ? text.fewerThan(k) : text.none);
  return {
    suppressed,
    cell(cell, kind, k) {
      if (cell === undefined) return '';
      if (isSuppressed(cell)) return suppressed(k);
      if (kind === 'rate') return text.percent(percents.format(percentOf(cell)));
      if (kind === 'score') return scores.format(cell);
      return counts.format(cell);
    },
    delta(cell, kind, k) {
      if (cell === undefined) return '';
      if (isSuppressed(cell)) return suppressed(k);
      const sign = cell > 0 ? '+' : cell < 0 ? '\u2212' : '\u00b1';
      const size = Math.abs(cell);
      if (kind === 'rate') return text.points(`${sign}${percents.format(percentOf(size))}`);
      if (kind === 'score') return `${sign}${scores.format(size)}`;
      return `${sign}${counts.format(size)}`;
    },
    day,
    period({ from, to, days: length }) {
      return text.range(day(from), day(to), length);
    },
  };
}

/** This page's formats: the browser's language. */
const PAGE_FORMAT = figureFormat(TEXT.snapshot, FORMAT_TAG);

export const suppressedText = PAGE_FORMAT.suppressed;
export const formatCell = PAGE_FORMAT.cell;
export const formatDelta = PAGE_FORMAT.delta;
export const formatPeriod = PAGE_FORMAT.period;
export const formatDay = PAGE_FORMAT.day;

/** A chart point: suppressed cells are gaps, never zeros. */
export function chartValue(cell: Cell | undefined, kind: FigureKind = 'count'): number | null {
  if (cell === undefined || isSuppressed(cell)) return null;
  return kind === 'rate' ? Math.round(cell * 1000) / 10 : cell;
}
