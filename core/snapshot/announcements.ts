/**
 * The announcements section: how often each announcement version was shown for the first time,
 * dismissed and followed, with the share of showings followed. Each figure is k-suppressed.
 */
import { Tallies, countCell, ratio, sep } from './cells';
import { allSuppressed, compare, nothingShown, union } from './metrics';
import { inPeriod } from './period';
import {
  SUPPRESSED,
  isSuppressed,
  type AnnouncementFigures,
  type AnnouncementMetrics,
  type CounterRow,
  type Period,
} from './types';

export const ANNOUNCEMENT_METRICS = [
  'shown',
  'dismissed',
  'clicked',
  'clickRate',
] as const satisfies readonly (keyof AnnouncementMetrics)[];

const EMPTY_ANNOUNCEMENT = allSuppressed<AnnouncementMetrics>(ANNOUNCEMENT_METRICS);

const OUTCOMES = {
  'announcement.shown': 'shown',
  'announcement.dismissed': 'dismissed',
  'announcement.clicked': 'clicked',
} as const;

function isOutcome(kind: string): kind is keyof typeof OUTCOMES {
  return Object.hasOwn(OUTCOMES, kind);
}

function periodAnnouncements(
  rows: readonly CounterRow[],
  period: Period,
  k: number,
): Map<string, { guide: string; version: number; metrics: AnnouncementMetrics }> {
  const tallies = new Tallies();
  const keys = new Map<string, { guide: string; version: number }>();
  for (const row of rows) {
    if (!isOutcome(row.kind) || !row.guide || !inPeriod(row.day, period)) continue;
    const key = `${row.guide}${sep}${row.version}`;
    keys.set(key, { guide: row.guide, version: row.version });
    tallies.add(`${OUTCOMES[row.kind]}${sep}${key}`, row);
  }
  const figures = new Map<
    string,
    { guide: string; version: number; metrics: AnnouncementMetrics }
  >();
  for (const [key, id] of keys) {
    const of = (outcome: string) => countCell(tallies.get(`${outcome}${sep}${key}`), k);
    const shown = of('shown');
    const clicked = of('clicked');
    // A bar shown before the period may be followed in it: the share stops at all of them.
    const rate = ratio(clicked, shown);
    figures.set(key, {
      ...id,
      metrics: {
        shown,
        dismissed: of('dismissed'),
        clicked,
        clickRate: isSuppressed(rate) ? SUPPRESSED : Math.min(1, rate),
      },
    });
  }
  return figures;
}

/** Each announcement version with a figure in the period or the baseline, by id, newest first. */
export function announcementSection(
  rows: readonly CounterRow[],
  period: Period,
  baseline: Period | null,
  k: number,
): AnnouncementFigures[] {
  const now = periodAnnouncements(rows, period, k);
  const before = baseline ? periodAnnouncements(rows, baseline, k) : null;
  const section: AnnouncementFigures[] = [];
  for (const key of union(now.keys(), before?.keys() ?? [])) {
    const current = now.get(key);
    const previous = before?.get(key);
    const id = (current ?? previous) as { guide: string; version: number };
    const figures = compare(current?.metrics, previous?.metrics, EMPTY_ANNOUNCEMENT, !!baseline);
    if (nothingShown(figures)) continue;
    section.push({ guide: id.guide, version: id.version, ...figures });
  }
  return section.sort((a, b) => a.guide.localeCompare(b.guide) || b.version - a.version);
}
