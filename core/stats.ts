/**
 * Confidence intervals for the rates admins compare (completion with and without guidance,
 * before and after a roll-out), so a difference can be told from noise. Pure and small; checked
 * against the worked examples of Newcombe (1998), Statistics in Medicine 17: 857–872 and 873–890.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959964;

export interface Interval {
  lower: number;
  upper: number;
}

/**
 * Wilson score interval of a proportion `successes / trials` (no continuity correction): unlike
 * the textbook p ± z·se it stays within [0, 1] and behaves at 0 and at small counts.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || trials <= 0) {
    throw new RangeError(`need whole counts with trials > 0 — got ${successes}/${trials}`);
  }
  if (successes < 0 || successes > trials) {
    throw new RangeError(`successes must lie in 0…${trials} — got ${successes}`);
  }
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const scale = 1 + z2 / trials;
  return {
    lower: Math.max(0, (centre - spread) / scale),
    upper: Math.min(1, (centre + spread) / scale),
  };
}

/**
 * The difference p1 − p2 of two independent proportions with Newcombe's hybrid score interval
 * (his method 10), built from the two Wilson intervals. An interval that excludes 0 is a
 * difference unlikely to be noise at that level.
 */
export function differenceInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  z = Z95,
): Interval & { difference: number } {
  const p1 = successes1 / trials1;
  const p2 = successes2 / trials2;
  const a = wilsonInterval(successes1, trials1, z);
  const b = wilsonInterval(successes2, trials2, z);
  const difference = p1 - p2;
  return {
    difference,
    lower: difference - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper: difference + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  };
}
