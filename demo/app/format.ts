/** Formatting helpers and the demo's fixed "today" (keeps screenshots and tests stable). */

export const DEMO_TODAY = new Date(Date.UTC(2026, 10, 16, 15, 0));

const currency = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const shortDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

export function money(amount: number): string {
  return currency.format(amount);
}

export function compactMoney(amount: number): string {
  if (amount >= 1_000_000) return `$${(amount / 1_000_000).toFixed(1)}M`;
  if (amount >= 1_000) return `$${Math.round(amount / 1_000)}K`;
  return money(amount);
}

/** `2026-11-16` → `Nov 16, 2026`. */
export function date(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return shortDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function daysBefore(days: number): Date {
  return new Date(DEMO_TODAY.getTime() - days * 86_400_000);
}

export function dateOf(d: Date): string {
  return shortDate.format(d);
}

/** [start, end) ISO dates of the calendar quarter containing DEMO_TODAY. */
export function currentQuarter(): [string, string] {
  const year = DEMO_TODAY.getUTCFullYear();
  const q = Math.floor(DEMO_TODAY.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, q * 3, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, q * 3 + 3, 1)).toISOString().slice(0, 10);
  return [start, end];
}
