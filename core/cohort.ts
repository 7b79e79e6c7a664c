/**
 * Which cohort an installation is in, for measuring what guidance changes: `observe` (measure
 * only, as the organisation decided for everyone or for some rollout cohorts), `control` (held
 * back at random, so guided and unguided people can be compared over the same period) or
 * `guided`. Pure: the background passes the policy, the rollout cohorts and the draw.
 */
import type { Policy } from './policy';
import type { Cohort } from './usage';

/**
 * The installation's random draw in [0, 100), made once and kept: an installation is in the
 * control group while its draw is below `controlShare`, so raising the share later only adds
 * installations to the group, and lowering it only releases some.
 */
export function newControlDraw(random: () => number = Math.random): number {
  return Math.min(99.999, Math.max(0, random() * 100));
}

export function cohortOf(
  policy: Pick<Policy, 'observeOnly' | 'observeOnlyCohorts' | 'controlShare'>,
  rolloutCohorts: readonly string[],
  controlDraw: number,
): Cohort {
  if (policy.observeOnly === true) return 'observe';
  if (policy.observeOnlyCohorts?.some((c) => rolloutCohorts.includes(c))) return 'observe';
  if (policy.controlShare !== undefined && controlDraw < policy.controlShare) return 'control';
  return 'guided';
}

/** Cohorts that see no guidance at all: only measured. */
export function showsGuidance(cohort: Cohort): boolean {
  return cohort === 'guided';
}
