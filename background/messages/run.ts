/** Walkthrough runs: started and moved on from the page, listed and launched from the popup. */
import { z } from 'zod';
import type { ActiveRun, PopupState } from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { id, tabId, url } from './schemas';
import type { Services } from '../services';

export const runMessages = {
  'run:start': message('page', z.object({ guideId: id })).answers<ActiveRun | null>(),
  'run:advance': message(
    'page',
    z.object({
      guideId: id,
      stepIndex: z.number().int().min(0),
      action: z.enum(['next', 'back', 'skip', 'exit']),
    }),
  ).answers<ActiveRun | null>(),
  'popup:state': message('extension', z.object({ tabId, url }), {
    fresh: true,
  }).answers<PopupState>(),
  'popup:launch': message('extension', z.object({ tabId, guideId: id })).answers<{
    ok: boolean;
    error?: string;
  }>(),
};

export function runHandlers(s: Services): HandlersOf<typeof runMessages> {
  const { allowedHere, guidance, pageContextOf } = s;
  const pageOf = (sender: { url?: string }) => pageContextOf(sender.url ?? '') ?? undefined;
  return {
    'run:start': async ({ guideId }, sender) => {
      if (!allowedHere(sender.url)) return null;
      const started = await guidance.start(guideId, pageOf(sender));
      void s.refreshAllTabs(sender.tab?.id);
      return started;
    },
    'run:advance': async ({ guideId, stepIndex, action }, sender) => {
      const next = await guidance.advance(guideId, stepIndex, action, pageOf(sender));
      void s.refreshAllTabs(sender.tab?.id);
      return next;
    },
    // On a host the policy leaves out, the popup reads as on any page Waymark does not run on.
    'popup:state': ({ url }) => guidance.popupState(allowedHere(url) ? url : ''),
    'popup:launch': async ({ tabId, guideId }) => {
      if ((await s.cohortNow()) !== 'guided') {
        return { ok: false, error: 'Guidance is not shown for this installation.' };
      }
      try {
        await s.sendToTab(tabId, 'tab:launch', { guideId });
        return { ok: true };
      } catch {
        return {
          ok: false,
          error: 'Waymark is not running on this page yet. Reload the tab and try again.',
        };
      }
    },
  };
}
