/**
 * Content-script side of usage recording. `record` only queues (it runs inside the CRM's event
 * handlers, so it must cost next to nothing); the queue goes to the background in batches, in
 * order, and is flushed at once when the page is hidden or unloaded, so a tab closed right after
 * an action still delivers it. The content script never opens IndexedDB itself: storage in a CRM
 * page's origin would belong to the CRM.
 */
import type { RecordedEvent } from '../core/usage';
import { callBackground } from '../platform/channel';

const BATCH_SIZE = 1000;
const FLUSH_AFTER_MS = 1000;

/** Launcher and guide UI share one recorder through the content-script world, so one order. */
export const USAGE_RECORDER_GLOBAL = '__waymarkUsage';

export interface UsageRecorder {
  record(event: RecordedEvent): void;
  flush(): void;
}

export function createUsageRecorder(
  signal: AbortSignal,
  send: (events: RecordedEvent[]) => Promise<unknown> = (events) =>
    callBackground('usage:record', { events }),
): UsageRecorder {
  let pending: RecordedEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(flush, FLUSH_AFTER_MS);
  };
  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // Sent synchronously: during pagehide there may be no later task to send it from.
    let sent: Promise<unknown>;
    try {
      sent = send(batch);
    } catch (error) {
      sent = Promise.reject(error);
    }
    // Not delivered (the background was restarting): put it back in front, keep the order.
    sent.catch(() => {
      pending = batch.concat(pending);
      schedule();
    });
  }

  addEventListener('pagehide', flush, { signal });
  document.addEventListener(
    'visibilitychange',
    () => document.visibilityState === 'hidden' && flush(),
    { signal },
  );
  return {
    record(event) {
      pending.push(event);
      if (pending.length >= BATCH_SIZE) flush();
      else schedule();
    },
    flush,
  };
}

/** The recorder of this content-script world (created by the launcher). */
export function usageRecorder(): UsageRecorder | undefined {
  return (globalThis as Record<string, unknown>)[USAGE_RECORDER_GLOBAL] as
    UsageRecorder | undefined;
}
