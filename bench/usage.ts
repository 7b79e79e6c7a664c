/**
 * Usage events through the real path: the content script's recorder on a demo CRM page (called
 * in the content script's own world, over the DevTools protocol) → batched messages → the
 * background → Dexie. Measures persisted events per second and the cost of one record call.
 */
import type { CDPSession, Page } from '@playwright/test';
import { storedEventCount } from '../scripts/chromium';
import { launch } from './browser';

/** The id of the content scripts' isolated world in the page's main frame. */
async function contentWorld(cdp: CDPSession, page: Page): Promise<number> {
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] =
    [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const frameId = (
    (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }
  ).frameTree.frame.id;
  for (let i = 0; i < 50; i++) {
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' && c.name === 'Waymark' && c.auxData.frameId === frameId,
    );
    if (world) return world.id;
    await page.waitForTimeout(100);
  }
  throw new Error('The content script world did not appear');
}

async function evaluate<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

export interface UsageBench {
  events: number;
  persistSeconds: number;
  /** Median cost of one record() call, from chunks of 1,000 calls. */
  recordMedianMicros: number;
  recordP95Micros: number;
}

export async function usageThroughput(crm: string, events: number): Promise<UsageBench> {
  const context = await launch(true);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${crm}/app/home?delay=0`);
    const cdp = await context.newCDPSession(page);
    const world = await contentWorld(cdp, page);
    const countStored = () => storedEventCount(context);
    await page.waitForTimeout(1500); // the page view of the load is in; measure only ours
    const before = await countStored();
    const started = Date.now();
    const chunks = await evaluate<number[]>(
      cdp,
      world,
      `(() => {
        const recorder = globalThis.__waymarkUsage;
        const chunkMs = [];
        for (let done = 0; done < ${events}; done += 1000) {
          const t0 = performance.now();
          for (let i = 0; i < 1000; i++) {
            recorder.record({ at: Date.now(), kind: 'step.shown', crm: 'demo', pageType: 'home',
              guideId: 'bench', guideVersion: 1, stepId: 's' + (i % 7) });
          }
          chunkMs.push(performance.now() - t0);
        }
        recorder.flush();
        return chunkMs;
      })()`,
    );
    while ((await countStored()) - before < events) {
      if (Date.now() - started > 120_000)
        throw new Error('events were not all persisted in 2 minutes');
      await page.waitForTimeout(50);
    }
    const persistSeconds = (Date.now() - started) / 1000;
    const perCall = chunks.map((ms) => (ms * 1000) / 1000).sort((a, b) => a - b);
    return {
      events,
      persistSeconds,
      recordMedianMicros: perCall[Math.floor(perCall.length / 2)] ?? NaN,
      recordP95Micros: perCall[Math.floor(perCall.length * 0.95)] ?? NaN,
    };
  } finally {
    await context.close();
  }
}
