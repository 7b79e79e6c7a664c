/** The announcements section of a snapshot: its counts per version, k, the baseline and the CSV. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, SUPPRESSED } from '../../../../core/snapshot';
import { snapshotRows } from '../../../../server/csv';
import { row } from '../../helpers/counterRow';

const period = { from: '2026-05-04', to: '2026-05-10' };
const baseline = { from: '2026-04-27', to: '2026-05-03' };
const news = { guide: 'news', version: 2 };

describe('the announcements section', () => {
  const rows = [
    row('announcement.shown', { ...news, count: 10, contributors: 10 }),
    row('announcement.dismissed', { ...news, count: 6, contributors: 6 }),
    row('announcement.clicked', { ...news, count: 3, contributors: 3 }),
    // Another day of the period: a cell counts every day's, and is shown once one day has k people.
    row('announcement.shown', { ...news, day: '2026-05-05', count: 2, contributors: 2 }),
    // An older version, and the week before.
    row('announcement.shown', {
      ...news,
      version: 1,
      day: '2026-05-01',
      count: 8,
      contributors: 8,
    }),
    row('announcement.clicked', { ...news, day: '2026-05-01', count: 4, contributors: 4 }),
    // Not an announcement's.
    row('guide.started', { guide: 'tour', version: 1, count: 9, contributors: 9 }),
  ];

  it('counts each version shown, dismissed and followed, with the share followed', () => {
    const snapshot = buildSnapshot(rows, { period, k: 1 });
    expect(snapshot.announcements).toEqual([
      { guide: 'news', version: 2, shown: 12, dismissed: 6, clicked: 3, clickRate: 0.25 },
    ]);
    // An announcement is no walkthrough: it has no funnel of its own.
    expect(snapshot.guides.map((g) => g.guide)).toEqual(['tour']);
  });

  it('hides every figure below k, and the share built from one', () => {
    const snapshot = buildSnapshot(rows, { period, k: 5 });
    expect(snapshot.announcements).toEqual([
      {
        guide: 'news',
        version: 2,
        shown: 12,
        dismissed: 6,
        clicked: SUPPRESSED,
        clickRate: SUPPRESSED,
      },
    ]);
    // With nothing left to show, the version is left out, name and all.
    expect(buildSnapshot(rows, { period, k: 11 }).announcements).toEqual([]);
  });

  it('sets the baseline beside, with the change, and stops the share at all showings', () => {
    const snapshot = buildSnapshot(rows, { period, baseline, k: 1 });
    expect(
      snapshot.announcements.map((a) => [a.version, a.shown, a.baseline?.shown, a.delta?.shown]),
    ).toEqual([
      [2, 12, SUPPRESSED, SUPPRESSED],
      [1, SUPPRESSED, 8, SUPPRESSED],
    ]);
    // Followed in the baseline week, shown before it: the share is at most all of them.
    const late = buildSnapshot(
      [
        row('announcement.shown', { ...news, count: 1, contributors: 1 }),
        row('announcement.clicked', { ...news, count: 3, contributors: 3 }),
      ],
      { period, k: 1 },
    );
    expect(late.announcements[0]?.clickRate).toBe(1);
  });

  it('goes into the CSV, a suppressed figure as words', () => {
    const csv = snapshotRows(buildSnapshot(rows, { period, k: 5 })).filter(
      (r) => r.section === 'announcements',
    );
    expect(csv.map((r) => [r.guide, r.version, r.metric, r.value])).toEqual([
      ['news', 2, 'shown', '12'],
      ['news', 2, 'dismissed', '6'],
      ['news', 2, 'clicked', 'fewer than k'],
      ['news', 2, 'clickRate', 'fewer than k'],
    ]);
  });
});
