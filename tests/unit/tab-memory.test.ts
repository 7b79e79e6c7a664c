/** Per-tab facts kept in session storage: they outlive the service worker that wrote them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTabMemory } from '../../background/tabMemory';

describe('tab memory', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands a restarted worker the page a tab showed and the frames observed', async () => {
    const before = createTabMemory(fakeBrowser.storage.session);
    await before.setPageType(7, 'opportunity:record');
    await before.setObserving(7, 0, true);
    await before.setObserving(7, 3, true);
    await before.setPageType(8, 'account:record');

    // What a worker started after the last one stopped sees: nothing held in memory.
    const after = createTabMemory(fakeBrowser.storage.session);
    expect(await after.lastPageType(7)).toBe('opportunity:record');
    expect(await after.observing(7, 3)).toBe(true);
    expect(await after.observing(7, 1)).toBe(false);
    await after.setObserving(7, 3, false);
    expect(await after.observing(7, 3)).toBe(false);

    await after.forgetTab(7);
    expect(await after.lastPageType(7)).toBeUndefined();
    expect(await after.observing(7, 0)).toBe(false);
    expect(await after.lastPageType(8)).toBe('account:record');
  });
});
