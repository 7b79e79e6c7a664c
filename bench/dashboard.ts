/**
 * Dashboard first paint on loopback: an admin who is signed in opens the dashboard of a large
 * org (10,000 people over 90 days, the snapshot bench's data set) at 1280 × 800 in a fresh
 * browser context, so nothing is cached, for its last 30 days against the 30 before. Measured
 * from the start of navigation: the first contentful paint, and the first frame painted with the
 * overview's figures and the sections' charts (the snapshot fetched, rendered and drawn). The
 * baseline is the same page's sign-in screen, which loads the same scripts but fetches and draws
 * nothing.
 *
 *   npx tsx bench/dashboard.ts        (or as part of npm run bench; build the dashboard first)
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays } from '../core/snapshot';
import { startEndpoint } from '../server';
import { createToken } from '../server/tokens';
import { largeDataFile } from './snapshot';
import { CHROMIUM } from '../scripts/chromium';
import { percentile } from './percentile';

export const FIRST_PAINT_GOAL_MS = 1000;
/** The dashboard's session as it keeps it after an admin signed in (components/dashboard). */
const SESSION_KEY = 'waymark.dashboardSession';

export interface DashboardPaint {
  trials: number;
  /** First contentful paint of the signed-in dashboard, ms. */
  contentful: number[];
  /** First frame with the overview's figures, ms. */
  overview: number[];
  /** First frame with every section below it and their charts, ms. */
  charts: number[];
  /** First contentful paint of the sign-in screen (baseline), ms. */
  signIn: number[];
}

/**
 * Runs in the page before its scripts: notes the first frame after the overview's tiles appear,
 * and the first after the sections' charts do.
 */
const WATCH_FIGURES = `
  const painted = (selector, name) => new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window[name] = performance.now();
    }));
  }).observe(document, { childList: true, subtree: true, attributeFilter: ['data-drawn'] });
  painted('.overview .tile', '__overviewPainted');
  painted('.snapshot canvas[data-drawn]', '__chartsPainted');
`;

interface Painted {
  __overviewPainted?: number;
  __chartsPainted?: number;
}

async function signedIn(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
    SESSION_KEY,
    JSON.stringify({ token, snapshots: true }),
  ] as const);
  return page;
}

async function warmUp(browser: Browser, url: string, token: string): Promise<void> {
  const page = await signedIn(browser, token);
  await page.goto(url);
  await page.locator('.overview .tile').first().waitFor();
  await page.context().close();
}

export async function dashboardPaint(trials = 10): Promise<DashboardPaint> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-dashboard-'));
  const data = await largeDataFile();
  // A copy: the endpoint writes a token, and the cached file stays as generated.
  const copy = join(dir, 'endpoint.sqlite');
  copyFileSync(data.file, copy);
  const endpoint = await startEndpoint({ port: 0, sqlitePath: copy, rateLimit: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    if (!endpoint.dashboardUrl)
      throw new Error('Build the dashboard first: npm run build:dashboard');
    const { token } = await createToken(endpoint.store, data.org, 'admin');
    const from = addDays(data.lastDay, -29);
    const view = new URLSearchParams({
      from,
      to: data.lastDay,
      baselineFrom: addDays(from, -30),
      baselineTo: addDays(from, -1),
    });
    const url = `${endpoint.dashboardUrl}#${view.toString()}`;
    // One load unmeasured, as an endpoint that has been running: the first query after a start
    // reads the database file from disk and runs cold code.
    await warmUp(browser, url, token);
    const result: DashboardPaint = { trials, contentful: [], overview: [], charts: [], signIn: [] };
    for (let i = 0; i < trials; i++) {
      for (const admin of [true, false]) {
        const page = admin
          ? await signedIn(browser, token)
          : await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
        if (admin) await page.addInitScript(WATCH_FIGURES);
        await page.goto(url);
        const fcp = () =>
          page.evaluate(
            () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          );
        // Functions, not strings: the page's Content-Security-Policy forbids eval.
        await page.waitForFunction(
          () => performance.getEntriesByName('first-contentful-paint').length > 0,
        );
        if (admin) {
          await page.waitForFunction(
            () =>
              (window as Painted).__overviewPainted !== undefined &&
              (window as Painted).__chartsPainted !== undefined,
          );
          result.contentful.push((await fcp()) ?? NaN);
          const painted = await page.evaluate(() => ({
            overview: (window as Painted).__overviewPainted ?? NaN,
            charts: (window as Painted).__chartsPainted ?? NaN,
          }));
          result.overview.push(painted.overview);
          result.charts.push(painted.charts);
        } else {
          result.signIn.push((await fcp()) ?? NaN);
        }
        await page.context().close();
      }
    }
    return result;
  } finally {
    await browser.close();
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function dashboardReport(paint: DashboardPaint): string[] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const line = (name: string, values: number[]) => {
    const p95 = percentile(values, 95);
    return `  ${name}  median ${ms(percentile(values, 50))}   p95 ${ms(p95)}   goal ${FIRST_PAINT_GOAL_MS} ms   ratio p95/goal ${(p95 / FIRST_PAINT_GOAL_MS).toFixed(2)}`;
  };
  const signIn = percentile(paint.signIn, 50);
  return [
    `Dashboard first paint on loopback, 10,000 people × 90 days (last 30 days vs the 30 before), 1280 × 800, ${paint.trials} cold loads`,
    line('first contentful paint      ', paint.contentful),
    line("overview's figures painted  ", paint.overview),
    line('sections and charts painted ', paint.charts),
    `  baseline: sign-in screen first contentful paint median ${ms(signIn)}   overview/baseline ${(percentile(paint.overview, 50) / signIn).toFixed(2)}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of dashboardReport(await dashboardPaint())) console.log(line);
}
