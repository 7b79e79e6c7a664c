// The wire schema's rules for time on task and survey scores, which the endpoint applies to
// every counter it is sent.
import { describe, expect, it } from 'vitest';
import { signalSchema, type SignalInput } from '../../../core/signals';

const base: SignalInput = {
  day: '2026-11-16',
  role: 'rep',
  crm: 'demo',
  kind: 'page.viewed',
  guide: '',
  version: 0,
  step: '',
  pageType: '',
  field: '',
  count: 1,
  contributor: 1,
  scoreSum: 0,
  cohort: 'guided',
};

const timed = (more: Partial<SignalInput>): SignalInput => ({
  ...base,
  kind: 'task.timed',
  guide: 'demo-log-call',
  version: 1,
  field: '30s-2m',
  count: 3,
  ...more,
});

const answered = (more: Partial<SignalInput>): SignalInput => ({
  ...base,
  kind: 'survey.answered',
  guide: 'demo-log-call',
  version: 1,
  step: 'useful',
  pageType: 'opportunity:record',
  ...more,
});

/** The issues of a refused counter as `path: message`. */
function refusals(input: SignalInput): string[] {
  const result = signalSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('a task.timed counter', () => {
  it('passes as a guide, a bucket and a count', () => {
    for (const field of ['under-30s', '30s-2m', '2m-10m', 'over-10m']) {
      expect(signalSchema.safeParse(timed({ field })).success).toBe(true);
    }
  });

  it('refuses a time, a duration or any text that is not a bucket in its field', () => {
    for (const field of ['1763287200000', '2026-11-16T09:00:00Z', '45000', '45s', 'Over-10m', '']) {
      expect(refusals(timed({ field }))).toEqual([
        'field: of a task.timed counter must be one of the time buckets under-30s, 30s-2m, 2m-10m, over-10m',
      ]);
    }
  });

  it('refuses anything finer than the guide: a step, a page type; and a guide it must name', () => {
    expect(refusals(timed({ step: 'open' }))).toEqual([
      'step: of a task.timed counter must be empty: the time is of the whole task',
    ]);
    expect(refusals(timed({ pageType: 'opportunity:record' }))).toEqual([
      'pageType: of a task.timed counter must be empty: the time is of the whole task',
    ]);
    expect(refusals(timed({ guide: '', version: 0 }))).toEqual([
      'guide: of a task.timed counter must name the guide whose task was timed',
    ]);
    expect(refusals(timed({ scoreSum: 3 }))).toEqual([
      'scoreSum: of a task.timed counter must be 0',
    ]);
  });

  it('leaves the buckets to task.timed: another kind naming one is a field rule key as before', () => {
    expect(
      signalSchema.safeParse({ ...base, kind: 'field.empty', field: 'over-10m' }).success,
    ).toBe(true);
  });
});

describe('a survey.answered counter', () => {
  it('passes with its score in the key and a sum of that score per answer', () => {
    // Three answers of 7: 3 × 7 = 21; two of 0: 0; four of 10: 40.
    expect(signalSchema.safeParse(answered({ field: '7', count: 3, scoreSum: 21 })).success).toBe(
      true,
    );
    expect(signalSchema.safeParse(answered({ field: '0', count: 2, scoreSum: 0 })).success).toBe(
      true,
    );
    expect(signalSchema.safeParse(answered({ field: '10', count: 4, scoreSum: 40 })).success).toBe(
      true,
    );
  });

  it('still passes without a score in the key (browsers before scores were keyed), mean intact', () => {
    // Scores 7, 9 and 2 summed: 18 over 3 answers, a mean of 6.
    const parsed = signalSchema.parse(answered({ field: '', count: 3, scoreSum: 18 }));
    expect(parsed.scoreSum / parsed.count).toBe(6);
  });

  it('refuses a sum that is not its score once per answer', () => {
    // Score 7 three times is 21, not 20.
    expect(refusals(answered({ field: '7', count: 3, scoreSum: 20 }))).toEqual([
      'scoreSum: of a survey.answered counter of score 7 must be count × 7 = 21',
    ]);
    expect(refusals(answered({ field: '0', count: 2, scoreSum: 1 }))).toEqual([
      'scoreSum: of a survey.answered counter of score 0 must be count × 0 = 0',
    ]);
  });

  it('refuses a score written otherwise than plainly, or out of 0 to 10', () => {
    const message =
      "field: of a survey.answered counter must be empty or a score from 0 to 10 written plainly (like '7', not '07')";
    for (const field of ['07', '11', '-1', '7.0', ' 7', '1e1', 'seven', '100']) {
      expect(refusals(answered({ field, count: 1, scoreSum: 7 }))).toEqual([message]);
    }
  });
});
