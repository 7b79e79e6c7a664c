/** The snapshot math (core/snapshot/) and its CSV form, on counter rows made by hand. */
import { describe, expect, it } from 'vitest';
import type { SignalKind } from '../../../core/signals';
import {
  buildSnapshot,
  guidanceStartOf,
  rowsNeeded,
  type CounterRow,
} from '../../../core/snapshot';
import { snapshotCsv } from '../../../server/csv';
import { TokenBuckets } from '../../../server/rateLimit';
import { row } from '../helpers/counterRow';

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

describe('workflows: guided vs control', () => {
  const log = { guide: 'log-call', version: 1, pageType: 'opportunity:record' };
  const edit = { pageType: 'opportunity:edit' };
  const people = (n: number) => ({ count: n, contributors: n });
  // Newcombe (1998b), example (a): 56/70 against 48/80.
  const rows = [
    // Guided: 50 walkthroughs (40 completed) and 20 workflows done without opening the guide (16).
    row('guide.started', { ...log, cohort: 'guided', ...people(50) }),
    row('guide.completed', { ...log, cohort: 'guided', ...people(40) }),
    row('workflow.started', { ...log, cohort: 'guided', step: 'open', ...people(20) }),
    row('workflow.completed', { ...log, cohort: 'guided', step: 'save', ...people(16) }),
    row('guide.abandoned', { ...log, cohort: 'guided', step: 'subject', ...people(6) }),
    row('workflow.abandoned', { ...log, cohort: 'guided', step: 'open', ...people(2) }),
    // Control: 80 workflows, 48 completed; most stop at "subject".
    row('workflow.started', { ...log, cohort: 'control', step: 'open', ...people(80) }),
    row('workflow.completed', { ...log, cohort: 'control', step: 'save', ...people(48) }),
    row('workflow.abandoned', { ...log, cohort: 'control', step: 'subject', ...people(20) }),
    row('workflow.abandoned', { ...log, cohort: 'control', step: 'open', ...people(12) }),
    // Below k: ignored as an abandon point, not named.
    row('workflow.abandoned', {
      ...log,
      cohort: 'control',
      step: 'secret',
      count: 30,
      contributors: 3,
    }),
    row('field.empty', { ...edit, field: 'Next Step', cohort: 'control', ...people(9) }),
    row('field.empty', { ...edit, field: 'Amount', cohort: 'control', ...people(5) }),
    row('field.empty', { ...edit, field: 'Stage', cohort: 'control', ...people(4) }),
    // The guide's runs led to the edit page: it is one of the guide's pages.
    row('step.shown', { ...log, ...edit, step: 'subject', cohort: 'guided', ...people(30) }),
    // A page no run of the guide touched.
    row('field.empty', {
      pageType: 'account:edit',
      field: 'Phone',
      cohort: 'control',
      ...people(9),
    }),
    // Observe: 4 browsers only, below k.
    row('workflow.started', { ...log, cohort: 'observe', step: 'open', ...people(4) }),
    // Pre-cohort browsers: in the guide's figures, in no cohort.
    row('guide.started', { ...log, cohort: '', ...people(10) }),
    // A guide run reported from a control install is not the control group's.
    row('guide.started', { ...log, cohort: 'control', ...people(9) }),
  ];

  it('gives completion per cohort with Wilson intervals and the guided − control difference', () => {
    const s = buildSnapshot(rows, { period: week, k: 5 });
    expect(s.guides[0]?.started).toBe(69); // 50 guided + 10 without cohort + 9 from control
    expect(s.workflows).toHaveLength(1);
    const w = s.workflows[0];
    expect(w?.guide).toBe('log-call');
    expect(w?.guided).toMatchObject({
      started: 70,
      completed: 56,
      abandoned: 8,
      completionRate: 0.8,
      completionInterval: { lower: 0.6918, upper: 0.877 },
      abandonPoint: { step: 'subject', abandoned: 6 },
    });
    expect(w?.control).toMatchObject({
      started: 80,
      completed: 48,
      abandoned: 62,
      completionRate: 0.6,
      completionInterval: { lower: 0.4905, upper: 0.7004 },
      abandonPoint: { step: 'subject', abandoned: 20 },
      emptyFields: [
        { pageType: 'opportunity:edit', field: 'Next Step', empty: 9 },
        { pageType: 'opportunity:edit', field: 'Amount', empty: 5 },
      ],
    });
    // Newcombe's method 10 for 56/70 − 48/80: 0.2 (0.0524 to 0.3339).
    expect(w?.difference).toEqual({ difference: 0.2, lower: 0.0524, upper: 0.3339 });
    expect(w?.observe).toMatchObject({ started: S, completionRate: S, completionInterval: S });
    expect(JSON.stringify(s.workflows)).not.toMatch(/secret|Stage|Phone/);
    expect(w?.baseline).toBeUndefined();
  });

  it('applies k to each cohort apart: a small control group hides the difference', () => {
    const few = rows.map((r) => (r.cohort === 'control' ? { ...r, contributors: 4 } : r));
    const w = buildSnapshot(few, { period: week, k: 5 }).workflows[0];
    expect(w?.guided.completionRate).toBe(0.8);
    expect(w?.control).toMatchObject({ started: S, completed: S, completionRate: S });
    expect(w?.control.abandonPoint).toEqual(S);
    expect(w?.difference).toBeNull();
  });

  it('does not add up contributors of guide runs and passive workflows on one day', () => {
    // 3 browsers ran the guide and the same 3 (or others) did the workflow: at least 3, not 6.
    const overlap = [
      row('guide.started', { ...log, cohort: 'guided', ...people(3) }),
      row('workflow.started', { ...log, cohort: 'guided', step: 'open', ...people(3) }),
    ];
    expect(buildSnapshot(overlap, { period: week, k: 5 }).workflows).toEqual([]);
    expect(buildSnapshot(overlap, { period: week, k: 3 }).workflows[0]?.guided.started).toBe(6);
  });

  it('shows the observe-only baseline beside, with guided now − observe before', () => {
    const before = { from: '2026-04-27', to: '2026-05-03' };
    const baselineRows = [
      row('workflow.started', { ...log, day: '2026-04-28', cohort: 'observe', ...people(60) }),
      row('workflow.completed', { ...log, day: '2026-04-28', cohort: 'observe', ...people(30) }),
    ];
    const w = buildSnapshot([...rows, ...baselineRows], { period: week, baseline: before, k: 5 })
      .workflows[0];
    expect(w?.baseline?.observe).toMatchObject({
      started: 60,
      completed: 30,
      completionRate: 0.5,
      completionInterval: { lower: 0.3774, upper: 0.6226 },
    });
    expect(w?.baseline?.guided.started).toEqual(S);
    expect(w?.baseline?.difference).toBeNull();
    // 56/70 − 30/60 = 0.3 (0.1365 to 0.4448).
    expect(w?.baselineDifference).toEqual({ difference: 0.3, lower: 0.1365, upper: 0.4448 });
    const csv = snapshotCsv(
      buildSnapshot([...rows, ...baselineRows], {
        period: week,
        baseline: before,
        k: 5,
      }),
    ).split('\r\n');
    expect(csv).toContain(
      '"workflows",,,"log-call",,,,,"completionRate",0.8,"fewer than k",,"guided"',
    );
    expect(csv).toContain(
      '"workflows",,,"log-call",,,,,"completionRateLower",0.4905,"fewer than k",,"control"',
    );
    expect(csv).toContain('"workflows",,,"log-call",,,,,"started","fewer than k",60,,"observe"');
    expect(csv).toContain('"workflows",,,"log-call",,"subject",,,"abandonPoint",20,,,"control"');
    expect(csv).toContain(
      '"workflows",,,"log-call",,,"opportunity:edit","Next Step","leftEmpty",9,,,"control"',
    );
    expect(csv).toContain(
      '"workflows",,,"log-call",,,,,"completionRateDifferenceLower",0.0524,,,"guided-control"',
    );
    expect(csv).toContain(
      '"workflows",,,"log-call",,,,,"completionRateDifference",0.3,,,"guided-baselineObserve"',
    );
  });

  it('caps completion at the runs started (runs begun before the period)', () => {
    const w = buildSnapshot(
      [
        row('workflow.started', { ...log, cohort: 'control', ...people(5) }),
        row('workflow.completed', { ...log, cohort: 'control', ...people(6) }),
      ],
      { period: week, k: 5 },
    ).workflows[0];
    expect(w?.control).toMatchObject({ started: 5, completed: 6, completionRate: 1 });
    expect(w?.control.completionInterval).toEqual({ lower: 0.5655, upper: 1 });
  });
});

describe('snapshot CSV', () => {
  it('attack: writes one row per figure, quotes every text cell and defuses every formula start', () => {
    const rows = [
      row('field.empty', { pageType: 'home', field: '=HYPERLINK("x")', count: 7, contributors: 7 }),
      row('field.invalid', {
        pageType: 'home',
        field: '=HYPERLINK("x")',
        count: 2,
        contributors: 2,
      }),
      // A spreadsheet splitting on semicolons would read the middle part as a formula.
      row('field.empty', {
        pageType: 'home',
        field: 'x;=1+1;|@SUM(A1)',
        count: 6,
        contributors: 6,
      }),
    ];
    const csv = snapshotCsv(
      buildSnapshot(rows, { period: week, k: 5, filter: { crm: 'demo', version: 2 } }),
    );
    expect(csv.split('\r\n')).toEqual([
      'section,role,day,guide,version,step,pageType,field,metric,value,baseline,delta,cohort',
      // What the figures cover comes first: the period, no baseline, k and the filters.
      `"view",,,,,,,,"period","2026-05-04/2026-05-10",,,`,
      `"view",,,,,,,,"baseline",,,,`,
      `"view",,,,,,,,"k",5,,,`,
      `"filter",,,,,,,,"crm","demo",,,`,
      `"filter",,,,,,,,"version",2,,,`,
      `"fields",,,,,,"home","'=HYPERLINK(""x"")","empty",7,,,`,
      `"fields",,,,,,"home","'=HYPERLINK(""x"")","invalid","fewer than k",,,`,
      `"fields",,,,,,"home","x;'=1+1;|'@SUM(A1)","empty",6,,,`,
      `"fields",,,,,,"home","x;'=1+1;|'@SUM(A1)","invalid","fewer than k",,,`,
      '',
    ]);
  });
  it('writes time on task, unused pages and survey scores with the baseline beside', () => {
    const rows = [
      // 5 guided runs under 30 s; nothing in the baseline week.
      row('task.timed', {
        guide: 'log-call',
        version: 1,
        cohort: 'guided',
        field: 'under-30s',
        count: 5,
        contributors: 5,
      }),
      // 5 answers of 9 to a 0–10 survey: P = 5, N = 5, NPS 100. Adjusted: n = 8,
      // p_P = 5.75 / 8 = 0.71875, p_D = 0.75 / 8 = 0.09375, centre 0.625; variance
      // (0.8125 − 0.390625) / 8 = 0.0527344, half-width 1.959964 × 0.229640 = 0.450086:
      // 17.49 to 107.5, clamped to 100.
      row('survey.answered', {
        ...guide,
        step: 'rate',
        field: '9',
        count: 5,
        contributors: 5,
        scoreSum: 45,
      }),
      // home opened by 5 browsers in the baseline week, by none now: unopened.
      row('page.viewed', { pageType: 'home', day: '2026-04-28', count: 5, contributors: 5 }),
    ];
    const snapshot = buildSnapshot(rows, {
      period: week,
      baseline: { from: '2026-04-27', to: '2026-05-03' },
      k: 5,
      surveyScales: { g: '0-10' },
    });
    const lines = snapshotCsv(snapshot).split('\r\n');
    const of = (section: string) => lines.filter((l) => l.startsWith(`"${section}"`));
    const F = '"fewer than k"';
    expect(of('taskTime').filter((l) => l.endsWith('"guided"'))).toEqual([
      `"taskTime",,,"log-call",,,,"under-30s","runs",5,${F},,"guided"`,
      `"taskTime",,,"log-call",,,,"30s-2m","runs",0,${F},,"guided"`,
      `"taskTime",,,"log-call",,,,"2m-10m","runs",0,${F},,"guided"`,
      `"taskTime",,,"log-call",,,,"over-10m","runs",0,${F},,"guided"`,
      `"taskTime",,,"log-call",,,,,"runs",5,${F},,"guided"`,
      `"taskTime",,,"log-call",,,,,"medianBucket","under-30s",${F},,"guided"`,
    ]);
    expect(of('taskTime')).toHaveLength(18); // 6 rows for each of the 3 cohorts
    expect(of('surveyScores')).toEqual([
      `"surveyScores",,,"g",2,,,,"scale","0-10","0-10",,`,
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => `"surveyScores",,,"g",2,,,${n},"answers",0,${F},,`),
      `"surveyScores",,,"g",2,,,9,"answers",5,${F},,`,
      `"surveyScores",,,"g",2,,,10,"answers",0,${F},,`,
    ]);
    expect(of('surveyNps')).toEqual([
      `"surveyNps",,,"g",2,,,,"promoters",5,${F},,`,
      `"surveyNps",,,"g",2,,,,"passives",0,${F},,`,
      `"surveyNps",,,"g",2,,,,"detractors",0,${F},,`,
      `"surveyNps",,,"g",2,,,,"score",100,${F},,`,
      `"surveyNps",,,"g",2,,,,"scoreLower",17.49,${F},,`,
      `"surveyNps",,,"g",2,,,,"scoreUpper",100,${F},,`,
    ]);
    expect(of('unusedPages')).toEqual([
      `"unusedPages","rep",,,,,"home",,"status","unopened",,,`,
      `"unusedPages","rep",,,,,"home",,"views",${F},5,${F},`,
      `"unusedPages","rep",,,,,"home",,"viewsPerUserWeek",${F},${F},${F},`,
      `"unusedPages","rep",,,,,,,"steadyPageTypes",0,,,`,
    ]);
  });
});

describe('rate limit buckets', () => {
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

describe('when guidance started', () => {
  const active = (day: string, cohort: string, n: number) =>
    ({ ...row('first.activeDay', { day, count: n, contributors: n }), cohort }) as CounterRow;

  it('is the first day with k guided installations after observe-only ones', () => {
    const rows = [
      active('2026-05-01', 'observe', 9),
      active('2026-05-04', 'guided', 2), // a pilot of two: not enough to date it
      active('2026-05-05', 'guided', 6),
      active('2026-05-06', 'guided', 8),
    ];
    expect(guidanceStartOf(rows, 5)).toBe('2026-05-05');
    expect(guidanceStartOf(rows, 1)).toBe('2026-05-04');
  });

  it('is null without an observe-only period before it', () => {
    expect(guidanceStartOf([active('2026-05-05', 'guided', 9)], 5)).toBeNull();
    expect(guidanceStartOf([active('2026-05-05', 'observe', 9)], 5)).toBeNull();
  });
});
