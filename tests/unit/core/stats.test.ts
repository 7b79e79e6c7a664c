/** The intervals against the worked examples published with the methods. */
import { describe, expect, it } from 'vitest';
import { differenceInterval, wilsonInterval } from '../../../core/stats';

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
