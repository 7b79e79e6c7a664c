/** The intervals against the worked examples published with the methods. */
import { describe, expect, it } from 'vitest';
import { differenceInterval, npsInterval, wilsonInterval } from '../../../core/stats';

const close = (value: number, expected: number) => expect(value).toBeCloseTo(expected, 4);

describe('Wilson score interval (Newcombe 1998a, table II, method 3)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i / %i → %f to %f', (x, n, lower, upper) => {
    const interval = wilsonInterval(x, n);
    close(interval.lower, lower);
    close(interval.upper, upper);
  });

  it('refuses counts that are not a proportion', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(/0…4/);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe('difference of two proportions (Newcombe 1998b, table II, method 10)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])('%i/%i − %i/%i → %f to %f', (x1, n1, x2, n2, lower, upper) => {
    const interval = differenceInterval(x1, n1, x2, n2);
    close(interval.difference, x1 / n1 - x2 / n2);
    close(interval.lower, lower);
    close(interval.upper, upper);
  });
});

describe('net promoter score interval (adjusted Wald, Rocks 2016)', () => {
  it('adds ¾ promoter, 1½ passives and ¾ detractor, then takes the trinomial Wald interval', () => {
    // 10 promoters, 5 passives, 5 detractors: NPS +25. Adjusted: n = 20 + 3 = 23,
    // p_P = 10.75 / 23 = 0.467391, p_D = 5.75 / 23 = 0.25, centre 0.217391;
    // variance (0.467391 + 0.25 − 0.217391²) / 23 = 0.670132 / 23 = 0.0291362,
    // half-width 1.959964 × √0.0291362 = 1.959964 × 0.170693 = 0.334553.
    const interval = npsInterval(10, 5, 5);
    close(interval.lower, 0.217391 - 0.334553);
    close(interval.upper, 0.217391 + 0.334553);
  });

  it('stays within −1 and 1', () => {
    // 4 detractors only: n = 7, p_P = 0.75 / 7, p_D = 4.75 / 7, centre −4 / 7 = −0.571429;
    // variance (5.5 / 7 − 0.326531) / 7 = 0.0655977, half-width 0.501987: −1.073 clamps to −1.
    const low = npsInterval(0, 0, 4);
    expect(low.lower).toBe(-1);
    close(low.upper, -0.571429 + 0.501987);
    // 12 promoters only: n = 15, centre 12 / 15 = 0.8, variance (0.9 − 0.64) / 15,
    // half-width 1.959964 × 0.131656 = 0.258041: 1.058 clamps to 1.
    const high = npsInterval(12, 0, 0);
    close(high.lower, 0.8 - 0.258041);
    expect(high.upper).toBe(1);
  });

  it('refuses counts that are not answers', () => {
    expect(() => npsInterval(0, 0, 0)).toThrow(RangeError);
    expect(() => npsInterval(1.5, 2, 3)).toThrow(RangeError);
    expect(() => npsInterval(-1, 2, 3)).toThrow(RangeError);
  });
});
