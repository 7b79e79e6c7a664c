/** Which guides fit this page, this role and this user's rollout slot. Pure: runs in Node too. */
import type { CrmId } from './adapters';
import type { Guide, Rollout, Step } from './guide/schema';

export interface PageContext {
  crm: CrmId;
  /** Id-free page type from the CRM adapter, e.g. `Opportunity:record`. */
  pageType: string;
  /** Path plus hash route, matched against `match.url`; never stored. */
  path: string;
  /** `https://host[:port]`, for a `match.url` that names the whole address; never stored. */
  origin?: string;
}

/** What a `match.url` pattern is compared with: the address without query, or path and hash. */
export function addressFor(pattern: string, page: PageContext): string {
  return /^https?:\/\//i.test(pattern) ? `${page.origin ?? ''}${page.path}` : page.path;
}

export interface Audience {
  role: string;
  cohorts: readonly string[];
  /** Random per-install value that keeps a user's rollout slot stable; never leaves the browser. */
  seed: string;
  /** Local date as YYYY-MM-DD. */
  today: string;
}

const globCache = new Map<string, RegExp>();

/** `*` matches any run of characters; everything else is literal. */
export function globMatch(pattern: string, value: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`^${source.join('.*')}$`);
    globCache.set(pattern, re);
  }
  return re.test(value);
}

export function guideMatchesPage(guide: Guide, page: PageContext): boolean {
  if (guide.crm !== page.crm) return false;
  const { page: pages, url } = guide.match;
  if (pages !== undefined) {
    const list = typeof pages === 'string' ? [pages] : pages;
    if (!list.some((p) => globMatch(p, page.pageType))) return false;
  }
  return url === undefined || globMatch(url, addressFor(url, page));
}

/** A stable number in [0, 100) per (install, guide): FNV-1a, so slots differ between guides. */
export function rolloutSlot(seed: string, guideId: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${seed}:${guideId}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}

/**
 * Whether a rollout (a guide's own, or a pilot's) takes this user in for `guideId`: one of its
 * cohorts, inside its dates, and a slot under its percent. No rollout takes everyone.
 */
export function rolloutTakes(
  rollout: Rollout | undefined,
  guideId: string,
  audience: Omit<Audience, 'role'>,
): boolean {
  if (!rollout) return true;
  if (rollout.cohorts && !rollout.cohorts.some((c) => audience.cohorts.includes(c))) return false;
  if (rollout.from && audience.today < rollout.from) return false;
  if (rollout.until && audience.today > rollout.until) return false;
  return rolloutSlot(audience.seed, guideId) < rollout.percent;
}

export function inRollout(guide: Guide, audience: Audience): boolean {
  return guide.roles.includes(audience.role) && rolloutTakes(guide.rollout, guide.id, audience);
}

/** A pilot of a guide's next version, as the organisation's pack serves it. */
export interface Pilot {
  rollout: Rollout;
  guide: Guide;
}

/**
 * The guides a browser runs from its organisation's pack: for each pilot whose rollout takes this
 * user in, the pilot version instead of the live one (or beside the others, for a new guide).
 */
export function withPilots(
  live: readonly Guide[],
  pilots: readonly Pilot[],
  audience: Omit<Audience, 'role'> | null,
): Guide[] {
  const taken = new Map(
    audience
      ? pilots
          .filter((p) => rolloutTakes(p.rollout, p.guide.id, audience))
          .map((p) => [p.guide.id, p.guide] as const)
      : [],
  );
  const guides = live.map((guide) => taken.get(guide.id) ?? guide);
  const liveIds = new Set(live.map((g) => g.id));
  return [...guides, ...[...taken.values()].filter((g) => !liveIds.has(g.id))];
}

/** Guides this user may see at all (role + rollout), whatever the page. */
export function guidesForAudience(guides: readonly Guide[], audience: Audience): Guide[] {
  return guides.filter((g) => inRollout(g, audience));
}

export function guidesForPage(
  guides: readonly Guide[],
  page: PageContext,
  audience: Audience,
): Guide[] {
  return guides.filter((g) => guideMatchesPage(g, page) && inRollout(g, audience));
}

export function stepFitsPage(step: Step, pageType: string): boolean {
  return step.page === undefined || globMatch(step.page, pageType);
}
