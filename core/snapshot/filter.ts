/**
 * Narrowing a snapshot to one CRM, role, cohort, guide or guide version: the rows outside are
 * left out before anything is computed, so every section, the overview and the exports agree,
 * and k applies to what is left.
 */
import { Tallies, countCell, sep } from './cells';
import { inPeriod } from './period';
import { type CounterRow, type Period, type SnapshotFilter, isSuppressed } from './types';

/**
 * Whether a row is inside the filter. A guide filter keeps the rows that are not about any guide
 * (activity, page views): who was active is not a property of a guide, and the sections built
 * from them say so.
 */
export function inFilter(row: CounterRow, filter: SnapshotFilter): boolean {
  if (filter.crm !== undefined && row.crm !== filter.crm) return false;
  if (filter.role !== undefined && row.role !== filter.role) return false;
  if (filter.cohort !== undefined && row.cohort !== filter.cohort) return false;
  if (filter.guide === undefined || row.guide === '') return true;
  return (
    row.guide === filter.guide && (filter.version === undefined || row.version === filter.version)
  );
}

export function filterRows(
  rows: readonly CounterRow[],
  filter: SnapshotFilter,
): readonly CounterRow[] {
  const narrowed = Object.values(filter).some((v) => v !== undefined);
  return narrowed ? rows.filter((row) => inFilter(row, filter)) : rows;
}

/**
 * The roles a filter may offer: those with at least k people active on some day of the periods,
 * read from all rows (before any filter), so that a role too rare to show is not even named.
 */
export function rolesShown(
  rows: readonly CounterRow[],
  periods: readonly Period[],
  k: number,
): string[] {
  const days = new Tallies();
  for (const row of rows) {
    if (row.kind !== 'first.activeDay' || !periods.some((p) => inPeriod(row.day, p))) continue;
    days.add(`${row.role}${sep}${row.day}`, row);
  }
  const roles = new Set<string>();
  for (const [key, tally] of days.entries()) {
    if (!isSuppressed(countCell(tally, k))) roles.add(key.slice(0, key.indexOf(sep)));
  }
  return [...roles].sort();
}
