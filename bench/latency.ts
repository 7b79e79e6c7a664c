/**
 * Time from a target being inserted into the page to its step being visible (placed on it), in
 * Chromium and in Firefox ESR.
 * The step is the welcome guide's "Your open deals" tooltip on the demo CRM's home page; each
 * trial removes the table, waits until the step is waiting again, re-inserts the table and
 * timestamps, from the page itself, the moment the bubble becomes visible.
 */
import type { BrowserContext } from '@playwright/test';
import { launchFirefox, openExtensionPage, reloadExtensionPage } from '../scripts/firefox';
import { launch } from './browser';

async function startWelcomeAtStepTwo(context: BrowserContext, crm: string) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${crm}/app/home?delay=0`);
  const worker = context.serviceWorkers()[0]!;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  await page.bringToFront();
  await popup.reload();
  await popup.getByRole('button', { name: 'Start Welcome to Summit CRM' }).click();
  const card = page.locator('waymark-layer [role=dialog]');
  await card.getByRole('button', { name: 'Next' }).click();
  await card.getByText('Your open deals').waitFor();
  return page;
}

/**
 * Runs inside the CRM page. Kept as source text: the page must receive plain JavaScript, not
 * functions rewritten by the TypeScript loader.
 */
const TRIALS_IN_PAGE = `async (n) => {
  const cardOf = () =>
    document.querySelector('waymark-layer')?.shadowRoot?.querySelector('[data-floating]');
  const visible = (card) => card?.style.visibility === 'visible';
  const table = document.querySelector('[data-anchor="home.myOpportunitiesTable"]');
  const parent = table.parentElement;
  const samples = [];
  for (let i = 0; i < n; i++) {
    table.remove();
    // Wait until the page's guidance noticed and went back to waiting for its target.
    await new Promise((resolve) => {
      const check = () => (visible(cardOf()) ? requestAnimationFrame(check) : resolve());
      check();
    });
    await new Promise((r) => setTimeout(r, 20));
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!visible(cardOf())) return;
        observer.disconnect();
        hosts.disconnect();
        resolve(performance.now());
      });
      const watch = () => {
        observer.observe(document.documentElement, { childList: true });
        const root = document.querySelector('waymark-layer')?.shadowRoot;
        if (root) observer.observe(root, { subtree: true, attributes: true, childList: true });
      };
      const hosts = new MutationObserver(watch);
      hosts.observe(document.documentElement, { childList: true });
      watch();
    });
    const t0 = performance.now();
    parent.append(table);
    samples.push((await shown) - t0);
  }
  return samples;
}`;

export async function insertToVisible(crm: string, trials: number): Promise<number[]> {
  const context = await launch(true);
  try {
    const page = await startWelcomeAtStepTwo(context, crm);
    return (await page.evaluate(`(${TRIALS_IN_PAGE})(${trials})`)) as number[];
  } finally {
    await context.close();
  }
}

/** The same trials in Firefox ESR, with the Firefox package (scripts/firefox.ts). */
export async function insertToVisibleFirefox(crm: string, trials: number): Promise<number[]> {
  const firefox = await launchFirefox();
  try {
    // A window of its own, as a rep's: Firefox runs a background window's frames slower.
    const page = await firefox.browser.newPage({ type: 'window' });
    await page.goto(`${crm}/app/home?delay=0`);
    const popup = await openExtensionPage(firefox, 'popup.html');
    await page.bringToFront();
    await reloadExtensionPage(popup);
    await popup.locator('::-p-aria([name="Start Welcome to Summit CRM"][role="button"])').click();
    await page.locator('waymark-layer >>> button::-p-text(Next)').click();
    await page.waitForSelector('waymark-layer >>> [role=dialog] ::-p-text(Your open deals)');
    return (await page.evaluate(`(${TRIALS_IN_PAGE})(${trials})`)) as number[];
  } finally {
    await firefox.browser.close();
  }
}
