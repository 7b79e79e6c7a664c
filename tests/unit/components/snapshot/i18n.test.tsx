// @vitest-environment happy-dom
/** The views in a German browser: Waymark's own words are German, and no English one is left. */
import { cleanup, render } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as de from '../../../../core/i18n/de';
import * as en from '../../../../core/i18n/en';
import { buildSnapshot } from '../../../../core/snapshot';
import { row } from '../../helpers/counterRow';

const guide = { guide: 'log-call', version: 1, pageType: 'opportunity:record' };
const rows = [
  row('first.activeDay', { count: 7, contributors: 7 }),
  row('first.activeWeek', { count: 7, contributors: 7 }),
  row('guide.started', { ...guide, count: 1200, contributors: 7 }),
  row('guide.completed', { ...guide, count: 900, contributors: 6 }),
  row('step.shown', { ...guide, step: 'open', count: 12, contributors: 7 }),
  row('field.empty', { pageType: 'opportunity:edit', field: 'Next', count: 30, contributors: 6 }),
];

/** English strings of an area that German writes differently (long enough to be unambiguous). */
function englishOnly(area: Record<string, unknown>, german: Record<string, unknown>): string[] {
  return Object.entries(area).flatMap(([key, value]) =>
    typeof value === 'string' && value.length > 4 && value !== german[key] ? [value] : [],
  );
}

describe('in a German browser', () => {
  const noCanvas = vi.spyOn(console, 'error');
  beforeAll(() => {
    noCanvas.mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Failed to create chart')) throw new Error(String(args[0]));
    });
    vi.stubGlobal('navigator', { ...navigator, language: 'de-DE' });
    vi.resetModules();
  });
  afterEach(cleanup);
  afterAll(() => {
    noCanvas.mockRestore();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('the snapshot views read German, with German numbers', async () => {
    const { SnapshotView } = await import('../../../../components/snapshot/SnapshotView');
    const snapshot = buildSnapshot([...rows, ...rows.map((r) => ({ ...r, day: '2026-04-27' }))], {
      period: { from: '2026-05-04', to: '2026-05-10' },
      baseline: { from: '2026-04-27', to: '2026-05-03' },
      k: 5,
    });
    const { container } = render(<SnapshotView snapshot={snapshot} />);
    const text = container.textContent ?? '';
    expect(text).toContain(de.snapshot.guidesTitle);
    expect(text).toContain('Zeitraum:');
    expect(container.querySelector('td[data-metric="started"] [data-of="now"]')?.textContent).toBe(
      '1.200',
    );
    expect(
      container.querySelector('td[data-metric="completionRate"] [data-of="now"]')?.textContent,
    ).toBe('75\u00a0%');
    for (const english of englishOnly(en.snapshot, de.snapshot)) {
      expect(text, english).not.toContain(english);
    }
  });

  it('the step card and a missing target read German', async () => {
    const { StepCard } = await import('../../../../runtime/ui/StepCard');
    const { MissingTarget } = await import('../../../../runtime/ui/MissingTarget');
    const noop = () => undefined;
    const on = {
      next: noop,
      back: noop,
      skip: noop,
      exit: noop,
      reveal: noop,
      toggle: noop,
      answer: noop,
      askChampion: noop,
      snooze: noop,
      never: noop,
    };
    const { container } = render(
      <StepCard
        step={{ id: 's', kind: 'modal', title: 'Hallo' }}
        guideTitle="Tour"
        textLang={{ title: 'de', body: 'de', own: '' }}
        index={1}
        total={3}
        anchored={false}
        expanded
        champion={{ name: 'Dana', link: 'https://chat.example/c/sales' }}
        on={on}
      />,
    );
    expect(container.textContent).toContain('Schritt 2 von 3');
    expect(container.querySelector('.wm-champion a')?.textContent).toBe(
      'Nicht weiter? Fragen Sie Dana',
    );
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Anleitung schließen',
      'Zurück',
      'Weiter',
    ]);
    const missing = render(
      <MissingTarget guideTitle="Tour" onRetry={noop} onSkip={noop} onExit={noop} />,
    );
    expect(missing.container.textContent).toContain('Der nächste Schritt von „Tour“');
  });
});
