/**
 * Answers every message sent to the background. Content scripts run next to untrusted pages, so
 * each request is validated before it reaches storage.
 */
import { z } from 'zod';
import type { Handlers, Request, ToBackground } from '../core/messages';

const id = z.string().min(1).max(64);
const REQUESTS: { [K in keyof ToBackground]: z.ZodType<Request<ToBackground, K>> } = {
  'page:guides': z.object({ url: z.string().max(8192) }),
  'ui:load': z.object({}).strict(),
  'run:start': z.object({ guideId: id }),
  'run:advance': z.object({
    guideId: id,
    stepIndex: z.number().int().min(0),
    action: z.enum(['next', 'back', 'skip', 'exit']),
  }),
  'popup:state': z.object({ tabId: z.number().int(), url: z.string().max(8192) }),
  'popup:launch': z.object({ tabId: z.number().int(), guideId: id }),
  'settings:update': z.object({ role: id.optional(), paused: z.boolean().optional() }),
};

export class BadMessage extends Error {}

/** Validates and dispatches one message; unknown types are not ours to answer. */
export function routeMessage(
  handlers: Handlers<ToBackground>,
  message: unknown,
  sender: Parameters<Handlers<ToBackground>[keyof ToBackground]>[1],
): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(REQUESTS, type)) return undefined;
  const key = type as keyof ToBackground;
  const parsed = REQUESTS[key].safeParse(data);
  if (!parsed.success) {
    return Promise.reject(
      new BadMessage(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`),
    );
  }
  const handler = handlers[key] as (data: unknown, s: typeof sender) => unknown;
  return Promise.resolve(handler(parsed.data, sender));
}
