/**
 * Bytes one active user sends per day: a realistic rep's day of usage events, turned into
 * signals by the real aggregation, batched and encoded exactly as the sync sends them.
 */
import { gzipSync } from 'node:zlib';
import { aggregateSignals, EMPTY_REPORTED } from '../core/aggregate';
import { SIGNAL_SCHEMA_VERSION } from '../core/signals';
import type { UsageEvent } from '../core/usage';

const PAGES = [
  'home',
  'opportunity:list',
  'opportunity:record',
  'opportunity:edit',
  'account:list',
  'account:record',
  'report:pipeline',
  'settings',
];

/** A rep's working day: 80 page views, one walkthrough of 4 steps, a dismissed tip, field rules. */
export function typicalDay(start: number): UsageEvent[] {
  const events: UsageEvent[] = [];
  let at = start;
  const push = (e: Omit<UsageEvent, 'at' | 'role' | 'crm'>) =>
    events.push({ at: (at += 60_000), role: 'rep', crm: 'demo', ...e });
  for (let i = 0; i < 80; i++)
    push({ kind: 'page.viewed', pageType: PAGES[i % PAGES.length] ?? 'home' });
  const guide = { guideId: 'demo-log-call', guideVersion: 3, pageType: 'opportunity:record' };
  push({ kind: 'guide.started', ...guide, stepId: 'open' });
  for (const stepId of ['open', 'subject', 'save', 'done']) {
    push({ kind: 'step.shown', ...guide, stepId });
    push({ kind: 'step.completed', ...guide, stepId });
  }
  push({ kind: 'guide.completed', ...guide, stepId: 'done' });
  const welcome = { guideId: 'demo-welcome', guideVersion: 1, pageType: 'home' };
  push({ kind: 'guide.started', ...welcome, stepId: 'hello' });
  push({ kind: 'step.shown', ...welcome, stepId: 'hello' });
  push({ kind: 'guide.dismissed', ...welcome, stepId: 'hello' });
  for (let i = 0; i < 3; i++) {
    push({
      kind: 'field.empty',
      pageType: 'opportunity:edit',
      guideId: 'demo-update-next-step',
      guideVersion: 1,
      field: 'Next Step',
    });
  }
  return events;
}

/** What one day costs on the wire: gzip-encoded JSON bodies plus the request headers. */
export function bytesPerUserDay(): { signals: number; json: number; sent: number } {
  const { signals } = aggregateSignals(typicalDay(Date.UTC(2026, 10, 16, 8)), EMPTY_REPORTED);
  const body = JSON.stringify({
    schemaVersion: SIGNAL_SCHEMA_VERSION,
    batchId: crypto.randomUUID(),
    signals,
  });
  const headers =
    'POST /v1/signals HTTP/1.1\r\nhost: waymark.example.com\r\n' +
    `authorization: Bearer ${'x'.repeat(43)}\r\ncontent-type: application/json\r\n` +
    'content-encoding: gzip\r\ncontent-length: 0000\r\n\r\n';
  return {
    signals: signals.length,
    json: body.length,
    sent: gzipSync(body).length + headers.length,
  };
}
