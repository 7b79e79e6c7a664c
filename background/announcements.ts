/**
 * Announcements in the background: which one a page shows, and what the user did with each
 * version, kept in the settings table. The page says when the bar was drawn, dismissed or
 * followed; that is recorded only for the announcement this background gives that page, and
 * each version is drawn, and then dismissed or followed, once: a page cannot add counts.
 */
import {
  announcementFor,
  isAnnouncement,
  announcementsSeenOf,
  stateOf,
  type AnnouncementGuide,
  type AnnouncementState,
} from '../core/announcements';
import { localizeAnnouncement } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import type { PageContext } from '../core/match';
import type { PageAnnouncement } from '../core/messages';
import type { WaymarkDb } from './db';
import type { GuidanceAudience } from './guidanceAudience';
import type { UserSettings } from './settings';
import type { UsageLog } from './usageLog';

/** The settings row of what the user did with each announcement's version. */
export const ANNOUNCEMENTS_KEY = 'announcements.seen';

export interface AnnouncementsDeps {
  db: WaymarkDb;
  usage: UsageLog;
  audience: GuidanceAudience;
  now: () => number;
  locale: string;
}

export function createAnnouncements({ db, usage, audience, now, locale }: AnnouncementsDeps) {
  const readSeen = async () =>
    announcementsSeenOf((await db.settings.get(ANNOUNCEMENTS_KEY))?.value);

  /** The user's announcement on the page; none when paused or in a cohort shown nothing. */
  async function chosen(
    settings: UserSettings,
    allowed: readonly Guide[],
    page: PageContext,
  ): Promise<AnnouncementGuide | null> {
    if (settings.paused || !audience.guided(settings)) return null;
    return announcementFor(allowed, page, audience.audienceOf(settings), await readSeen());
  }

  return {
    /** What the page draws: its announcement in the user's language, or nothing. */
    async forPage(
      settings: UserSettings,
      allowed: readonly Guide[],
      page: PageContext,
    ): Promise<PageAnnouncement | null> {
      const guide = await chosen(settings, allowed, page);
      if (!guide) return null;
      const { text, link } = localizeAnnouncement(guide.announcement, guide.locales, locale);
      // A link to a guide this user cannot start (another role's, a mistyped id) is left out.
      const startable =
        link?.guide === undefined || allowed.some((g) => g.id === link.guide && !isAnnouncement(g));
      return {
        guideId: guide.id,
        version: guide.version,
        text,
        ...(link && startable ? { link } : {}),
      };
    },

    /**
     * The page drew (`shown`), dismissed or followed (`clicked`) the bar of `guideId`. Counted
     * only when it is the announcement of that page now, when a drawing is its first, and when a
     * dismissal or a click follows a drawing. Answers whether it counted.
     */
    async record(guideId: string, page: PageContext, state: AnnouncementState): Promise<boolean> {
      const { settings, guides: allowed } = await audience.visibleGuides();
      const guide = await chosen(settings, allowed, page);
      if (guide?.id !== guideId) return false;
      const counted = await db.transaction('rw', db.settings, async () => {
        const seen = await readSeen();
        const before = stateOf(seen, guide);
        if (state === 'shown' ? before !== undefined : before !== 'shown') return false;
        seen[guide.id] = { version: guide.version, state };
        await db.settings.put({ key: ANNOUNCEMENTS_KEY, value: seen });
        return true;
      });
      if (!counted) return false;
      await usage.append(() => [
        {
          at: now(),
          kind: `announcement.${state}`,
          role: settings.role,
          crm: page.crm,
          pageType: page.pageType,
          guideId: guide.id,
          guideVersion: guide.version,
        },
      ]);
      return true;
    },
  };
}

export type Announcements = ReturnType<typeof createAnnouncements>;
