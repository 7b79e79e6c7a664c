/** The snapshot math (core/snapshot.ts) and its CSV form, on counter rows made by hand. */
import { describe, expect, it } from 'vitest';
import type { SignalKind } from '../../../core/signals';
import { buildSnapshot, rowsNeeded, type CounterRow } from '../../../core/snapshot';
import { snapshotCsv } from '../../../server/csv';
import { TokenBuckets } from '../../../server/rateLimit';

function row(kind: SignalKind, more: Partial<CounterRow> = {}): CounterRow {
  return {
    day: '2026-05-04',
    role: 'rep',
    crm: 'demo',
    kind,
    guide: '',
    version: 0,
    step: '',
    pageType: '',
    field: '',
    count: 1,
    contributors: 1,
    scoreSum: 0,
    ...more,
  };
}

const guide = { guide: 'g', version: 2, pageType: 'home' };
const week = { from: '2026-05-04', to: '2026-05-10' }; // Monday to Sunday
const S = { suppressed: true };

describe('snapshot cells and k-anonymity', () => {
  it('suppresses a multi-day cell by its largest single-day contributor sum, not the total', () => {
    // The same 3 browsers start the guide on 3 days: 9 starts, but only 3 distinct people.
    const rows = ['2026-05-04', '2026-05-05', '2026-05-06'].map((day) =>
      row('guide.started', { ...guide, day, count: 3, contributors: 3 }),
    );
    expect(buildSnapshot(rows, { period: week, k: 5 }).guides).toEqual([]);
    const shown = buildSnapshot(rows, { period: week, k: 3 }).guides[0];
    expect(shown?.started).toBe(9);
  });

  it('counts first.activeWeek as distinct within an ISO week and first.guideCompleted ever', () => {
    const rows = [
      // 3 + 3 browsers send their first activity of the week on two days: 6 distinct.
      row('first.activeWeek', { day: '2026-05-04', count: 3, contributors: 3 }),
      row('first.activeWeek', { day: '2026-05-06', count: 3, contributors: 3 }),
      row('first.activeDay', { day: '2026-05-04', count: 3, contributors: 3 }),
      row('first.activeDay', { day: '2026-05-06', count: 3, contributors: 3 }),
      row('first.guideCompleted', { ...guide, day: '2026-05-05', count: 2, contributors: 2 }),
      row('first.guideCompleted', { ...guide, day: '2026-05-07', count: 3, contributors: 3 }),
    ];
    const s = buildSnapshot(rows, { period: week, k: 5 });
    expect(s.activeUsers.byRole).toEqual([{ role: 'rep', busiestDayUsers: S, userWeeks: 6 }]);
    expect(s.guides[0]?.completedUsers).toBe(5);
  });

  it('reads first.activeWeek over the whole ISO weeks around a period (an upper bound)', () => {
    expect(rowsNeeded({ from: '2026-05-06', to: '2026-05-12' })).toEqual({
      from: '2026-05-04',
      to: '2026-05-17',
    });
    // Active on Monday (before the period) and again on Wednesday: still counted.
    const rows = [row('first.activeWeek', { day: '2026-05-04', count: 5, contributors: 5 })];
    const s = buildSnapshot(rows, { period: { from: '2026-05-06', to: '2026-05-06' }, k: 5 });
    expect(s.activeUsers.byRole[0]?.userWeeks).toBe(5);
  });

  it('suppresses rates and means built from any suppressed cell, and zero-contributor cells', () => {
    const rows = [
      row('guide.started', { ...guide, count: 10, contributors: 10 }),
      row('guide.completed', { ...guide, count: 4, contributors: 4 }),
      row('guide.abandoned', { ...guide, count: 6, contributors: 6 }),
      row('survey.answered', { ...guide, step: 'rate', count: 6, contributors: 6, scoreSum: 25 }),
    ];
    const g = buildSnapshot(rows, { period: week, k: 5 }).guides[0];
    expect(g).toMatchObject({
      started: 10,
      completed: S,
      completionRate: S,
      abandoned: 6,
      abandonRate: 0.6,
      dismissed: S, // nobody: no figure either, even 0
      surveyResponses: 6,
      surveyMeanScore: 4.17,
    });
    expect(buildSnapshot(rows, { period: week, k: 1 }).guides[0]?.dismissed).toEqual(S);
  });

  it('leaves out items with no figure, so rare roles, guides and fields are not named', () => {
    const rows = [
      row('first.activeDay', { role: 'ceo' }),
      row('guide.started', { guide: 'secret-plan', version: 1 }),
      row('field.invalid', { pageType: 'deal:edit', field: 'Acquisition target' }),
      row('first.activeDay', { count: 5, contributors: 5 }),
    ];
    const s = buildSnapshot(rows, { period: week, k: 5 });
    const text = JSON.stringify(s);
    for (const name of ['ceo', 'secret-plan', 'Acquisition target', 'deal:edit']) {
      expect(text).not.toContain(name);
    }
    expect(s.activeUsers.byRole.map((r) => r.role)).toEqual(['rep']);
  });

  it('orders funnel steps as the guide does, then unknown steps by use', () => {
    const rows = ['done', 'old-step', 'intro', 'middle'].map((step, i) =>
      row('step.shown', { ...guide, step, count: 10 + i, contributors: 5 }),
    );
    const s = buildSnapshot(rows, {
      period: week,
      k: 5,
      stepOrder: { g: ['intro', 'middle', 'done'] },
    });
    expect(s.guides[0]?.steps.map((step) => step.step)).toEqual([
      'intro',
      'middle',
      'done',
      'old-step',
    ]);
  });

  it('ranks fields by problems within page types, suppressed figures as zero', () => {
    const f = (pageType: string, field: string, kind: SignalKind, count: number) =>
      row(kind, { pageType, field, count, contributors: count });
    const rows = [
      f('lead:edit', 'Email', 'field.invalid', 6),
      f('deal:edit', 'Amount', 'field.empty', 9),
      f('deal:edit', 'Close date', 'field.empty', 5),
      f('deal:edit', 'Close date', 'field.invalid', 5),
      f('deal:edit', 'Stage', 'field.empty', 2), // below k: not shown at all
    ];
    const s = buildSnapshot(rows, { period: week, k: 5 });
    expect(s.fields.map((p) => [p.pageType, p.fields.map((x) => x.field)])).toEqual([
      ['deal:edit', ['Close date', 'Amount']],
      ['lead:edit', ['Email']],
    ]);
  });

  it('compares with a baseline period: deltas only between figures', () => {
    const rows = [
      row('guide.started', { ...guide, day: '2026-04-28', count: 8, contributors: 8 }),
      row('guide.completed', { ...guide, day: '2026-04-28', count: 2, contributors: 2 }),
      row('guide.started', { ...guide, count: 12, contributors: 12 }),
      row('guide.completed', { ...guide, count: 9, contributors: 9 }),
    ];
    const s = buildSnapshot(rows, {
      period: week,
      baseline: { from: '2026-04-27', to: '2026-05-03' },
      k: 5,
    });
    expect(s.baseline).toEqual({ from: '2026-04-27', to: '2026-05-03', days: 7 });
    expect(s.guides[0]).toMatchObject({
      started: 12,
      completed: 9,
      completionRate: 0.75,
      baseline: { started: 8, completed: S, completionRate: S },
      delta: { started: 4, completed: S, completionRate: S },
    });
  });
});

describe('training completion per role', () => {
  const checklists = { rep: ['g', 'h'], manager: ['g'] };
  const weeks = (role: string, first: number, second: number) => [
    row('first.activeWeek', { role, day: '2026-05-04', count: first, contributors: first }),
    row('first.activeWeek', { role, day: '2026-05-11', count: second, contributors: second }),
  ];
  const trained = (role: string, g: string, day: string, n: number, version = 1) =>
    row('first.guideCompleted', { role, guide: g, version, day, count: n, contributors: n });

  it('counts completions up to the end of the period against the busiest week', () => {
    const rows = [
      ...weeks('rep', 8, 10),
      // Before the period, in it, and after it (not counted): cumulative to the period's end.
      trained('rep', 'g', '2026-04-20', 3),
      trained('rep', 'g', '2026-05-12', 3, 2),
      trained('rep', 'g', '2026-05-30', 4),
      trained('rep', 'h', '2026-05-05', 5),
    ];
    const s = buildSnapshot(rows, {
      period: { from: '2026-05-04', to: '2026-05-17' },
      k: 1,
      checklists,
    });
    expect(s.training).toEqual([
      {
        role: 'rep',
        busiestWeekUsers: 10,
        checklistShare: 0.55,
        guides: [
          { guide: 'g', trainedUsers: 6, share: 0.6 },
          { guide: 'h', trainedUsers: 5, share: 0.5 },
        ],
      },
    ]);
  });

  it('caps the share at 1 and suppresses the mean when one guide is suppressed', () => {
    const rows = [...weeks('rep', 5, 5), trained('rep', 'g', '2026-05-04', 9)];
    const s = buildSnapshot(rows, { period: week, k: 5, checklists });
    expect(s.training[0]).toMatchObject({
      busiestWeekUsers: 5,
      checklistShare: S,
      guides: [
        { guide: 'g', trainedUsers: 9, share: 1 },
        { guide: 'h', trainedUsers: S, share: S },
      ],
    });
    // A role with nothing to show is left out, name included.
    expect(s.training.map((t) => t.role)).toEqual(['rep']);
  });

  it('compares training with a baseline', () => {
    const rows = [
      ...weeks('manager', 6, 6),
      trained('manager', 'g', '2026-05-04', 3),
      trained('manager', 'g', '2026-05-11', 3),
    ];
    const s = buildSnapshot(rows, {
      period: { from: '2026-05-11', to: '2026-05-17' },
      baseline: week,
      k: 1,
      checklists,
    });
    expect(s.training[0]?.guides[0]).toEqual({
      guide: 'g',
      trainedUsers: 6,
      share: 1,
      baseline: { trainedUsers: 3, share: 0.5 },
      delta: { trainedUsers: 3, share: 0.5 },
    });
  });
});

describe('snapshot CSV', () => {
  it('writes one row per figure, "fewer than k" for suppressed ones, and defuses formulas', () => {
    const rows = [
      row('field.empty', { pageType: 'home', field: '=HYPERLINK("x")', count: 7, contributors: 7 }),
      row('field.invalid', {
        pageType: 'home',
        field: '=HYPERLINK("x")',
        count: 2,
        contributors: 2,
      }),
    ];
    const csv = snapshotCsv(buildSnapshot(rows, { period: week, k: 5 }));
    expect(csv.split('\r\n')).toEqual([
      'section,role,day,guide,version,step,pageType,field,metric,value,baseline,delta',
      `fields,,,,,,home,"'=HYPERLINK(""x"")",empty,7,,`,
      `fields,,,,,,home,"'=HYPERLINK(""x"")",invalid,fewer than k,,`,
      '',
    ]);
  });
});

describe('per-token rate limit', () => {
  it('allows a burst, then the sustained rate, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([0, 0, 0, 1]);
    expect(buckets.take('b')).toBe(0);
    now += 500; // one request's worth refilled
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    const slow = new TokenBuckets({ perSecond: 0.1, burst: 1 }, () => now);
    slow.take('a');
    expect(slow.take('a')).toBe(10);
  });
});
