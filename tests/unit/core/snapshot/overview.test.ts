/** The overview and the filters (core/snapshot/overview.ts, filter.ts) on rows made by hand. */
import { describe, expect, it } from 'vitest';
import { buildSnapshot, rolesShown, verdictOf, type CounterRow } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

/** Two ISO weeks, Monday 4 May to Sunday 17 May 2026, and the two before. */
const period = { from: '2026-05-04', to: '2026-05-17' };
const baseline = { from: '2026-04-20', to: '2026-05-03' };
const S = { suppressed: true };
const n = (count: number) => ({ count, contributors: count });

describe('people active per week', () => {
  // Reps: 10 in the week of 4 May and 6 in the week of 11 May: 16 user-weeks over 2 weeks is
  // 8 a week. Baseline: 5 and 5 over 2 weeks is 5 a week. Change +3.
  // Admins: 3 in each week, below k = 5: hidden, and so is their change.
  const rows: CounterRow[] = [
    row('first.activeWeek', { day: '2026-05-04', ...n(10) }),
    row('first.activeWeek', { day: '2026-05-11', ...n(6) }),
    row('first.activeWeek', { day: '2026-04-20', ...n(5) }),
    row('first.activeWeek', { day: '2026-04-27', ...n(5) }),
    row('first.activeWeek', { day: '2026-05-04', role: 'admin', ...n(3) }),
    row('first.activeWeek', { day: '2026-05-11', role: 'admin', ...n(3) }),
    row('first.activeDay', { day: '2026-05-04', role: 'admin', ...n(3) }),
  ];

  it('is user-weeks over the weeks, against the baseline', () => {
    const { overview } = buildSnapshot(rows, { period, baseline, k: 5 });
    expect(overview.weeklyActive).toEqual([{ role: 'rep', now: 8, baseline: 5, change: 3 }]);
  });

  it('has no baseline figures without a baseline', () => {
    const { overview } = buildSnapshot(rows, { period, k: 5 });
    expect(overview.weeklyActive).toEqual([{ role: 'rep', now: 8 }]);
  });

  it('shows a role below k at k = 3, per week: 6 user-weeks over 2 weeks', () => {
    const { overview } = buildSnapshot(rows, { period, k: 3 });
    expect(overview.weeklyActive).toContainEqual({ role: 'admin', now: 3 });
  });
});

describe('guided vs control on the first screen', () => {
  const guided = (guide: string, kind: 'guide.started' | 'guide.completed', count: number) =>
    row(kind, { guide, version: 1, cohort: 'guided', ...n(count) });
  const control = (guide: string, kind: 'workflow.started' | 'workflow.completed', count: number) =>
    row(kind, { guide, version: 1, cohort: 'control', ...n(count) });
  // log-call: guided 30 of 40 (75 %), control 10 of 20 (50 %).
  // next-step: guided 6 of 10 (60 %), control 5 of 10 (50 %).
  // thin: guided 9 of 10, control below k: not pooled, and its own verdict is unknown.
  const rows: CounterRow[] = [
    guided('log-call', 'guide.started', 40),
    guided('log-call', 'guide.completed', 30),
    control('log-call', 'workflow.started', 20),
    control('log-call', 'workflow.completed', 10),
    guided('next-step', 'guide.started', 10),
    guided('next-step', 'guide.completed', 6),
    control('next-step', 'workflow.started', 10),
    control('next-step', 'workflow.completed', 5),
    guided('thin', 'guide.started', 10),
    guided('thin', 'guide.completed', 9),
    control('thin', 'workflow.started', 3),
    control('thin', 'workflow.completed', 2),
  ];

  it('pools the runs of the workflows with both rates: together they tell what each alone cannot', () => {
    const { overview } = buildSnapshot(rows, { period, k: 5 });
    // Pooled: guided 36 of 50 = 72 %, control 15 of 30 = 50 %, difference 22 points.
    // Wilson 95 %: 36/50 → 0.58335 to 0.82526; 15/30 → 0.33154 to 0.66846. Newcombe:
    // lower 0.22 − √((0.72 − 0.58335)² + (0.66846 − 0.5)²) = 0.22 − 0.21691 = 0.00309;
    // upper 0.22 + √((0.82526 − 0.72)² + (0.5 − 0.33154)²) = 0.22 + 0.19864 = 0.41864.
    expect(overview.completion).toEqual({
      guided: { now: 0.72 },
      control: { now: 0.5 },
      difference: { difference: 0.22, lower: 0.0031, upper: 0.4186 },
      verdict: 'better',
      workflows: 2,
      // Each alone: log-call 25 points (−0.0017 to 0.4780), next-step 10 (−0.2898 to 0.4509):
      // both intervals hold 0. thin has no control rate.
      verdicts: { better: 0, worse: 0, unclear: 2, unknown: 1 },
    });
  });

  it('sets the baseline beside: observe-only runs of the same workflows before', () => {
    const before: CounterRow[] = [
      row('workflow.started', {
        guide: 'log-call',
        cohort: 'observe',
        day: '2026-04-21',
        ...n(20),
      }),
      row('workflow.completed', {
        guide: 'log-call',
        cohort: 'observe',
        day: '2026-04-21',
        ...n(8),
      }),
    ];
    const { overview } = buildSnapshot([...rows, ...before], { period, baseline, k: 5 });
    // Observe-only in the baseline: 8 of 20 = 40 %; guided now 72 %: +32 points.
    expect(overview.completion.guided).toEqual({ now: 0.72, baseline: 0.4, change: 0.32 });
    // No control runs in the baseline: hidden, and its change with it.
    expect(overview.completion.control).toEqual({ now: 0.5, baseline: S, change: S });
  });

  it('says unknown when no workflow has both rates', () => {
    const { overview } = buildSnapshot(rows.slice(8), { period, k: 5 });
    expect(overview.completion.verdict).toBe('unknown');
    expect(overview.completion.difference).toBeNull();
    expect(overview.completion.guided.now).toEqual(S);
  });

  it('reads an interval touching 0 as unclear', () => {
    expect(verdictOf({ difference: 0.1, lower: 0, upper: 0.2 })).toBe('unclear');
    expect(verdictOf({ difference: 0.1, lower: 0.0001, upper: 0.2 })).toBe('better');
    expect(verdictOf({ difference: -0.1, lower: -0.2, upper: -0.0001 })).toBe('worse');
    expect(verdictOf(null)).toBe('unknown');
  });
});

describe('the top three', () => {
  const empty = (field: string, count: number, day = '2026-05-04') =>
    row('field.empty', { pageType: 'opportunity:edit', field, day, ...n(count) });

  it('names the fields left empty most, below k left out, against the baseline', () => {
    const rows = [
      empty('Next Step', 12),
      empty('Amount', 9),
      empty('Close Date', 7),
      empty('Stage', 6),
      empty('Secret', 4), // below k: never named
      empty('Next Step', 20, '2026-04-22'),
    ];
    const { overview } = buildSnapshot(rows, { period, baseline, k: 5 });
    expect(overview.emptyFields).toEqual([
      { pageType: 'opportunity:edit', field: 'Next Step', now: 12, baseline: 20, change: -8 },
      { pageType: 'opportunity:edit', field: 'Amount', now: 9, baseline: S, change: S },
      { pageType: 'opportunity:edit', field: 'Close Date', now: 7, baseline: S, change: S },
    ]);
  });

  it('names the steps where the most runs were abandoned, as a share of the runs started', () => {
    const run = (kind: 'guide.started' | 'guide.abandoned', count: number, more = {}) =>
      row(kind, { guide: 'log-call', version: 2, ...n(count), ...more });
    const rows = [
      run('guide.started', 50),
      run('guide.abandoned', 20, { step: 'subject' }), // 20 of 50: 40 %
      run('guide.abandoned', 5, { step: 'open' }), // 10 %
      run('guide.abandoned', 4, { step: 'save' }), // below k: never named
      run('guide.abandoned', 6), // a run abandoned before its first step: no step to name
      // The baseline: 40 runs, 8 abandoned at "subject" (20 %).
      run('guide.started', 40, { day: '2026-04-22' }),
      run('guide.abandoned', 8, { step: 'subject', day: '2026-04-22' }),
    ];
    const { overview } = buildSnapshot(rows, { period, baseline, k: 5 });
    expect(overview.abandonedSteps).toEqual([
      { guide: 'log-call', version: 2, step: 'subject', now: 0.4, baseline: 0.2, change: 0.2 },
      { guide: 'log-call', version: 2, step: 'open', now: 0.1, baseline: S, change: S },
    ]);
  });

  it('lists guides whose targets went missing, worst first', () => {
    const run = (guide: string, kind: 'guide.started' | 'target.missing', count: number) =>
      row(kind, { guide, version: 1, ...n(count) });
    const rows = [
      run('log-call', 'guide.started', 40),
      run('log-call', 'target.missing', 10),
      run('next-step', 'guide.started', 20),
      run('next-step', 'target.missing', 10),
      run('welcome', 'guide.started', 20),
    ];
    const { overview } = buildSnapshot(rows, { period, k: 5 });
    expect(overview.missingTargets).toEqual([
      { guide: 'next-step', version: 1, flagged: false, now: 0.5 },
      { guide: 'log-call', version: 1, flagged: false, now: 0.25 },
    ]);
  });
});

describe('filters', () => {
  const rows: CounterRow[] = [
    row('first.activeWeek', { ...n(10) }),
    row('first.activeWeek', { role: 'manager', ...n(6) }),
    row('first.activeDay', { ...n(10) }),
    row('first.activeDay', { role: 'manager', ...n(6) }),
    row('first.activeDay', { role: 'admin', ...n(2) }),
    row('guide.started', { guide: 'log-call', version: 1, crm: 'salesforce', ...n(8) }),
    row('guide.started', { guide: 'log-call', version: 2, crm: 'salesforce', ...n(7) }),
    row('guide.started', { guide: 'welcome', version: 1, crm: 'demo', ...n(9) }),
  ];

  it('narrows every section before anything is computed, and says so', () => {
    const manager = buildSnapshot(rows, { period, k: 5, filter: { role: 'manager' } });
    expect(manager.filter).toEqual({ role: 'manager' });
    expect(manager.activeUsers.byRole.map((r) => r.role)).toEqual(['manager']);
    expect(manager.guides).toEqual([]); // the guide runs were the reps'
    const salesforce = buildSnapshot(rows, { period, k: 5, filter: { crm: 'salesforce' } });
    expect(salesforce.guides.map((g) => `${g.guide}@${g.version}`)).toEqual([
      'log-call@2',
      'log-call@1',
    ]);
  });

  it('keeps what is about no guide under a guide filter, and narrows to a version', () => {
    const filter = { guide: 'log-call', version: 1 };
    const snapshot = buildSnapshot(rows, { period, k: 5, filter });
    expect(snapshot.guides.map((g) => `${g.guide}@${g.version}`)).toEqual(['log-call@1']);
    expect(snapshot.activeUsers.byRole.map((r) => r.role)).toEqual(['manager', 'rep']);
    const cohort = buildSnapshot(rows, { period, k: 5, filter: { cohort: 'guided' } });
    expect(cohort.guides).toEqual([]); // these rows predate cohorts ('')
  });

  it('offers the roles with k people active on some day, whatever the filter', () => {
    expect(rolesShown(rows, [period], 5)).toEqual(['manager', 'rep']);
    expect(rolesShown(rows, [period], 2)).toEqual(['admin', 'manager', 'rep']);
    expect(rolesShown(rows, [baseline], 2)).toEqual([]);
  });
});
