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

/**
 * The 95 % interval of a net promoter score (% promoters − % detractors, as a share from −1 to 1)
 * by the adjusted-Wald method of Rocks (2016), "Interval estimation for the 'net promoter
 * score'", The American Statistician, which covered best at small samples there: add ¾ of a
 * promoter, 1½ passives and ¾ of a detractor (3 answers in all; the pseudo-observations of his R
 * package NPS, `nps_test(test = "adjusted.wald")`), then take the Wald interval of the difference
 * of the two shares with the trinomial variance (p_P + p_D − (p_P − p_D)²) / n, around the
 * adjusted score. Clamped to [−1, 1].
 */
export function npsInterval(
  promoters: number,
  passives: number,
  detractors: number,
  z = Z95,
): Interval {
  const counts = [promoters, passives, detractors];
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || promoters + passives + detractors <= 0) {
    throw new RangeError(`need whole counts, not all 0 — got ${counts.join('/')}`);
  }
  const n = promoters + passives + detractors + 3;
  const pP = (promoters + 0.75) / n;
  const pD = (detractors + 0.75) / n;
  const score = pP - pD;
  const spread = z * Math.sqrt((pP + pD - score * score) / n);
  return { lower: Math.max(-1, score - spread), upper: Math.min(1, score + spread) };
}
