/**
 * Unused pages: per role, the page types opened rarely or never in the period that the role
 * opened in the baseline, from `page.viewed` counters and the role's user-weeks (period.ts).
 */
import { Tallies, countCell, ratio, sep, value } from './cells';
import { compare } from './metrics';
import { inPeriod } from './period';
import {
  type CounterRow,
  type PageUseMetrics,
  type Period,
  type RoleUnusedPages,
  SUPPRESSED,
  type UnusedPage,
  type UserMetrics,
  isSuppressed,
} from './types';

const EMPTY_USE: PageUseMetrics = { views: SUPPRESSED, viewsPerUserWeek: SUPPRESSED };

/** Page types no adapter could name say nothing about which page went unused. */
function isNamedPage(pageType: string): boolean {
  return pageType !== '' && pageType !== 'other';
}

/** Per role, each page type's views in the period and per user-week. */
function pageUse(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
  users: ReadonlyMap<string, UserMetrics>,
): Map<string, Map<string, PageUseMetrics>> {
  const tallies = new Tallies();
  const pages = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind !== 'page.viewed' || !isNamedPage(row.pageType) || !inPeriod(row.day, period)) {
      continue;
    }
    let set = pages.get(row.role);
    if (!set) pages.set(row.role, (set = new Set()));
    set.add(row.pageType);
    tallies.add(`${row.role}${sep}${row.pageType}`, row);
  }
  const use = new Map<string, Map<string, PageUseMetrics>>();
  for (const [role, pageTypes] of pages) {
    const userWeeks = users.get(role)?.userWeeks ?? SUPPRESSED;
    const figures = new Map<string, PageUseMetrics>();
    for (const pageType of pageTypes) {
      const views = countCell(tallies.get(`${role}${sep}${pageType}`), k);
      figures.set(pageType, { views, viewsPerUserWeek: ratio(views, userWeeks) });
    }
    use.set(role, figures);
  }
  return use;
}

/**
 * How the period compares with the baseline for one page type: `unopened` when its views are
 * suppressed now (fewer than k browsers, or none) but a figure in the baseline; `fell` when both
 * are figures and its views per user-week are at most half the baseline's; otherwise null (about
 * as often as before or more, or not comparable because a rate is suppressed).
 */
export function pageStatus(
  now: PageUseMetrics,
  before: PageUseMetrics,
): UnusedPage['status'] | null {
  if (isSuppressed(before.views)) return null;
  if (isSuppressed(now.views)) return 'unopened';
  if (isSuppressed(now.viewsPerUserWeek) || isSuppressed(before.viewsPerUserWeek)) return null;
  return now.viewsPerUserWeek <= before.viewsPerUserWeek / 2 ? 'fell' : null;
}

/** How far a page fell: 1 − now / before of its views per user-week (1 for unopened ones). */
function fall(page: UnusedPage): number {
  if (page.status === 'unopened' || !page.baseline) return 1;
  const before = value(page.baseline.viewsPerUserWeek);
  return before > 0 ? 1 - value(page.viewsPerUserWeek) / before : 0;
}

/**
 * Per role with an unused page, by role: its unused pages (unopened first, then by how far they
 * fell, then by page type) and how many of its other baseline page types held up. Only page
 * types whose baseline views are a figure are judged, so none is named on fewer than k browsers.
 * Empty without a baseline: unused is relative to it.
 */
export function unusedPageSection(
  rows: readonly CounterRow[],
  period: Period,
  baseline: Period | null,
  k: number,
  users: { now: ReadonlyMap<string, UserMetrics>; before: ReadonlyMap<string, UserMetrics> },
): RoleUnusedPages[] {
  if (!baseline) return [];
  const now = pageUse(rows, period, k, users.now);
  const before = pageUse(rows, baseline, k, users.before);
  const section: RoleUnusedPages[] = [];
  for (const [role, beforePages] of [...before].sort(([a], [b]) => a.localeCompare(b))) {
    const nowPages = now.get(role) ?? new Map<string, PageUseMetrics>();
    const pages: UnusedPage[] = [];
    let steady = 0;
    for (const [pageType, previous] of beforePages) {
      if (isSuppressed(previous.views)) continue;
      const current = nowPages.get(pageType) ?? EMPTY_USE;
      const status = pageStatus(current, previous);
      if (status === null) steady++;
      else pages.push({ pageType, status, ...compare(current, previous, EMPTY_USE, true) });
    }
    if (pages.length === 0) continue;
    pages.sort(
      (a, b) =>
        Number(b.status === 'unopened') - Number(a.status === 'unopened') ||
        fall(b) - fall(a) ||
        a.pageType.localeCompare(b.pageType),
    );
    section.push({ role, pages, steady });
  }
  return section;
}
