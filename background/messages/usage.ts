/**
 * Usage a page reports, of the kinds a page may report (core/usage.ts). Strings are bounded and
 * page types restricted to what adapters make, so nothing free-form from a page can be stored.
 */
import { z } from 'zod';
import { PAGE_TYPE } from '../../core/adapters/types';
import { CRM_IDS } from '../../core/adapters';
import { TARGET_STRATEGIES } from '../../core/targetStrategies';
import { PAGE_REPORTED_KINDS, type RecordedEvent } from '../../core/usage';
import { readSettings } from '../settings';
import { message, type HandlersOf } from './declare';
import { id, url } from './schemas';
import type { Services } from '../services';

/** Events a content script may report. */
const recordedEvent = z
  .object({
    at: z.number().int().positive(),
    kind: z.enum(PAGE_REPORTED_KINDS),
    crm: z.enum(CRM_IDS),
    pageType: z.string().regex(PAGE_TYPE),
    guideId: id.optional(),
    guideVersion: z.number().int().min(1).optional(),
    stepId: id.optional(),
    field: z.string().min(1).max(120).optional(),
    score: z.number().int().min(0).max(10).optional(),
    /** Names from the fixed list only, each once: a selector or a text in their place is refused. */
    failedStrategies: z
      .array(z.enum(TARGET_STRATEGIES))
      .min(1)
      .max(TARGET_STRATEGIES.length)
      .refine((names) => new Set(names).size === names.length, 'names each strategy once')
      .optional(),
  })
  .strict()
  .refine((event) => !event.failedStrategies || event.kind === 'target.missing', {
    message: 'only a target.missing names failed strategies',
    path: ['failedStrategies'],
  }) satisfies z.ZodType<RecordedEvent>;

export const usageMessages = {
  /** A batch of usage events from a content script, in the order they happened. */
  'usage:record': message(
    'page',
    z.object({ events: z.array(recordedEvent).max(1000) }),
  ).answers<void>(),
  /**
   * The rep followed an "Ask a champion" link: the popup's, for the tab at `url`, or the help
   * panel's, for the page it is on (its own address; what it sends as `url` is not trusted).
   */
  'champion:asked': message('both', z.object({ url }).strict()).answers<void>(),
};

export function usageHandlers(s: Services): HandlersOf<typeof usageMessages> {
  const { db, org, allowedHere, recorded } = s;
  return {
    'usage:record': async ({ events }, sender) => {
      if (!allowedHere(sender.url)) return;
      await recorded.append(async () => {
        const { role } = await readSettings(db, org());
        return events.map((event) => ({ ...event, role }));
      });
    },
    'champion:asked': async (request, sender) => {
      // A CRM page's own address (its senders are web pages); the popup names its tab's.
      const fromPage = /^https?:\/\//.test(sender.url ?? '');
      const url = fromPage ? (sender.url ?? '') : request.url;
      const page = s.pageContextOf(url);
      if (!page || !allowedHere(url)) return;
      await recorded.append(async () => [
        {
          at: Date.now(),
          kind: 'champion.asked',
          role: (await readSettings(db, org())).role,
          crm: page.crm,
          pageType: page.pageType,
        },
      ]);
    },
  };
}
