// Auto-launches per page view of a tab: the page and run messages, over a real database.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type WaymarkDb } from '../../../../background/db';
import { createGuidance, pageContextOf } from '../../../../background/guidance';
import { pageHandlers } from '../../../../background/messages/page';
import { runHandlers } from '../../../../background/messages/run';
import type { Services } from '../../../../background/services';
import { createTabMemory } from '../../../../background/tabMemory';
import { createUsageLog } from '../../../../background/usageLog';
import { DEFAULT_ORG } from '../../../../core/org';
import { makeGuide } from '../../helpers/guides';

const HOME = 'http://127.0.0.1:5178/app/home';
const autoGuide = (id: string) => makeGuide({ id, launch: { mode: 'auto', once: true } });

let db: WaymarkDb;
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await db.delete();
});

function messages(ids: string[]) {
  db = openDb(`tabs-${Math.random()}`);
  const guides = ids.map(autoGuide);
  const s = {
    db,
    org: () => DEFAULT_ORG,
    allowedHere: () => true,
    pageContextOf: (url: string) => pageContextOf(url),
    guidance: createGuidance({ db, usage: createUsageLog(db), guides: () => guides }),
    tabs: createTabMemory(fakeBrowser.storage.session),
    refreshAllTabs: async () => undefined,
    // No workflow guides here: the page view's passive tracking has nothing to watch.
    workflows: { routed: async () => undefined, watch: async () => ({ steps: [], anchors: {} }) },
  } as unknown as Services;
  return { ...pageHandlers(s), ...runHandlers(s) };
}

const tab = (id: number, frameId = 0) => ({ url: HOME, tab: { id }, frameId });

describe('auto-launches per page view', () => {
  it('lets one guide launch by itself per page view of a tab, and another tab its own', async () => {
    const m = messages(['one', 'two', 'three']);
    expect((await m['page:guides']({ url: HOME, viewed: true }, tab(1))).autoLaunch?.id).toBe(
      'one',
    );
    const first = await m['run:start']({ guideId: 'one', auto: true }, tab(1));
    await m['run:advance']({ guideId: 'one', stepIndex: 0, action: 'next' }, tab(1));
    expect(first?.run.auto).toBe(true);

    // The same page view (a refresh, or a frame's own page view): nothing more by itself.
    await m['page:guides']({ url: HOME, viewed: true }, tab(1, 2));
    expect((await m['page:guides']({ url: HOME }, tab(1))).autoLaunch).toBeNull();
    expect(await m['run:start']({ guideId: 'two', auto: true }, tab(1))).toBeNull();
    // By hand, it starts.
    expect(await m['run:start']({ guideId: 'two' }, tab(1))).not.toBeNull();
    await m['run:advance']({ guideId: 'two', stepIndex: 0, action: 'next' }, tab(1));

    // Another tab, or the next page view of this one, has a launch of its own.
    expect((await m['page:guides']({ url: HOME, viewed: true }, tab(2))).autoLaunch?.id).toBe(
      'three',
    );
    await m['page:guides']({ url: HOME, viewed: true }, tab(1));
    expect(await m['run:start']({ guideId: 'three', auto: true }, tab(1))).not.toBeNull();
  });

  it('launches nothing by itself for a sender without a tab', async () => {
    const m = messages(['one']);
    expect(await m['run:start']({ guideId: 'one', auto: true }, { url: HOME })).toBeNull();
  });
});
