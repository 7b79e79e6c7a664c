// @vitest-environment happy-dom
/** The "Ask a champion" link of a step: shown only for safe links, and counted when followed. */
import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { StepCard } from '../../../../runtime/ui/StepCard';
import type { StepHandlers } from '../../../../runtime/ui/steps/types';

function card(link: string, askChampion = vi.fn()) {
  const noop = () => undefined;
  const on: StepHandlers = {
    next: noop,
    back: noop,
    skip: noop,
    exit: noop,
    reveal: noop,
    toggle: noop,
    answer: noop,
    askChampion,
    snooze: noop,
    never: noop,
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
      champion={{ name: 'Dana (Sales Ops)', link }}
      on={on}
    />,
  );
}

describe('Ask a champion', () => {
  it('opens the champion link in a new tab without the opener, and is counted', () => {
    const asked = vi.fn();
    const { getByRole } = card('https://chat.example/c/sales', asked);
    const link = getByRole('link', { name: 'Stuck? Ask Dana (Sales Ops)' });
    expect(link.getAttribute('href')).toBe('https://chat.example/c/sales');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    fireEvent.click(link);
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('never renders a link that could run script', () => {
    const { container } = card('javascript:alert(1)');
    expect(container.querySelector('.wm-champion')).toBeNull();
  });
});
