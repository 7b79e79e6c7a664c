// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedEvent } from '../../../core/usage';
import { createUsageRecorder } from '../../../runtime/usageRecorder';

const event = (at: number): RecordedEvent => ({
  at,
  kind: 'step.shown',
  crm: 'demo',
  pageType: 'home',
});

describe('usage recorder (content script side)', () => {
  let control: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    control = new AbortController();
  });
  afterEach(() => {
    control.abort();
    vi.useRealTimers();
  });

  it('batches events instead of sending one message each, in order', () => {
    const sent: number[][] = [];
    const recorder = createUsageRecorder(control.signal, async (events) =>
      sent.push(events.map((e) => e.at)),
    );
    for (let i = 1; i <= 5; i++) recorder.record(event(i));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('sends a full batch at once', () => {
    const sent: number[] = [];
    const recorder = createUsageRecorder(control.signal, async (events) =>
      sent.push(events.length),
    );
    for (let i = 0; i < 1500; i++) recorder.record(event(i));
    expect(sent).toEqual([1000]);
  });

  it('flushes synchronously when the page is hidden or unloaded', () => {
    const sent: number[][] = [];
    const recorder = createUsageRecorder(control.signal, async (events) =>
      sent.push(events.map((e) => e.at)),
    );
    recorder.record(event(1));
    window.dispatchEvent(new Event('pagehide'));
    expect(sent).toEqual([[1]]);
    recorder.record(event(2));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).toEqual([[1], [2]]);
  });

  it('keeps undelivered events, in front and in order, and retries', async () => {
    const sent: number[][] = [];
    let fail = true;
    const recorder = createUsageRecorder(control.signal, (events) => {
      if (fail) return Promise.reject(new Error('background restarting'));
      sent.push(events.map((e) => e.at));
      return Promise.resolve();
    });
    recorder.record(event(1));
    recorder.flush();
    await vi.advanceTimersByTimeAsync(0); // the failed send settles
    expect(sent).toEqual([]);
    recorder.record(event(2));
    fail = false;
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([[1, 2]]);
  });

  it('a send that throws synchronously (extension reloaded) loses nothing', async () => {
    const recorder = createUsageRecorder(control.signal, () => {
      throw new Error('Extension context invalidated');
    });
    recorder.record(event(1));
    expect(() => recorder.flush()).not.toThrow();
  });
});
