/**
 * Answers every message sent to the background. Content scripts run next to untrusted pages, so
 * each request is validated before it reaches storage.
 */
import { z } from 'zod';
import type { CustomCrm } from '../core/adapters/routes';
import { CRM_IDS } from '../core/adapters/types';
import { IMPORT_LIMITS } from '../core/guide/importGuides';
import type { Handlers, Request, ToBackground } from '../core/messages';
import { MAX_PERIOD_DAYS, periodDays } from '../core/snapshot';

const id = z.string().min(1).max(64);
const nothing = z.object({}).strict();

/**
 * Events a content script may report. The rest (guide.*, step.completed, page.viewed) the
 * background records itself. Strings are bounded and page types are restricted to the
 * characters adapters produce, so nothing free-form from a page can be stored.
 */
const recordedEvent = z
  .object({
    at: z.number().int().positive(),
    kind: z.enum([
      'step.shown',
      'target.missing',
      'field.empty',
      'field.invalid',
      'survey.answered',
      'champion.asked',
    ]),
    crm: z.enum(CRM_IDS),
    pageType: z.string().regex(/^[A-Za-z0-9_:./*-]{1,200}$/),
    guideId: id.optional(),
    guideVersion: z.number().int().min(1).optional(),
    stepId: id.optional(),
    field: z.string().min(1).max(120).optional(),
    score: z.number().int().min(0).max(10).optional(),
  })
  .strict();
const period = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
const REQUESTS: { [K in keyof ToBackground]: z.ZodType<Request<ToBackground, K>> } = {
  'page:guides': z.object({ url: z.string().max(8192), viewed: z.boolean().optional() }),
  'ui:load': nothing,
  'ui:formats': nothing,
  'workflow:watch': nothing,
  'workflow:step': z.object({ guideId: id, stepId: id }).strict(),
  'run:start': z.object({ guideId: id }),
  'run:advance': z.object({
    guideId: id,
    stepIndex: z.number().int().min(0),
    action: z.enum(['next', 'back', 'skip', 'exit']),
  }),
  'popup:state': z.object({ tabId: z.number().int(), url: z.string().max(8192) }),
  'popup:launch': z.object({ tabId: z.number().int(), guideId: id }),
  'champion:asked': z.object({ url: z.string().max(8192) }).strict(),
  'settings:update': z.object({ role: id.optional(), paused: z.boolean().optional() }),
  'settings:get': nothing,
  'policy:get': nothing,
  // What a CRM page shows of the user's team and profile: bounded, and read only for role rules.
  'page:user': z.object({ values: z.array(z.string().max(1000).nullable()).max(2) }).strict(),
  'usage:record': z.object({ events: z.array(recordedEvent).max(1000) }),
  'activity:get': nothing,
  'activity:export': nothing,
  'activity:snapshot': z
    .object({ period, baseline: period.nullable() })
    .strict()
    .refine(
      (q) => [q.period, ...(q.baseline ? [q.baseline] : [])].every((p) => p.from <= p.to),
      'a period ends before it starts',
    )
    .refine(
      (q) =>
        [q.period, ...(q.baseline ? [q.baseline] : [])].every(
          (p) => periodDays(p) <= MAX_PERIOD_DAYS,
        ),
      `a period spans at most ${MAX_PERIOD_DAYS} days`,
    ),
  'activity:erase': nothing,
  'guides:list': nothing,
  // Only bounded here; the guide library checks the texts as guides:check does.
  'guides:import': z
    .object({
      files: z
        .array(
          z
            .object({
              name: z.string().min(1).max(IMPORT_LIMITS.name),
              text: z.string().max(IMPORT_LIMITS.chars),
            })
            .strict(),
        )
        .min(1)
        .max(IMPORT_LIMITS.files),
    })
    .strict(),
  'guides:remove': z.object({ id }).strict(),
  'guides:fetch': nothing,
  'sync:get': nothing,
  'sync:configure': z
    .object({ endpointUrl: z.string().max(2048), ingestToken: z.string().max(512) })
    .strict()
    .nullable(),
  'sync:test': z
    .object({ endpointUrl: z.string().max(2048), ingestToken: z.string().max(512) })
    .strict(),
  'sync:now': nothing,
  'crms:get': nothing,
  // Bounded here; the CRMs themselves are checked as the policy's are, with sentences.
  'crms:save': z
    .object({ crms: z.array(z.unknown()).max(50) as z.ZodType<CustomCrm[]> })
    .strict()
    .refine((d) => JSON.stringify(d.crms).length <= 100_000, 'the list is too large'),
  'author:open': z.object({ tabId: z.number().int() }).strict(),
  'author:context': z.object({ url: z.string().max(8192) }).strict(),
  'author:load': nothing,
  // The draft is the trainer's own work in progress, checked in full when previewed or saved
  // as a file; here only its size is bounded.
  'author:save': z
    .object({ draft: z.unknown() })
    .strict()
    .refine((d) => JSON.stringify(d.draft ?? null).length <= 200_000, 'the draft is too large'),
  'author:preview': z.object({ guide: z.unknown() }).strict(),
};

/**
 * Who may send each message: Waymark's scripts in a CRM page (`page`: the launcher, runner,
 * observer and authoring panel), its own extension pages (`extension`: popup, options), or both.
 * A page is a hostile neighbourhood: what changes settings, sync, the guide library or the
 * rep's log is asked for from Waymark's own pages only.
 */
export type Sender = 'page' | 'extension' | 'both';

export const SENDERS: { readonly [K in keyof ToBackground]: Sender } = {
  'page:guides': 'page',
  'page:user': 'page',
  'ui:load': 'page',
  'ui:formats': 'page',
  'workflow:watch': 'page',
  'workflow:step': 'page',
  'run:start': 'page',
  'run:advance': 'page',
  'usage:record': 'page',
  'author:context': 'page',
  'author:load': 'page',
  'author:save': 'page',
  'author:preview': 'page',
  'popup:state': 'extension',
  'popup:launch': 'extension',
  'champion:asked': 'extension',
  'settings:update': 'extension',
  'settings:get': 'extension',
  'policy:get': 'extension',
  'activity:get': 'extension',
  'activity:export': 'extension',
  'activity:snapshot': 'extension',
  'activity:erase': 'extension',
  'guides:list': 'extension',
  'guides:import': 'extension',
  'guides:remove': 'extension',
  'guides:fetch': 'extension',
  'sync:get': 'extension',
  'sync:configure': 'extension',
  'sync:test': 'extension',
  'sync:now': 'extension',
  'crms:get': 'extension',
  'crms:save': 'extension',
  'author:open': 'extension',
};

type MessageSender = Parameters<Handlers<ToBackground>[keyof ToBackground]>[1];

/**
 * What a sender is: one of the extension's own pages (by URL prefix: origins of
 * chrome-extension: and moz-extension: URLs are opaque under the URL standard), or Waymark's
 * script in a tab's web page; null for anything else.
 */
export function senderOf(
  sender: MessageSender,
  extensionBase: string,
): 'page' | 'extension' | null {
  if (sender.url?.startsWith(extensionBase)) return 'extension';
  if (sender.tab !== undefined && /^https?:\/\//.test(sender.url ?? '')) return 'page';
  return null;
}

export class BadMessage extends Error {}

/** Validates and dispatches one message; unknown types are not ours to answer. */
export function routeMessage(
  handlers: Handlers<ToBackground>,
  message: unknown,
  sender: MessageSender,
  extensionBase: string,
): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) return undefined;
  const key = type as keyof ToBackground;
  const from = senderOf(sender, extensionBase);
  const allowed = SENDERS[key];
  if (from === null || (allowed !== 'both' && allowed !== from)) {
    const who =
      from === 'page' ? 'a CRM page' : from === 'extension' ? 'an extension page' : 'there';
    return Promise.reject(new BadMessage(`${key}: not accepted from ${who}`));
  }
  const parsed = REQUESTS[key].safeParse(data);
  if (!parsed.success) {
    return Promise.reject(
      new BadMessage(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`),
    );
  }
  const handler = handlers[key] as (data: unknown, s: typeof sender) => unknown;
  return Promise.resolve(handler(parsed.data, sender));
}
