import { describe, expect, it } from 'vitest';
import { aggregateSignals, EMPTY_REPORTED } from '../../../core/aggregate';
import { isoWeek, utcDay } from '../../../core/days';
import { MAX_DAILY_COUNT, signalBatchSchema, signalKey } from '../../../core/signals';
import type { UsageEvent } from '../../../core/usage';

const DAY1 = Date.UTC(2026, 10, 16, 9); // Monday
const DAY2 = Date.UTC(2026, 10, 17, 9);

function ev(at: number, kind: UsageEvent['kind'], more: Partial<UsageEvent> = {}): UsageEvent {
  return { at, kind, role: 'rep', crm: 'demo', pageType: 'opportunity:record', ...more };
}

const guide = { guideId: 'demo-log-call', guideVersion: 1 };

describe('aggregating usage events into anonymous daily counters', () => {
  it('counts per key and day, with no time finer than the day and no ids', () => {
    const { signals } = aggregateSignals(
      [
        ev(DAY1, 'page.viewed'),
        ev(DAY1 + 1000, 'page.viewed'),
        ev(DAY1 + 2000, 'step.shown', { ...guide, stepId: 'open' }),
        ev(DAY2, 'page.viewed'),
      ],
      EMPTY_REPORTED,
    );
    const views = signals.filter((s) => s.kind === 'page.viewed');
    expect(views.map((s) => [s.day, s.count, s.contributor])).toEqual([
      ['2026-11-16', 2, 1],
      ['2026-11-17', 1, 1],
    ]);
    expect(signals.find((s) => s.kind === 'step.shown')).toMatchObject({
      guide: 'demo-log-call',
      version: 1,
      step: 'open',
      pageType: 'opportunity:record',
    });
    // Valid on the wire, and nothing else in it.
    expect(
      signalBatchSchema.safeParse({ schemaVersion: 1, batchId: crypto.randomUUID(), signals })
        .success,
    ).toBe(true);
    expect(Object.keys(signals[0]!).sort()).toEqual(
      [
        'cohort',
        'contributor',
        'count',
        'crm',
        'day',
        'field',
        'guide',
        'kind',
        'pageType',
        'role',
        'scoreSum',
        'step',
        'version',
      ].sort(),
    );
  });

  it('keys counters by cohort, and keeps the pre-cohort key for events without one', () => {
    const { signals, reported } = aggregateSignals(
      [
        ev(DAY1, 'workflow.started', { ...guide, stepId: 'open', cohort: 'control' }),
        ev(DAY1 + 1000, 'workflow.started', { ...guide, stepId: 'open', cohort: 'guided' }),
        ev(DAY1 + 2000, 'workflow.started', { ...guide, stepId: 'open' }),
      ],
      EMPTY_REPORTED,
    );
    const started = signals.filter((s) => s.kind === 'workflow.started');
    expect(started.map((s) => [s.cohort, s.count, s.contributor])).toEqual([
      ['control', 1, 1],
      ['guided', 1, 1],
      ['', 1, 1],
    ]);
    // The key a browser stored before cohorts existed: no double flag after an upgrade.
    const legacy = started.find((s) => s.cohort === '')!;
    expect(signalKey(legacy)).toBe(
      '2026-11-16|rep|demo|workflow.started|demo-log-call|1|open|opportunity:record|',
    );
    expect(reported.contributed['2026-11-16']).toContain(signalKey(legacy));
    expect(signalKey({ ...legacy, cohort: 'guided' })).toBe(`${signalKey(legacy)}|guided`);
    // A batch from an extension that predates cohorts is still valid, and means cohort ''.
    // (Stripped of their cohorts, the three would be one counter: such a browser sent it once.)
    const old = started.slice(0, 1).map(({ cohort: _cohort, ...rest }) => rest);
    const parsed = signalBatchSchema.parse({
      schemaVersion: 1,
      batchId: crypto.randomUUID(),
      signals: old,
    });
    expect(parsed.signals.map((s) => s.cohort)).toEqual(['']);
    expect(
      signalBatchSchema.safeParse({
        schemaVersion: 1,
        batchId: crypto.randomUUID(),
        signals: [{ ...legacy, cohort: 'pilot' }],
      }).success,
    ).toBe(false);
  });

  it('sends each "first time" flag once: active day, active week, first completion', () => {
    const first = aggregateSignals(
      [ev(DAY1, 'page.viewed'), ev(DAY1 + 5, 'guide.completed', guide)],
      EMPTY_REPORTED,
    );
    const flags = (signals: { kind: string }[]) =>
      signals.filter((s) => s.kind.startsWith('first.')).map((s) => s.kind);
    expect(flags(first.signals)).toEqual([
      'first.activeDay',
      'first.activeWeek',
      'first.guideCompleted',
    ]);
    const later = aggregateSignals(
      [ev(DAY1 + 60_000, 'page.viewed'), ev(DAY2, 'guide.completed', guide)],
      first.reported,
    );
    // Same week, a new day; the guide was completed before.
    expect(flags(later.signals)).toEqual(['first.activeDay']);
    // The page view key of day 1 was already contributed: counted, but not as a new contributor.
    expect(
      later.signals.find((s) => s.kind === 'page.viewed' && s.day === '2026-11-16'),
    ).toMatchObject({
      count: 1,
      contributor: 0,
    });
  });

  it('counts survey answers per score, each counter summing its own score', () => {
    const useful = { ...guide, stepId: 'useful' };
    const { signals } = aggregateSignals(
      [
        ev(DAY1, 'survey.answered', { ...useful, score: 4 }),
        ev(DAY1 + 1000, 'survey.answered', { ...useful, score: 2 }),
        ev(DAY1 + 2000, 'survey.answered', { ...useful, score: 4 }),
        ev(DAY1 + 3000, 'survey.answered', { ...useful, score: 10 }),
        ev(DAY1 + 4000, 'survey.answered', { ...useful, score: 0 }),
      ],
      EMPTY_REPORTED,
    );
    const answers = signals.filter((s) => s.kind === 'survey.answered');
    // Two 4s: count 2, sum 8; one each of 2, 10 and 0.
    expect(answers.map((s) => [s.field, s.count, s.scoreSum, s.step])).toEqual([
      ['4', 2, 8, 'useful'],
      ['2', 1, 2, 'useful'],
      ['10', 1, 10, 'useful'],
      ['0', 1, 0, 'useful'],
    ]);
    // The mean over the counters is the mean of the answers: (4 + 2 + 4 + 10 + 0) / 5 = 4.
    const sum = answers.reduce((total, s) => total + s.scoreSum, 0);
    const count = answers.reduce((total, s) => total + s.count, 0);
    expect(sum / count).toBe(4);
    expect(
      signalBatchSchema.safeParse({ schemaVersion: 1, batchId: crypto.randomUUID(), signals })
        .success,
    ).toBe(true);
  });

  it('keeps no score in the key when the answer has none a counter can hold', () => {
    const useful = { ...guide, stepId: 'useful' };
    const { signals } = aggregateSignals(
      [ev(DAY1, 'survey.answered', useful), ev(DAY1, 'survey.answered', { ...useful, score: 2.5 })],
      EMPTY_REPORTED,
    );
    const answers = signals.filter((s) => s.kind === 'survey.answered');
    expect(answers.map((s) => s.field)).toEqual(['']);
  });

  it('counts time on task per guide and bucket, with no step, page or time in it', () => {
    const timed = (at: number, field: string, guideId = 'demo-log-call') =>
      ev(at, 'task.timed', { guideId, guideVersion: 1, pageType: '', field });
    const { signals } = aggregateSignals(
      [
        timed(DAY1, '30s-2m'),
        timed(DAY1 + 60_000, '30s-2m'),
        timed(DAY1 + 120_000, 'over-10m'),
        timed(DAY1 + 180_000, '30s-2m', 'demo-next-step'),
      ],
      EMPTY_REPORTED,
    );
    const counted = signals
      .filter((s) => s.kind === 'task.timed')
      .map((s) => [s.guide, s.version, s.step, s.pageType, s.field, s.count, s.scoreSum]);
    expect(counted).toEqual([
      ['demo-log-call', 1, '', '', '30s-2m', 2, 0],
      ['demo-log-call', 1, '', '', 'over-10m', 1, 0],
      ['demo-next-step', 1, '', '', '30s-2m', 1, 0],
    ]);
    expect(
      signalBatchSchema.safeParse({ schemaVersion: 1, batchId: crypto.randomUUID(), signals })
        .success,
    ).toBe(true);
  });

  it('counts the strategies a missing target reports beside it, by name, and the wire takes only names', () => {
    const missing = { ...guide, stepId: 'open' };
    const { signals } = aggregateSignals(
      [
        ev(DAY1, 'target.missing', { ...missing, failedStrategies: ['anchor', 'text'] }),
        ev(DAY1 + 1000, 'target.missing', { ...missing, failedStrategies: ['anchor'] }),
        ev(DAY1 + 2000, 'target.missing', missing),
      ],
      EMPTY_REPORTED,
    );
    const counted = (kind: string) =>
      signals.filter((s) => s.kind === kind).map((s) => [s.step, s.field, s.count, s.contributor]);
    expect(counted('target.missing')).toEqual([['open', '', 3, 1]]);
    expect(counted('target.strategyFailed')).toEqual([
      ['open', 'anchor', 2, 1],
      ['open', 'text', 1, 1],
    ]);
    const wire = (changed: object) =>
      signalBatchSchema.safeParse({
        schemaVersion: 1,
        batchId: crypto.randomUUID(),
        signals: signals.map((s) =>
          s.kind === 'target.strategyFailed' ? { ...s, ...changed } : s,
        ),
      });
    expect(wire({}).success).toBe(true);
    for (const forged of [{ field: 'div.deal-name' }, { field: 'Jane Doe' }, { step: '' }]) {
      const refused = wire(forged);
      expect(refused.success).toBe(false);
      expect(refused.error?.issues[0]?.message).toMatch(
        /must name one of the strategies anchor, testId, css, role, label, text, frame, of a guide step/,
      );
    }
  });

  it('names UTC days and ISO weeks', () => {
    expect(utcDay(Date.UTC(2026, 0, 1, 23, 59))).toBe('2026-01-01');
    expect(isoWeek(Date.UTC(2026, 0, 1))).toBe('2026-W01');
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(DAY1)).toBe(isoWeek(DAY2));
  });
});

describe('a day counter stays within what the endpoint takes', () => {
  it('stops at MAX_DAILY_COUNT instead of making a batch the endpoint refuses', () => {
    const at = Date.UTC(2026, 11, 4, 12);
    const events = Array.from({ length: MAX_DAILY_COUNT + 5 }, () => ({
      at,
      kind: 'page.viewed' as const,
      role: 'rep',
      crm: 'demo' as const,
      pageType: 'opportunity:record',
    }));
    const { signals } = aggregateSignals(events, EMPTY_REPORTED);
    const viewed = signals.find((s) => s.kind === 'page.viewed');
    expect(viewed?.count).toBe(MAX_DAILY_COUNT);
    expect(
      signalBatchSchema.safeParse({ schemaVersion: 1, batchId: crypto.randomUUID(), signals })
        .success,
    ).toBe(true);
  });
});
