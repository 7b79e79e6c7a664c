import type * as en from './en';

/**
 * Every catalog has exactly the shape of the English one, area by area: a language file checks
 * each area with `satisfies Messages['area']`, which reports missing and unknown keys alike.
 */
export type Messages = typeof en;
export type AreaName = keyof Messages;
