/**
 * Main-thread cost of Waymark on a heavy CRM-like page (10,000 nodes, DOM mutations every
 * frame), two ways in the same run:
 * - the page's task time per frame with the extension against the same page without it, in
 *   pairs of runs alternating which goes first (noisy: the page alone varies by several %);
 * - the time the page's thread spent in Waymark's own scripts, from a sampling profile of the
 *   runs with the extension, as a share of the page's task time (direct, so far less noisy).
 * Idle: no guide is due on the page. Observed: a workflow is tracked passively on the page, and
 * the user clicks around it ten times a second (in both runs of a pair).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { extensionIdOf } from '../scripts/chromium';
import { launch } from './browser';

export type Workload = 'idle' | 'observed';

/** A manual guide on the heavy page: never shown, so its steps are watched as a workflow. */
const HEAVY_WORKFLOW = {
  schemaVersion: 1,
  id: 'bench-heavy-rows',
  version: 1,
  title: 'Open a row on the heavy page',
  roles: ['rep', 'manager', 'service', 'admin', 'trainer'],
  crm: 'demo',
  match: { url: '/bench/heavy.html' },
  launch: { mode: 'manual' },
  steps: [
    {
      id: 'heading',
      kind: 'tooltip',
      target: { role: 'heading', text: 'Heavy page' },
      title: 'The page',
      body: 'Click the heading.',
      advance: { on: 'click' },
    },
    {
      id: 'row',
      kind: 'tooltip',
      target: { css: '[data-row="500"] td', text: 'alpha-500.0' },
      title: 'A row',
      body: 'Click the row.',
      advance: { on: 'click' },
    },
  ],
};

const CLICK_EVERY_MS = 100;
/** Profiler sampling period: fine enough for a handler that runs well under a millisecond. */
const SAMPLE_MICROS = 200;

export interface OverheadRun {
  /** Main-thread task seconds per mutated frame. */
  taskPerFrame: number;
  /** Main-thread task seconds over the run. */
  taskSeconds: number;
  /** Seconds the profile spent in Waymark's scripts and what they called. */
  waymarkSeconds: number;
  clicks: number;
}

export interface OverheadResult {
  withExtension: OverheadRun[];
  without: OverheadRun[];
}

async function importWorkflow(context: BrowserContext): Promise<void> {
  const id = await extensionIdOf(context);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const result = (await options.evaluate(
    (text) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({
        type: 'guides:import',
        data: { files: [{ name: 'bench-heavy-rows.json', text }] },
      }),
    JSON.stringify(HEAVY_WORKFLOW),
  )) as { imported: unknown[]; problems: unknown[] };
  await options.close();
  if (result.imported.length !== 1) {
    throw new Error(`the bench workflow was not imported: ${JSON.stringify(result.problems)}`);
  }
}

/** Profile time spent under a frame of an extension script (the content-script world's). */
function waymarkSecondsOf(profile: {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const url = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let known = ours.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known =
        (url.get(id) ?? '').startsWith('chrome-extension://') || (up !== undefined && isOurs(up));
      ours.set(id, known);
    }
    return known;
  };
  let micros = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (isOurs(id)) micros += profile.timeDeltas?.[i] ?? 0;
  });
  return micros / 1e6;
}

async function measure(
  context: BrowserContext,
  url: string,
  seconds: number,
  workload: Workload,
): Promise<OverheadRun> {
  const page: Page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.waitForFunction('(window.__heavy?.frames ?? 0) > 10');
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_MICROS });
  const taskDuration = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const frames = () => page.evaluate('window.__heavy.frames') as Promise<number>;
  const [start, startFrame] = [await taskDuration(), await frames()];
  await cdp.send('Profiler.start');
  let clicks = 0;
  const end = Date.now() + seconds * 1000;
  if (workload === 'observed') {
    // Trusted clicks over the table and its heading, as a busy user makes them.
    while (Date.now() < end) {
      await page.mouse.click(60 + (clicks % 5) * 90, 12 + (clicks % 9) * 40);
      clicks++;
      await page.waitForTimeout(CLICK_EVERY_MS);
    }
  } else {
    await page.waitForTimeout(seconds * 1000);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const [taskSeconds, endFrame] = [(await taskDuration()) - start, await frames()];
  await cdp.detach();
  return {
    // Per mutated frame: runs that rendered a few more or fewer frames stay comparable.
    taskPerFrame: taskSeconds / Math.max(1, endFrame - startFrame),
    taskSeconds,
    waymarkSeconds: waymarkSecondsOf(profile),
    clicks,
  };
}

/**
 * Paired runs, alternating which goes first; a first pair warms the machine up and is dropped.
 * Each pair gives one ratio, so slow spells of the machine affect both sides of a pair.
 */
export async function mainThreadOverhead(
  crm: string,
  workload: Workload,
  rounds: number,
  seconds: number,
): Promise<OverheadResult> {
  const url = `${crm}/bench/heavy.html`;
  const result: OverheadResult = { withExtension: [], without: [] };
  for (let i = 0; i <= rounds; i++) {
    const pair: Partial<Record<'with' | 'without', OverheadRun>> = {};
    for (const withExtension of i % 2 === 0 ? [true, false] : [false, true]) {
      const context = await launch(withExtension);
      try {
        if (withExtension && workload === 'observed') await importWorkflow(context);
        pair[withExtension ? 'with' : 'without'] = await measure(context, url, seconds, workload);
      } finally {
        await context.close();
      }
    }
    if (i === 0 || !pair.with || !pair.without) continue; // warm-up
    result.withExtension.push(pair.with);
    result.without.push(pair.without);
  }
  return result;
}
