/** Per-tab facts kept in session storage: they outlive the service worker that wrote them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabMemory } from '../../../background/tabMemory';

describe('tab memory', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands a restarted worker the page a tab showed and the frames observed', async () => {
    const before = createTabMemory(fakeBrowser.storage.session);
    await before.setPageType(7, 'opportunity:record');
    await before.setObserved(7, 0, 'log-call:open');
    await before.setObserved(7, 3, 'log-call:subject');
    await before.setPageType(8, 'account:record');

    // What a worker started after the last one stopped sees: nothing held in memory.
    const after = createTabMemory(fakeBrowser.storage.session);
    expect(await after.lastPageType(7)).toBe('opportunity:record');
    expect(await after.observed(7, 3)).toBe('log-call:subject');
    expect(await after.observed(7, 1)).toBeUndefined();
    await after.setObserved(7, 3, undefined);
    expect(await after.observed(7, 3)).toBeUndefined();

    await after.forgetTab(7);
    expect(await after.lastPageType(7)).toBeUndefined();
    expect(await after.observed(7, 0)).toBeUndefined();
    expect(await after.lastPageType(8)).toBe('account:record');
  });

  it('counts the guides that launched by themselves in a tab, until the tab is forgotten', async () => {
    const tabs = createTabMemory(fakeBrowser.storage.session);
    expect(await tabs.autoLaunches(7)).toBe(0);
    await tabs.setAutoLaunches(7, 1);
    await tabs.setAutoLaunches(8, 2);
    expect(await createTabMemory(fakeBrowser.storage.session).autoLaunches(7)).toBe(1);
    await tabs.forgetTab(7);
    expect(await tabs.autoLaunches(7)).toBe(0);
    expect(await tabs.autoLaunches(8)).toBe(2);
  });
});
