// @vitest-environment happy-dom
/** The announcement bar: a labelled region whose text stays text, its link, and its keys. */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnouncementBar } from '../../../../runtime/ui/AnnouncementBar';

function bar(link?: { label: string; href?: string }) {
  const onDismiss = vi.fn();
  // The test document goes nowhere: a followed link stays on the page.
  const onFollow = vi.fn((event: Event) => event.preventDefault());
  const view = render(
    <AnnouncementBar
      text={'**New**: <img src=x onerror="alert(1)"> [more](javascript:alert(1))'}
      link={link}
      onDismiss={onDismiss}
      onFollow={onFollow}
    />,
  );
  return { view, onDismiss, onFollow };
}

describe('the announcement bar', () => {
  afterEach(cleanup);

  it('is a labelled region whose guide text is text, never markup', () => {
    const { view } = bar();
    const region = view.getByRole('region', { name: 'Announcement' });
    expect(region.querySelector('img')).toBeNull();
    expect(region.querySelector('strong')?.textContent).toBe('New');
    // An unsafe link in the text stays its words.
    expect(region.querySelectorAll('a')).toHaveLength(0);
    expect(region.textContent).toContain('[more](javascript:alert(1))');
  });

  it('opens a page in the CRM in place, and another site in a new tab without an opener', () => {
    const inCrm = bar({ label: 'See', href: '/app/reports' });
    expect(inCrm.view.getByRole('link', { name: 'See' }).getAttribute('target')).toBeNull();
    cleanup();
    const away = bar({ label: 'Read', href: 'https://intranet.example/news' });
    const link = away.view.getByRole('link', { name: 'Read' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    fireEvent.click(link);
    expect(away.onFollow).toHaveBeenCalledTimes(1);
  });

  it('starts a guide with a button, and is dismissed by its button or Escape inside it', () => {
    const { view, onDismiss, onFollow } = bar({ label: 'Show me how' });
    fireEvent.click(view.getByRole('button', { name: 'Show me how' }));
    expect(onFollow).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(view.getByRole('button', { name: 'Show me how' }), { key: 'Enter' });
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.keyDown(view.getByRole('button', { name: 'Show me how' }), { key: 'Escape' });
    fireEvent.click(view.getByRole('button', { name: 'Dismiss announcement' }));
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
