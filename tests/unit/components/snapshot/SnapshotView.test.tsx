// @vitest-environment happy-dom
/** The shared snapshot views: what a reader of the tables sees for each kind of figure. */
import { render, screen, within } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSnapshot } from '../../../../core/snapshot';
import { choiceFromHash } from '../../../../components/dashboard/Dashboard';
import { formatCell, formatDelta } from '../../../../components/snapshot/format';
import { SnapshotView } from '../../../../components/snapshot/SnapshotView';
import { row } from '../../helpers/counterRow';

const guide = { guide: 'log-call', version: 1, pageType: 'opportunity:record' };
const rows = [
  row('first.activeDay', { count: 7, contributors: 7 }),
  row('first.activeWeek', { count: 7, contributors: 7 }),
  row('guide.started', { ...guide, count: 12, contributors: 7 }),
  row('guide.completed', { ...guide, count: 9, contributors: 6 }),
  // Two browsers dismissed it: fewer than k = 5.
  row('guide.dismissed', { ...guide, count: 2, contributors: 2 }),
  row('step.shown', { ...guide, step: 'open', count: 12, contributors: 7 }),
  row('step.completed', { ...guide, step: 'open', count: 10, contributors: 7 }),
  row('step.skipped', { ...guide, step: 'open', count: 1, contributors: 1 }),
  row('field.empty', {
    pageType: 'opportunity:edit',
    field: 'Next Step',
    count: 30,
    contributors: 6,
  }),
];
const period = { from: '2026-05-04', to: '2026-05-10' };

describe('snapshot views', () => {
  // happy-dom has no canvas to draw on: the charts are drawn in the browser tests, the tables here.
  const noCanvas = vi.spyOn(console, 'error');
  beforeAll(() =>
    noCanvas.mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Failed to create chart')) throw new Error(String(args[0]));
    }),
  );
  afterAll(() => noCanvas.mockRestore());

  it('shows figures, and "fewer than k" wherever a cell is suppressed', () => {
    const snapshot = buildSnapshot(rows, { period, k: 5 });
    const { container } = render(
      <SnapshotView snapshot={snapshot} labels={{ guides: { 'log-call': 'Log a call' } }} />,
    );
    const runs = container.querySelector('[data-guide="log-call@1"] tr[data-item="log-call@1"]');
    expect(runs).not.toBeNull();
    const cell = (metric: string) =>
      runs?.querySelector(`td[data-metric="${metric}"]`)?.textContent;
    expect(cell('started')).toBe('12');
    expect(cell('completionRate')).toBe('75%');
    expect(cell('dismissRate')).toBe('fewer than 5');
    const fields = screen.getByRole('table', { name: 'Page type opportunity:edit' });
    expect(within(fields).getByRole('row', { name: /Next Step/ }).textContent).toContain('30');
    // No suppressed figure leaks as a number anywhere in the page.
    expect(container.textContent).not.toMatch(/Dismissed\s*2\b/);
  });

  it('puts the baseline and the change beside each figure when there is a baseline', () => {
    const before = rows.map((r) => ({ ...r, day: '2026-04-27' }));
    const snapshot = buildSnapshot(
      [...before, ...rows.map((r) => ({ ...r, count: r.count * 2 }))],
      {
        period,
        baseline: { from: '2026-04-27', to: '2026-05-03' },
        k: 5,
      },
    );
    const { container } = render(<SnapshotView snapshot={snapshot} />);
    const started = (of: string) =>
      container.querySelector(
        `tr[data-item="log-call@1"] td[data-metric="started"] [data-of="${of}"]`,
      )?.textContent;
    expect([started('now'), started('baseline'), started('delta')]).toEqual(['24', '12', '+12']);
    // One column per figure: the baseline and the change are in the figure's own cell, read out
    // with their names.
    const cell = container.querySelector('tr[data-item="log-call@1"] td[data-metric="started"]');
    expect(cell?.textContent).toBe('24baseline 12 · change +12');
  });
});

describe('figure formats', () => {
  it('reads counts, rates, scores and changes as people write them', () => {
    expect(formatCell(1234, 'count', 5)).toBe('1,234');
    expect(formatCell(0.4567, 'rate', 5)).toBe('45.7%');
    expect(formatCell(3.5, 'score', 5)).toBe('3.50');
    expect(formatCell({ suppressed: true }, 'rate', 7)).toBe('fewer than 7');
    expect(formatDelta(-0.05, 'rate', 5)).toBe('\u22125 pts');
    expect(formatDelta(0, 'count', 5)).toBe('\u00b10');
    expect(formatDelta(3, 'count', 5)).toBe('+3');
    // With k = 1 nothing is hidden: no figure means nothing was recorded.
    expect(formatCell({ suppressed: true }, 'count', 1)).toBe('none');
  });

  it('rounds a rate half way up as it is written, not as floating point multiplies it', () => {
    // 0.5145 × 100 is 51.449999… in floating point.
    expect(formatCell(0.5145, 'rate', 5)).toBe('51.5%');
    expect(formatDelta(0.0145, 'rate', 5)).toBe('+1.5 pts');
    expect(formatCell(0.5144, 'rate', 5)).toBe('51.4%');
  });
});

describe('the dashboard address', () => {
  it('reads a period and baseline from the fragment, and ignores what does not make sense', () => {
    expect(
      choiceFromHash(
        '#from=2026-05-01&to=2026-05-31&baselineFrom=2026-04-01&baselineTo=2026-04-30',
      ),
    ).toEqual({
      period: { from: '2026-05-01', to: '2026-05-31' },
      baseline: { from: '2026-04-01', to: '2026-04-30' },
      filter: {},
    });
    expect(choiceFromHash('#from=2026-05-01&to=2026-05-31&baselineFrom=2026-04-30')).toEqual({
      period: { from: '2026-05-01', to: '2026-05-31' },
      baseline: null,
      filter: {},
    });
    // The filters too; what is not a CRM, role, cohort, guide or version is left out.
    expect(
      choiceFromHash(
        '#from=2026-05-01&to=2026-05-31&crm=salesforce&role=rep&cohort=guided&guide=log-call&version=3',
      )?.filter,
    ).toEqual({ crm: 'salesforce', role: 'rep', cohort: 'guided', guide: 'log-call', version: 3 });
    expect(
      choiceFromHash(
        '#from=2026-05-01&to=2026-05-31&crm=oracle&role=<b>&cohort=all&guide=Log%20call&version=2',
      )?.filter,
    ).toEqual({});
    // A version without its guide means nothing.
    expect(choiceFromHash('#from=2026-05-01&to=2026-05-31&version=2')?.filter).toEqual({});
    expect(choiceFromHash('#from=2026-05-31&to=2026-05-01')).toBeNull();
    expect(choiceFromHash('#from=<script>&to=2026-05-01')).toBeNull();
    expect(choiceFromHash('')).toBeNull();
  });
});

describe('guided vs control', () => {
  const log = { guide: 'log-call', version: 1, pageType: 'opportunity:record' };
  const n = (count: number, contributors = count) => ({ count, contributors });
  const workflowRows = [
    row('guide.started', { ...log, cohort: 'guided', ...n(50) }),
    row('guide.completed', { ...log, cohort: 'guided', ...n(40) }),
    row('workflow.started', { ...log, cohort: 'guided', ...n(20) }),
    row('workflow.completed', { ...log, cohort: 'guided', ...n(16) }),
    row('workflow.started', { ...log, cohort: 'control', ...n(80) }),
    row('workflow.completed', { ...log, cohort: 'control', ...n(48) }),
    row('workflow.abandoned', { ...log, step: 'subject', cohort: 'control', ...n(20) }),
    row('workflow.started', { ...log, cohort: 'observe', ...n(9, 3) }),
  ];
  const week = { from: '2026-05-04', to: '2026-05-10' };

  it('shows each cohort with counts, interval and bar, and says whether the difference is real', () => {
    const snapshot = buildSnapshot(workflowRows, { period: week, k: 5 });
    const { container } = render(<SnapshotView snapshot={snapshot} />);
    const section = container.querySelector('[data-section="workflows"]') as HTMLElement;
    const cell = (cohort: string, metric: string) =>
      section.querySelector(`tr[data-cohort="${cohort}"] td[data-metric="${metric}"]`)?.textContent;
    expect(cell('guided', 'started')).toBe(formatCell(70, 'count', 5));
    expect(cell('guided', 'completed')).toBe(formatCell(56, 'count', 5));
    expect(cell('guided', 'completionRate')).toBe(formatCell(0.8, 'rate', 5));
    expect(cell('guided', 'completionInterval')).toContain(formatCell(0.6918, 'rate', 5));
    expect(cell('control', 'abandonPoint')).toContain('subject');
    expect(cell('observe', 'started')).toBe('fewer than 5');
    expect(section.querySelectorAll('tr[data-cohort="guided"] .rate-bar')).toHaveLength(1);
    expect(section.querySelectorAll('tr[data-cohort="observe"] .rate-bar')).toHaveLength(0);
    const difference = section.querySelector('[data-difference="guided-control"]');
    expect(difference?.textContent).toContain(formatDelta(0.2, 'rate', 5));
    expect(difference?.textContent).toContain('Likely a real effect');

    // 8/10 against 6/10: an interval around 0.
    const small = buildSnapshot(
      [
        row('workflow.started', { ...log, cohort: 'guided', ...n(10) }),
        row('workflow.completed', { ...log, cohort: 'guided', ...n(8) }),
        row('workflow.started', { ...log, cohort: 'control', ...n(10) }),
        row('workflow.completed', { ...log, cohort: 'control', ...n(6) }),
      ],
      { period: week, k: 5 },
    );
    const again = render(<SnapshotView snapshot={small} />).container;
    expect(again.querySelector('[data-difference="guided-control"]')?.textContent).toContain(
      'Could be noise',
    );
  });
});
