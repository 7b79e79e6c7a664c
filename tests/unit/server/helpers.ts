/** Signals, batches and requests for the endpoint tests. */
import { randomUUID } from 'node:crypto';
import type { Signal, SignalBatch } from '../../../core/signals';

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
