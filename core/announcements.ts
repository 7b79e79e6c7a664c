/**
 * Announcements: guides that are one line at the top of matching pages instead of a walkthrough.
 * Which one a page shows, and what the user did with each version, are decided here; the
 * background keeps that state and the guide UI draws the bar. Pure: runs in Node too.
 */
import type { Announcement, Guide } from './guide/schema';
import { guidesForPage, type Audience, type PageContext } from './match';

export type AnnouncementGuide = Guide & { announcement: Announcement };

export function isAnnouncement(guide: Guide): guide is AnnouncementGuide {
  return guide.announcement !== undefined;
}

/** Guides that run as walkthroughs: launched, listed, tracked as workflows. */
export function walkthroughsOf(guides: readonly Guide[]): Guide[] {
  return guides.filter((g) => !isAnnouncement(g));
}

/**
 * What the user did with an announcement's version: it was on screen (`shown`), or they
 * dismissed or followed it, after which that version is not shown again.
 */
export type AnnouncementState = 'shown' | 'dismissed' | 'clicked';

/** Per guide id, the version the user last saw and what they did with it. */
export type AnnouncementsSeen = Record<string, { version: number; state: AnnouncementState }>;

/** The state of this version of the announcement; a new version starts afresh. */
export function stateOf(seen: AnnouncementsSeen, guide: Guide): AnnouncementState | undefined {
  const entry = Object.hasOwn(seen, guide.id) ? seen[guide.id] : undefined;
  return entry?.version === guide.version ? entry.state : undefined;
}

/** The first announcement that fits the page and the user which they have not acknowledged. */
export function announcementFor(
  guides: readonly Guide[],
  page: PageContext,
  audience: Audience,
  seen: AnnouncementsSeen,
): AnnouncementGuide | null {
  const fitting = guidesForPage(guides.filter(isAnnouncement), page, audience);
  return (
    (fitting.find((g) => {
      const state = stateOf(seen, g);
      return state === undefined || state === 'shown';
    }) as AnnouncementGuide | undefined) ?? null
  );
}

/** Reads what the settings table kept; anything malformed counts as never seen. */
export function announcementsSeenOf(value: unknown): AnnouncementsSeen {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const seen: AnnouncementsSeen = {};
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    const { version, state } = (entry ?? {}) as { version?: unknown; state?: unknown };
    if (
      typeof version === 'number' &&
      (state === 'shown' || state === 'dismissed' || state === 'clicked')
    ) {
      seen[id] = { version, state };
    }
  }
  return seen;
}
