// @vitest-environment happy-dom
/** "Remind me later" and "Don't show again": offered on guides that launched by themselves only. */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StepCard } from '../../../../runtime/ui/StepCard';
import type { StepHandlers } from '../../../../runtime/ui/steps/types';

function card(autoLaunched: boolean, on: Partial<StepHandlers> = {}) {
  const noop = () => undefined;
  const handlers: StepHandlers = {
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
    ...on,
  };
  return render(
    <StepCard
      step={{ id: 's', kind: 'modal', title: 'Hello' }}
      guideTitle="Guide"
      textLang={{ title: 'en', body: 'en', own: 'en' }}
      index={0}
      total={2}
      anchored={false}
      expanded
      autoLaunched={autoLaunched}
      on={handlers}
    />,
  );
}

describe('fatigue control on the step card', () => {
  afterEach(cleanup);

  it('offers both choices as buttons on an auto-launched guide, each doing its own thing', () => {
    const snooze = vi.fn();
    const never = vi.fn();
    const { getByRole } = card(true, { snooze, never });
    fireEvent.click(getByRole('button', { name: 'Remind me later' }));
    expect([snooze.mock.calls.length, never.mock.calls.length]).toEqual([1, 0]);
    fireEvent.click(getByRole('button', { name: "Don't show again" }));
    expect([snooze.mock.calls.length, never.mock.calls.length]).toEqual([1, 1]);
  });

  it('offers neither on a guide the rep started', () => {
    const { queryByRole } = card(false);
    expect(queryByRole('button', { name: 'Remind me later' })).toBeNull();
    expect(queryByRole('button', { name: "Don't show again" })).toBeNull();
  });
});
