/**
 * The user as guidance sees them, read afresh on every call: their settings under the
 * organisation's policy now, the audience they make today, and the guides that audience may see.
 */
import type { Guide } from '../core/guide/schema';
import { guidesForAudience, type Audience } from '../core/match';
import type { OrgConfig } from '../core/org';
import { championFor } from '../core/policyRules';
import { showsGuidance } from '../core/cohort';
import type { Cohort } from '../core/usage';
import type { WaymarkDb } from './db';
import { readSettings, type UserSettings } from './settings';

/** The user's local date, YYYY-MM-DD: rollouts start and end on the user's days. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface GuidanceAudienceDeps {
  db: WaymarkDb;
  guides: () => readonly Guide[];
  now: () => number;
  org: () => OrgConfig;
  cohort: (settings: UserSettings) => Cohort;
}

export function createGuidanceAudience({ db, guides, now, org, cohort }: GuidanceAudienceDeps) {
  const audienceOf = (s: UserSettings): Audience => ({
    role: s.role,
    cohorts: s.cohorts,
    seed: s.seed,
    today: localDay(new Date(now())),
  });
  return {
    org,
    cohort,
    audienceOf,
    settings: () => readSettings(db, org()),
    /** Whether this user's cohort is shown guidance at all (`observe` and `control` are not). */
    guided: (settings: UserSettings) => showsGuidance(cohort(settings)),
    async visibleGuides() {
      const settings = await readSettings(db, org());
      return { settings, guides: guidesForAudience(guides(), audienceOf(settings)) };
    },
    /** The peer this user asks when stuck: name and link only, as the step card shows them. */
    championOf(settings: UserSettings) {
      const found = championFor(org().champions, settings.role, settings.team ?? undefined);
      return found ? { name: found.name, link: found.link } : null;
    },
  };
}

export type GuidanceAudience = ReturnType<typeof createGuidanceAudience>;
