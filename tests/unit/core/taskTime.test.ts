import { describe, expect, it } from 'vitest';
import { isTaskTimeBucket, TASK_TIME_BUCKETS, taskTimeBucket } from '../../../core/taskTime';

describe('time on task buckets', () => {
  it('puts each duration in its bucket, each bound belonging to the longer bucket', () => {
    // Bounds: 30 s = 30 000 ms, 2 min = 120 000 ms, 10 min = 600 000 ms (exclusive upper ends).
    const cases: [number, string][] = [
      [0, 'under-30s'],
      [29_999, 'under-30s'],
      [30_000, '30s-2m'],
      [119_999, '30s-2m'],
      [120_000, '2m-10m'],
      [599_999, '2m-10m'],
      [600_000, 'over-10m'],
      [8 * 60 * 60 * 1000, 'over-10m'],
    ];
    expect(cases.map(([ms]) => [ms, taskTimeBucket(ms)])).toEqual(cases);
  });

  it('counts a negative time (a clock set back) as no time at all', () => {
    expect(taskTimeBucket(-1)).toBe('under-30s');
    expect(taskTimeBucket(-3_600_000)).toBe('under-30s');
  });

  it('knows its buckets and nothing else', () => {
    for (const bucket of TASK_TIME_BUCKETS) expect(isTaskTimeBucket(bucket)).toBe(true);
    for (const text of ['', '1733380000000', '45000', 'Under-30s', 'over-10m ']) {
      expect(isTaskTimeBucket(text)).toBe(false);
    }
  });
});
