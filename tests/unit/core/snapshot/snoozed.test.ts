/** Snoozes ("Remind me later") beside dismissals: counted per guide, rated per start, k-suppressed. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../../core/snapshot';
import { snapshotCsv } from '../../../../server/csv';
import { row } from '../../helpers/counterRow';

const guide = { guide: 'g', version: 1, pageType: 'home' };
const week = { from: '2026-05-04', to: '2026-05-10' };
const S = { suppressed: true };

describe('snoozed guides in the snapshot', () => {
  const rows = [
    row('guide.started', { ...guide, count: 10, contributors: 10 }),
    row('guide.dismissed', { ...guide, count: 2, contributors: 2 }),
    row('guide.snoozed', { ...guide, count: 4, contributors: 4 }),
  ];

  it('counts snoozes and their share of starts beside dismissals', () => {
    expect(buildSnapshot(rows, { period: week, k: 2 }).guides[0]).toMatchObject({
      dismissed: 2,
      dismissRate: 0.2,
      snoozed: 4,
      snoozeRate: 0.4,
    });
  });

  it('hides snoozes of fewer than k people, as dismissals are hidden', () => {
    expect(buildSnapshot(rows, { period: week, k: 5 }).guides[0]).toMatchObject({
      started: 10,
      dismissed: S,
      snoozed: S,
      snoozeRate: S,
    });
  });

  it('exports both in the CSV', () => {
    const csv = snapshotCsv(buildSnapshot(rows, { period: week, k: 2 }));
    const lines = csv.split('\r\n');
    expect(lines).toContain('"guides",,,"g",1,,,,"snoozed",4,,,');
    expect(lines).toContain('"guides",,,"g",1,,,,"snoozeRate",0.4,,,');
  });
});
