// @vitest-environment happy-dom
/** An auto-launch waits for a quiet moment: the waiting logic, on fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_MS, TYPING_PAUSE_MS, watchActivity } from '../../../runtime/run/quietMoment';

/** Lets happy-dom's events count as the rep's own (page script's do not). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const key = (target: EventTarget) =>
  target.dispatchEvent(
    trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })),
  );

let page: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  page = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => {
  page.abort();
  vi.useRealTimers();
});

/** Whether the wait has ended, and how, after the timers ran `ms`. */
async function after(ms: number, wait: Promise<boolean>): Promise<boolean | 'waiting'> {
  let result: boolean | 'waiting' = 'waiting';
  void wait.then((quiet) => (result = quiet));
  await vi.advanceTimersByTimeAsync(ms);
  return result;
}

describe('a quiet moment', () => {
  it('comes at once when the rep has done nothing', async () => {
    const watch = watchActivity(document, page.signal);
    expect(await after(0, watch.quiet(new AbortController().signal))).toBe(true);
  });

  it('waits until the rep has stopped clicking and pressing keys for a while', async () => {
    const watch = watchActivity(document, page.signal);
    document.body.dispatchEvent(trusted(new Event('pointerdown', { bubbles: true })));
    const wait = watch.quiet(new AbortController().signal);
    expect(await after(QUIET_MS - 100, wait)).toBe('waiting');
    key(document.body);
    expect(await after(QUIET_MS - 100, wait)).toBe('waiting');
    expect(await after(100, wait)).toBe(true);
  });

  it('waits longer while the rep is typing in a field, inside shadow roots too', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const field = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    field.focus();
    const watch = watchActivity(document, page.signal);
    key(field);
    const wait = watch.quiet(new AbortController().signal);
    expect(await after(QUIET_MS + 100, wait)).toBe('waiting');
    key(field);
    expect(await after(TYPING_PAUSE_MS - 100, wait)).toBe('waiting');
    expect(await after(100, wait)).toBe(true);
  });

  it('does not count what page script fires', async () => {
    const watch = watchActivity(document, page.signal);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(await after(0, watch.quiet(new AbortController().signal))).toBe(true);
  });

  it('gives up when its wait is cancelled or the page goes', async () => {
    const watch = watchActivity(document, page.signal);
    key(document.body);
    const cancel = new AbortController();
    const cancelled = watch.quiet(cancel.signal);
    const left = watch.quiet(new AbortController().signal);
    cancel.abort();
    expect(await after(0, cancelled)).toBe(false);
    page.abort();
    expect(await after(QUIET_MS, left)).toBe(false);
  });
});
