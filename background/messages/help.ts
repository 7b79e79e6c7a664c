/**
 * The in-page help panel: its contents, a search over the user's guides, starting a guide (on its
 * own page when it names one), and the way to what Waymark records.
 */
import { z } from 'zod';
import { localeTag } from '../../core/guide/schema';
import type { ActiveRun, HelpSearchHit, HelpState } from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { id, nothing } from './schemas';
import type { Services } from '../services';

/** A search is a few words typed into the panel; more is not a search. */
const MAX_QUERY = 200;

export const helpMessages = {
  /** Injects the help panel into the sending frame, the first time the rep opens it. */
  'ui:help': message('page', nothing).answers<void>(),
  'help:state': message('page', z.object({ locale: localeTag }).strict()).answers<HelpState>(),
  'help:search': message(
    'page',
    z.object({ query: z.string().max(MAX_QUERY), locale: localeTag }).strict(),
  ).answers<HelpSearchHit[]>(),
  /**
   * Starts a guide for the sending tab; one that starts on another page opens that page in the
   * tab first (`opened`), where its run goes on.
   */
  'help:start': message('page', z.object({ guideId: id }).strict()).answers<{
    active: ActiveRun | null;
    opened: boolean;
  }>(),
  /** Opens "My activity" (what Waymark records) in a tab of its own. */
  'help:activity': message('page', nothing).answers<void>(),
};

export function helpHandlers(s: Services): HandlersOf<typeof helpMessages> {
  const { allowedHere, guidance } = s;
  /** The sender's tab on a site the policy allows, else nothing is answered. */
  const tabOf = (sender: { url?: string; tab?: { id?: number } }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('The help panel asks from a tab');
    if (!allowedHere(sender.url)) {
      throw new Error('Your organization does not run Waymark on this site.');
    }
    return tabId;
  };
  return {
    'ui:help': async (_, sender) => {
      const tabId = tabOf(sender);
      await s.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/help-panel.js'],
      });
    },
    'help:state': ({ locale }, sender) => {
      tabOf(sender);
      return guidance.helpState(sender.url ?? '', locale);
    },
    'help:search': ({ query, locale }, sender) => {
      tabOf(sender);
      return guidance.searchGuides(sender.url ?? '', query, locale);
    },
    'help:start': async ({ guideId }, sender) => {
      const tabId = tabOf(sender);
      const { active, open } = await guidance.startFromHelp(guideId, sender.url ?? '');
      if (active) void s.refreshAllTabs(tabId);
      if (!active || open === undefined) return { active, opened: false };
      await s.openInTab(tabId, open);
      return { active, opened: true };
    },
    'help:activity': async (_, sender) => {
      tabOf(sender);
      await s.openActivity();
    },
  };
}
