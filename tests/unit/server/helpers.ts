/** Signals, batches and requests for the endpoint tests. */
import { randomUUID } from 'node:crypto';
import type { Signal, SignalBatch } from '../../../core/signals';
import { addDays } from '../../../core/snapshot/days';

export function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    day: '2026-05-04',
    role: 'rep',
    crm: 'demo',
    kind: 'page.viewed',
    guide: '',
    version: 0,
    step: '',
    pageType: 'opportunity:record',
    field: '',
    count: 1,
    contributor: 1,
    scoreSum: 0,
    cohort: '',
    ...overrides,
  };
}

export function batch(signals: Signal[]): SignalBatch {
  return { schemaVersion: 1, batchId: randomUUID(), signals };
}

/** What one browser sends about one day of a guide run (each browser is a contributor). */
export function browserDay(
  day: string,
  run: { role?: string; completed?: boolean; dismissed?: boolean; score?: number } = {},
): Signal[] {
  const role = run.role ?? 'rep';
  const guide = { guide: 'demo-log-call', version: 1, pageType: 'opportunity:record' };
  const signals = [
    signal({ day, role, kind: 'first.activeDay', pageType: '' }),
    signal({ day, role, kind: 'first.activeWeek', pageType: '' }),
    signal({ day, role, kind: 'guide.started', ...guide }),
    signal({ day, role, kind: 'step.shown', ...guide, step: 'open', count: 2 }),
    signal({ day, role, kind: 'step.completed', ...guide, step: 'open' }),
    signal({ day, role, kind: 'field.empty', pageType: 'opportunity:edit', field: 'Next Step' }),
  ];
  if (run.completed) {
    signals.push(
      signal({ day, role, kind: 'step.shown', ...guide, step: 'subject' }),
      signal({ day, role, kind: 'step.completed', ...guide, step: 'subject' }),
      signal({ day, role, kind: 'guide.completed', ...guide }),
      signal({ day, role, kind: 'first.guideCompleted', ...guide, pageType: '' }),
    );
  }
  if (run.dismissed) signals.push(signal({ day, role, kind: 'guide.dismissed', ...guide }));
  if (run.score !== undefined) {
    signals.push(
      signal({ day, role, kind: 'survey.answered', ...guide, step: 'rate', scoreSum: run.score }),
    );
  }
  return signals;
}

export const CANARY_AGENT = `WaymarkCanaryAgent/1.0 (${randomUUID()})`;

export function post(
  url: string,
  token: string | null,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/v1/signals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': CANARY_AGENT,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body:
      typeof body === 'string' || body instanceof Uint8Array
        ? (body as BodyInit)
        : JSON.stringify(body),
  });
}

export function get(url: string, token: string | null, headers: Record<string, string> = {}) {
  return fetch(url, {
    headers: {
      'user-agent': CANARY_AGENT,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });
}

/** The step a CRM release broke in `stepBrokenByRelease`. */
export const BROKEN_STEP = {
  guide: 'demo-log-call',
  version: 1,
  step: 'open',
  pageType: 'opportunity:record',
};

/**
 * What browsers send about a step a CRM release broke, one browser-day per entry: for the 7 days
 * before `releaseDay`, 10 browsers a day show it 4 times each and always find its target (280
 * runs, no miss); on `releaseDay` the 10 show it twice each and 5 of them miss it twice, their
 * anchor finding nothing both times and their text once (30 runs, 10 misses).
 */
export function stepBrokenByRelease(releaseDay: string): Signal[][] {
  const days: Signal[][] = [];
  const step = BROKEN_STEP;
  for (let back = 7; back >= 1; back--) {
    const day = addDays(releaseDay, -back);
    for (let i = 0; i < 10; i++)
      days.push([signal({ day, kind: 'step.shown', ...step, count: 4 })]);
  }
  const day = releaseDay;
  for (let i = 0; i < 10; i++) {
    days.push([
      signal({ day, kind: 'step.shown', ...step, count: 2 }),
      ...(i < 5
        ? [
            signal({ day, kind: 'target.missing', ...step, count: 2 }),
            signal({ day, kind: 'target.strategyFailed', ...step, field: 'anchor', count: 2 }),
            signal({ day, kind: 'target.strategyFailed', ...step, field: 'text', count: 1 }),
          ]
        : []),
    ]);
  }
  return days;
}
