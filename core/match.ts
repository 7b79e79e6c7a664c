/** Which guides fit this page, this role and this user's rollout slot. Pure: runs in Node too. */
import type { CrmId } from './adapters';
import type { Guide, Step } from './guide/schema';

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

export function inRollout(guide: Guide, audience: Audience): boolean {
  if (!guide.roles.includes(audience.role)) return false;
  const rollout = guide.rollout;
  if (!rollout) return true;
  if (rollout.cohorts && !rollout.cohorts.some((c) => audience.cohorts.includes(c))) return false;
  if (rollout.from && audience.today < rollout.from) return false;
  if (rollout.until && audience.today > rollout.until) return false;
  return rolloutSlot(audience.seed, guide.id) < rollout.percent;
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
