/**
 * The announcement bar reports what happened to it. The background counts it only for the
 * announcement it gives the sender's page, once per version (background/announcements.ts).
 */
import { z } from 'zod';
import { message, type HandlersOf } from './declare';
import { id } from './schemas';
import type { Services } from '../services';

export const announcementMessages = {
  /** The bar of `guideId` was drawn (`shown`), dismissed, or its link followed (`clicked`). */
  'announcement:record': message(
    'page',
    z.object({ guideId: id, state: z.enum(['shown', 'dismissed', 'clicked']) }).strict(),
  ).answers<void>(),
};

export function announcementHandlers(s: Services): HandlersOf<typeof announcementMessages> {
  return {
    'announcement:record': async ({ guideId, state }, sender) => {
      const page = s.pageContextOf(sender.url ?? '');
      if (!page || !s.allowedHere(sender.url)) return;
      const counted = await s.guidance.announcements.record(guideId, page, state);
      // The user is done with it: other tabs showing the bar take it away.
      if (counted && state !== 'shown') void s.refreshAllTabs(sender.tab?.id);
    },
  };
}
