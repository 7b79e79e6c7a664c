/** A trainer writes a guide on the CRM page: the panel, its page's context, draft and preview. */
import { z } from 'zod';
import { localizedTitle } from '../../core/guide/locale';
import type { Guide } from '../../core/guide/schema';
import { rolloutSchema } from '../../core/guide/schema';
import type {
  AuthorContext,
  GuideIssue,
  OpenableGuide,
  PublishResult,
  TrainerView,
} from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { id, nothing, tabId, url } from './schemas';
import type { Services } from '../services';

/** A draft is the trainer's own work; here only its size is bounded, the guide check does the rest. */
const draftSized = (value: unknown) => JSON.stringify(value ?? null).length <= 200_000;

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
      .refine((d) => draftSized(d.draft), 'the draft is too large'),
  ).answers<void>(),
  /** Every guide this browser has (built in, the organisation's, imported), to open for editing. */
  'author:guides': message('page', nothing, { fresh: true }).answers<OpenableGuide[]>(),
  /** One of them, whole. */
  'author:guide': message('page', z.object({ id }).strict(), {
    fresh: true,
  }).answers<Guide | null>(),
  /**
   * Publishes the draft's guide to the organisation's endpoint with the trainer token kept in the
   * background; the endpoint checks it as `guides:check` does and says why when it refuses.
   */
  'author:publish': message(
    'page',
    z
      .object({
        guide: z.record(z.string(), z.unknown()).refine(draftSized, 'the guide is too large'),
        state: z.enum(['draft', 'pilot']),
        rollout: rolloutSchema.optional(),
      })
      .strict()
      .refine((p) => p.state === 'draft' || p.rollout !== undefined, 'a pilot needs its rollout'),
  ).answers<PublishResult>(),
  /** The options page: whether a trainer token is kept, and the endpoint it would go to. */
  'trainer:get': message('extension', nothing, { fresh: true }).answers<TrainerView>(),
  /** Keeps the trainer token; null forgets it. */
  'trainer:set': message(
    'extension',
    z.object({ token: z.string().max(512).nullable() }).strict(),
  ).answers<TrainerView>(),
  /** Runs the draft as a walkthrough in the sending tab, if it is a valid guide; null ends it. */
  'author:preview': message('page', z.object({ guide: z.unknown() }).strict()).answers<{
    ok: boolean;
    problems: GuideIssue[];
  }>(),
};

export function authoringHandlers(s: Services): HandlersOf<typeof authoringMessages> {
  const { authoring, publishing } = s;
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
    // Straight from the registry: the library's list also counts missing targets in the whole log.
    'author:guides': async () =>
      (await s.db.guides.toArray())
        .map(({ id, version, guide, source }) => ({
          id,
          version,
          title: localizedTitle(guide, navigator.language),
          crm: guide.crm,
          source,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    'author:guide': async ({ id }) => (await s.db.guides.get(id))?.guide ?? null,
    'author:publish': (request) => publishing.publish(request),
    'trainer:get': () => publishing.view(),
    'trainer:set': async ({ token }) => {
      await publishing.setToken(token);
      return publishing.view();
    },
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
