/** Time on task (core/snapshot/taskTime.ts) on counter rows made by hand. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, medianBucket, type CounterRow } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

const week = { from: '2026-05-04', to: '2026-05-10' };
const before = { from: '2026-04-27', to: '2026-05-03' };
const S = { suppressed: true };

const timed = (
  cohort: string,
  field: string,
  day: string,
  count: number,
  contributors: number,
  guide = 'log-call',
): CounterRow => row('task.timed', { guide, version: 1, cohort, field, day, count, contributors });

const rows: CounterRow[] = [
  // control (passive workflows): 5 + 6 + 0 + 5 = 16 runs; half is 8, reached in 30s-2m (5 + 6 = 11).
  timed('control', 'under-30s', '2026-05-04', 5, 5),
  timed('control', '30s-2m', '2026-05-05', 6, 5),
  timed('control', 'over-10m', '2026-05-06', 5, 5),
  // observe: 5 + 5 = 10 runs; half is 5, reached exactly in under-30s.
  timed('observe', 'under-30s', '2026-05-04', 5, 5),
  timed('observe', '30s-2m', '2026-05-04', 5, 5),
  // guided: under-30s 6 (5 browsers), 30s-2m 4 + 5 = 9 (4 and 5 browsers, so 5), 2m-10m 4 runs
  // of 4 browsers: k − 1, suppressed. Total 6 + 9 + 4 = 19, its busiest day 05-04 with
  // 5 + 4 + 4 = 13 browsers: a figure. With 2m-10m hidden alone, 19 − 6 − 9 would be it, so the
  // smallest other bucket above 0 (under-30s, 6) is hidden too; over-10m has no rows: 0.
  timed('guided', 'under-30s', '2026-05-04', 6, 5),
  timed('guided', '30s-2m', '2026-05-04', 4, 4),
  timed('guided', '30s-2m', '2026-05-05', 5, 5),
  timed('guided', '2m-10m', '2026-05-04', 4, 4),
  // Not runs a cohort can be told from, or not a bucket: left out.
  timed('', 'under-30s', '2026-05-04', 9, 9),
  timed('guided', 'a-while', '2026-05-04', 9, 9),
  // Another workflow timed by 2 browsers only: nothing shown, so not even named.
  timed('guided', 'under-30s', '2026-05-04', 2, 2, 'rare'),
  // Baseline: observe only, 2m-10m 5 and over-10m 5: half of 10 is reached in 2m-10m.
  timed('observe', '2m-10m', '2026-04-28', 5, 5),
  timed('observe', 'over-10m', '2026-04-29', 5, 5),
];

const buckets = (under: unknown, short: unknown, mid: unknown, long: unknown) => [
  { bucket: 'under-30s', runs: under },
  { bucket: '30s-2m', runs: short },
  { bucket: '2m-10m', runs: mid },
  { bucket: 'over-10m', runs: long },
];
const EMPTY = { buckets: buckets(S, S, S, S), runs: S, median: S };

describe('time on task', () => {
  it('counts runs per bucket and cohort, with the median bucket, without a baseline', () => {
    const s = buildSnapshot(rows, { period: week, k: 5 });
    expect(s.taskTime).toEqual([
      {
        guide: 'log-call',
        guided: { buckets: buckets(S, 9, S, 0), runs: 19, median: S },
        control: { buckets: buckets(5, 6, 0, 5), runs: 16, median: '30s-2m' },
        observe: { buckets: buckets(5, 5, 0, 0), runs: 10, median: 'under-30s' },
      },
    ]);
  });

  it('puts the baseline beside, each cohort on its own', () => {
    const s = buildSnapshot(rows, { period: week, baseline: before, k: 5 });
    expect(s.taskTime[0]?.baseline).toEqual({
      guided: EMPTY,
      control: EMPTY,
      observe: { buckets: buckets(0, 0, 5, 5), runs: 10, median: '2m-10m' },
    });
  });

  it('shows the k − 1 bucket once it reaches k', () => {
    // With k = 4 the guided 2m-10m bucket (4 browsers) is a figure: 6 + 9 + 4 + 0 = 19, half is
    // 9.5, reached in 30s-2m (6 + 9 = 15).
    const s = buildSnapshot(rows, { period: week, k: 4 });
    expect(s.taskTime[0]?.guided).toEqual({
      buckets: buckets(6, 9, 4, 0),
      runs: 19,
      median: '30s-2m',
    });
  });

  it('names a rare workflow only at k, and shows empty buckets as 0 only beside a total', () => {
    // 'rare': one bucket of 2 runs from 2 browsers. At k = 2 a figure, and so is the total (2):
    // the other buckets, without rows, are 0.
    const s = buildSnapshot(rows, { period: week, k: 2 });
    expect(s.taskTime.find((t) => t.guide === 'rare')?.guided).toEqual({
      buckets: buckets(2, 0, 0, 0),
      runs: 2,
      median: 'under-30s',
    });
    // At k = 3 nothing of it shows: it is left out.
    expect(buildSnapshot(rows, { period: week, k: 3 }).taskTime.map((t) => t.guide)).toEqual([
      'log-call',
    ]);
    // Named by its baseline (3 browsers), its period figures are all hidden: with the total
    // below k, a 0 beside the hidden bucket would say where the 2 runs were.
    const withBaseline = [...rows, timed('guided', 'over-10m', '2026-04-28', 3, 3, 'rare')];
    const b = buildSnapshot(withBaseline, { period: week, baseline: before, k: 3 });
    const rare = b.taskTime.find((t) => t.guide === 'rare');
    expect(rare?.guided).toEqual(EMPTY);
    expect(rare?.baseline?.guided).toEqual({
      buckets: buckets(0, 0, 0, 3),
      runs: 3,
      median: 'over-10m',
    });
  });
});

describe('median bucket', () => {
  it('is the shortest bucket whose runs so far reach half of all', () => {
    expect(medianBucket(buckets(1, 1, 1, 1) as never)).toBe('30s-2m'); // 2 of 4 reach 2
    expect(medianBucket(buckets(1, 1, 2, 0) as never)).toBe('30s-2m'); // 2 of 4 reach 2
    expect(medianBucket(buckets(0, 1, 1, 5) as never)).toBe('over-10m'); // 2 of 7 < 3.5
    expect(medianBucket(buckets(3, 0, 0, 0) as never)).toBe('under-30s');
    expect(medianBucket(buckets(0, 0, 0, 0) as never)).toEqual(S);
    expect(medianBucket(buckets(5, S, 5, 5) as never)).toEqual(S);
  });
});
