// @vitest-environment happy-dom
/** Guide health at the top of the dashboard: flagged steps only, in words, with the doctor's command. */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { addDays, buildSnapshot, type CounterRow } from '../../../../core/snapshot';
import type { ServedSnapshot } from '../../../../components/dashboard/api';
import { GuideHealth } from '../../../../components/dashboard/GuideHealth';
import { row } from '../../helpers/counterRow';

const LATEST = '2026-05-11';
const step = { guide: 'log-call', version: 2, step: 'open', pageType: 'opportunity:record' };
const on = (day: string, kind: CounterRow['kind'], count: number, field = '') =>
  row(kind, { ...step, day, field, count, contributors: count });
const week = [1, 2, 3, 4, 5, 6, 7].map((back) => on(addDays(LATEST, -back), 'step.shown', 40));

function served(rows: CounterRow[]): ServedSnapshot {
  const snapshot = buildSnapshot(rows, { period: { from: LATEST, to: LATEST }, k: 5 });
  return {
    ...snapshot,
    schemaVersion: 1,
    org: 'acme',
    labels: { guides: { 'log-call': 'Log a call' } },
    choices: { roles: {}, guides: { 'log-call': 'Log a call' } },
  };
}

describe('guide health on the dashboard', () => {
  it('lists each flagged step with its rates, the strategies that failed and the doctor command', () => {
    render(
      <GuideHealth
        snapshot={served([
          ...week,
          on(LATEST, 'step.shown', 24),
          on(LATEST, 'target.missing', 6),
          on(LATEST, 'target.strategyFailed', 6, 'anchor'),
          on(LATEST, 'target.strategyFailed', 5, 'text'),
        ])}
      />,
    );
    const section = screen.getByRole('region', { name: 'Guide steps losing their target' });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    const item = items[0] as HTMLElement;
    expect(within(item).getByRole('heading', { level: 3 }).textContent).toBe(
      'Log a call, version 2, step “open”',
    );
    expect(item.textContent).toContain(
      '20% of 30 runs, against 0% of 280 runs in the 7 days before',
    );
    expect(item.textContent).toContain('Found nothing: anchor (6×), text (5×).');
    expect(item.textContent).toContain('Page type: opportunity:record.');
    expect(within(item).getByText('npm run guides:doctor -- --url URL-OF-THAT-PAGE').tagName).toBe(
      'CODE',
    );
  });

  it('keeps a week’s misses hidden when fewer than k people missed, and says so', () => {
    const { container } = render(
      <GuideHealth
        snapshot={served([
          ...week,
          // One person missed it three times in the week before.
          row('target.missing', { ...step, day: addDays(LATEST, -2), count: 3, contributors: 1 }),
          on(LATEST, 'step.shown', 24),
          on(LATEST, 'target.missing', 6),
        ])}
      />,
    );
    const item = within(container as HTMLElement).getByRole('listitem');
    expect(item.textContent).toContain(
      '20% of 30 runs, against 283 runs in the 7 days before, whose misses came from fewer than 5 people.',
    );
    expect(item.textContent).not.toMatch(/\b3\b|1\.1%/);
  });

  it('shows nothing while no step is flagged', () => {
    const { container } = render(
      <GuideHealth snapshot={served([...week, on(LATEST, 'step.shown', 30)])} />,
    );
    expect(container.childElementCount).toBe(0);
  });
});
