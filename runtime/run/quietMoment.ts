/**
 * A guide that launches by itself waits for a quiet moment: never in the middle of the rep's
 * typing, and not while they are clicking or scrolling through the CRM. Listening is passive and
 * the wait is timers only, so the page is never held up; page script's own synthetic events do
 * not count, so a page cannot keep guidance away by firing them.
 */
import { deepActiveElement } from '../resolveTarget';
import { isEditable } from './stepFocus';

/** No keys, clicks or scrolling for this long is a quiet moment. */
export const QUIET_MS = 1500;
/** Typing has longer pauses (a word, a thought): a field with focus needs this long without keys. */
export const TYPING_PAUSE_MS = 4000;

const ACTIVITY = ['keydown', 'input', 'pointerdown', 'wheel'] as const;
const TYPING = new Set<string>(['keydown', 'input']);

export interface ActivityWatch {
  /** Resolves true at the first quiet moment, false when `signal` aborts first. */
  quiet(signal: AbortSignal): Promise<boolean>;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Watches the rep's activity in `doc` (shadow roots included) until `signal` aborts. */
export function watchActivity(doc: Document, signal: AbortSignal): ActivityWatch {
  let lastActivity = -Infinity;
  let lastTyping = -Infinity;
  const seen = (event: Event) => {
    if (!event.isTrusted) return;
    lastActivity = Date.now();
    if (TYPING.has(event.type)) lastTyping = lastActivity;
  };
  for (const type of ACTIVITY) {
    doc.addEventListener(type, seen, { capture: true, passive: true, signal });
  }
  /** How long until the rep has been quiet long enough; 0 when they have. */
  const untilQuiet = () => {
    const now = Date.now();
    const typing = isEditable(deepActiveElement(doc)) ? lastTyping + TYPING_PAUSE_MS - now : 0;
    return Math.max(0, lastActivity + QUIET_MS - now, typing);
  };
  return {
    async quiet(waitSignal) {
      for (let left = untilQuiet(); left > 0; left = untilQuiet()) {
        await pause(left, waitSignal);
        if (waitSignal.aborted || signal.aborted) return false;
      }
      return !waitSignal.aborted && !signal.aborted;
    },
  };
}
