/**
 * Main-thread cost of an idle Waymark on a heavy CRM-like page (10,000 nodes, DOM mutations
 * every frame): the page's task time with the extension loaded and no guide active, against the
 * same page without the extension, alternating runs in the same process.
 */
import type { BrowserContext } from '@playwright/test';
import { launch } from './browser';

/** Main-thread task seconds per animation frame of DOM mutations. */
async function taskSecondsPerFrame(
  context: BrowserContext,
  url: string,
  seconds: number,
): Promise<number> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction('(window.__heavy?.frames ?? 0) > 10');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const frames = () => page.evaluate('window.__heavy.frames') as Promise<number>;
  const [start, startFrame] = [await read(), await frames()];
  await page.waitForTimeout(seconds * 1000);
  const [used, endFrame] = [(await read()) - start, await frames()];
  await cdp.detach();
  // Per mutated frame: runs that rendered a few more or fewer frames stay comparable.
  return used / Math.max(1, endFrame - startFrame);
}

export interface IdleResult {
  withExtension: number[];
  without: number[];
}

/**
 * Paired runs, alternating which goes first; a first pair warms the machine up and is dropped.
 * Each pair gives one ratio, so slow spells of the machine affect both sides of a pair.
 */
export async function idleOverhead(
  crm: string,
  rounds: number,
  seconds: number,
): Promise<IdleResult> {
  const url = `${crm}/bench/heavy.html`;
  const result: IdleResult = { withExtension: [], without: [] };
  for (let i = 0; i <= rounds; i++) {
    const pair: Record<'with' | 'without', number> = { with: 0, without: 0 };
    for (const withExtension of i % 2 === 0 ? [true, false] : [false, true]) {
      const context = await launch(withExtension);
      try {
        pair[withExtension ? 'with' : 'without'] = await taskSecondsPerFrame(context, url, seconds);
      } finally {
        await context.close();
      }
    }
    if (i === 0) continue; // warm-up
    result.withExtension.push(pair.with);
    result.without.push(pair.without);
  }
  return result;
}
