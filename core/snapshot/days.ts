/**
 * Periods of UTC days: their length, their days, and the rows a snapshot of them needs.
 */
import { DAY_MS, utcDay } from '../days';
import { type Period } from './types';

export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return utcDay(dayMs(day) + days * DAY_MS);
}

/** A year, leap day included: longer periods are slow to read and rarely what anyone wants. */
export const MAX_PERIOD_DAYS = 366;

/** Days in the period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((dayMs(period.to) - dayMs(period.from)) / DAY_MS) + 1;
}

export function eachDay(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Monday of the ISO week of `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(dayMs(day)).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/**
 * The days whose counters a snapshot of `period` reads: the period itself, widened to whole ISO
 * weeks for `first.activeWeek` (see `userWeeks`).
 */
export function rowsNeeded(period: Period): Period {
  return { from: weekStart(period.from), to: addDays(weekStart(period.to), 6) };
}
