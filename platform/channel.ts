/** Typed calls from a content script to the background, and the tab messages it answers. */
import { browser } from 'wxt/browser';
import type { ToBackground } from '../background/messages';
import {
  isMessage,
  type Handlers,
  type Request,
  type Response,
  type ToTab,
} from '../core/messages';

// The browser's own API (see platform/browser.ts for why content scripts skip the polyfill).

export function callBackground<K extends keyof ToBackground>(
  type: K,
  data: Request<ToBackground, K>,
): Promise<Response<ToBackground, K>> {
  return browser.runtime.sendMessage({ type, data }) as Promise<Response<ToBackground, K>>;
}

export function answerTabMessages(handlers: Handlers<ToTab>, signal: AbortSignal): void {
  // Tab messages need no answer, so nothing is returned (Chrome ignores returned promises).
  const listener = (message: unknown) => {
    if (!isMessage(message, handlers)) return;
    const handler = handlers[message.type] as (data: unknown, sender: object) => unknown;
    handler(message.data, {});
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}
