/**
 * Answers every message sent to the background. Content scripts run next to untrusted pages, so
 * each message is checked for its sender, then its request, before a handler sees it.
 */
import type { MessageSender } from '../../core/messages';
import { MESSAGES, type BackgroundHandlers } from './index';

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

/** Checks and dispatches one message; unknown types are not ours to answer. */
export function routeMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: MessageSender,
  extensionBase: string,
): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type)) return undefined;
  const key = type as keyof typeof MESSAGES;
  const declared = MESSAGES[key];
  const from = senderOf(sender, extensionBase);
  if (from === null || (declared.from !== 'both' && declared.from !== from)) {
    const who =
      from === 'page' ? 'a CRM page' : from === 'extension' ? 'an extension page' : 'there';
    return Promise.reject(new BadMessage(`${key}: not accepted from ${who}`));
  }
  const parsed = declared.request.safeParse(data);
  if (!parsed.success) {
    return Promise.reject(
      new BadMessage(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`),
    );
  }
  const handler = handlers[key] as (data: unknown, s: MessageSender) => unknown;
  return Promise.resolve(handler(parsed.data, sender));
}

/** The messages answered only once the managed policy has been read afresh. */
export const FRESH = (Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]).filter(
  (key) => MESSAGES[key].fresh,
);

/**
 * Holds answers until `ready`: a service worker woken by a CRM page's message would otherwise
 * answer it before the guide registry, the kept policy or the self-hosted CRMs were read (with the
 * bundled guides alone, missing imported ones). With `only`, just those messages wait (the
 * background holds a few of them until the managed policy has been read afresh).
 */
export function heldUntilReady<H extends object>(
  handlers: H,
  ready: Promise<unknown>,
  /** Only these messages wait (default: all). */
  only?: readonly (keyof H)[],
): H {
  const held = {} as Record<keyof H, unknown>;
  for (const key of Object.keys(handlers) as (keyof H)[]) {
    const handler = handlers[key] as (data: unknown, sender: MessageSender) => unknown;
    held[key] =
      only && !only.includes(key)
        ? handler
        : async (data: unknown, sender: MessageSender) => {
            await ready;
            return handler(data, sender);
          };
  }
  return held as H;
}
