/** Walkthrough runs: started and moved on from the page, listed and launched from the popup. */
import { z } from 'zod';
import type { ActiveRun, PopupState } from '../../core/messages';
import { message, type HandlersOf, type MessageSender } from './declare';
import { id, tabId, url } from './schemas';
import type { Services } from '../services';

export const runMessages = {
  /** `auto`: the guide launches by itself, within fatigue control's limits. */
  'run:start': message(
    'page',
    z.object({ guideId: id, auto: z.literal(true).optional() }),
  ).answers<ActiveRun | null>(),
  'run:advance': message(
    'page',
    z.object({
      guideId: id,
      stepIndex: z.number().int().min(0),
      action: z.enum(['next', 'back', 'skip', 'exit', 'snooze', 'never']),
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
  /** An auto-launch, counted per tab: a sender without a tab launches nothing by itself. */
  const startByItself = async (guideId: string, sender: MessageSender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    const tabLaunches = await s.tabs.autoLaunches(tabId);
    const started = await guidance.start(guideId, pageOf(sender), { tabLaunches });
    if (started) await s.tabs.setAutoLaunches(tabId, tabLaunches + 1);
    return started;
  };
  return {
    'run:start': async ({ guideId, auto }, sender) => {
      if (!allowedHere(sender.url)) return null;
      const started = auto
        ? await startByItself(guideId, sender)
        : await guidance.start(guideId, pageOf(sender));
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
