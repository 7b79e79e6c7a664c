/** A trainer writes a guide on the CRM page: the panel, its page's context, draft and preview. */
import { z } from 'zod';
import type { AuthorContext, GuideIssue } from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { nothing, tabId, url } from './schemas';
import type { Services } from '../services';

export const authoringMessages = {
  /** Opens the authoring panel in the tab (trainers). */
  'author:open': message('extension', z.object({ tabId }).strict()).answers<{
    ok: boolean;
    error?: string;
  }>(),
  /** What the panel needs to write targets for this page: the CRM, its page type, its anchors. */
  'author:context': message('page', z.object({ url }).strict(), {
    fresh: true,
  }).answers<AuthorContext | null>(),
  /** The guide being written, kept while the trainer moves between pages. */
  'author:load': message('page', nothing).answers<unknown>(),
  /**
   * The draft is the trainer's own work in progress, checked in full when previewed or saved as
   * a file; here only its size is bounded.
   */
  'author:save': message(
    'page',
    z
      .object({ draft: z.unknown() })
      .strict()
      .refine((d) => JSON.stringify(d.draft ?? null).length <= 200_000, 'the draft is too large'),
  ).answers<void>(),
  /** Runs the draft as a walkthrough in the sending tab, if it is a valid guide; null ends it. */
  'author:preview': message('page', z.object({ guide: z.unknown() }).strict()).answers<{
    ok: boolean;
    problems: GuideIssue[];
  }>(),
};

export function authoringHandlers(s: Services): HandlersOf<typeof authoringMessages> {
  const { authoring } = s;
  return {
    'author:open': async ({ tabId }) => {
      try {
        await s.scripting.executeScript({ target: { tabId }, files: ['/authoring.js'] });
        return { ok: true };
      } catch {
        return { ok: false, error: 'Waymark cannot write guides on this page.' };
      }
    },
    'author:context': ({ url }) => authoring.context(url),
    'author:load': () => authoring.load(),
    'author:save': ({ draft }) => authoring.save(draft),
    'author:preview': async ({ guide }, sender) => {
      const problems = await authoring.setPreview(guide);
      const tabId = sender.tab?.id;
      if (guide !== null && problems.length === 0 && tabId !== undefined) {
        const id = (guide as { id: string }).id;
        await s.sendToTab(tabId, 'tab:refresh', {}).catch(() => undefined);
        await s.sendToTab(tabId, 'tab:launch', { guideId: id });
      }
      return { ok: problems.length === 0, problems };
    },
  };
}
