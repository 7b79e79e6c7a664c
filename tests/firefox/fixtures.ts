/**
 * The Firefox suite's fixtures: each test gets a fresh Firefox ESR profile with the Firefox
 * package installed (scripts/firefox.ts) and a tab on the demo CRM. Playwright Test runs the suite;
 * puppeteer-core drives the browser, as Playwright's own Firefox cannot be installed here.
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { serveDemo } from '../demoServer';
import { launchFirefox } from '../../scripts/firefox';

export { expect };

interface Fixtures {
  firefox: Browser;
  /** A tab for the CRM; uncaught errors in it fail the test. */
  tab: Page;
  /** Base URL of the demo CRM. */
  crm: string;
}

export const test = base.extend<Fixtures, { demo: { url: string } }>({
  demo: [serveDemo, { scope: 'worker' }],
  crm: async ({ demo }, use) => use(demo.url),
  // eslint-disable-next-line no-empty-pattern
  firefox: async ({}, use) => {
    const { browser } = await launchFirefox();
    await use(browser);
    await browser.close();
  },
  tab: async ({ firefox }, use) => {
    const [first] = await firefox.pages();
    const tab = first ?? (await firefox.newPage());
    const errors: string[] = [];
    tab.on('pageerror', (error: unknown) =>
      errors.push(error instanceof Error ? error.message : String(error)),
    );
    await use(tab);
    expect(errors, 'uncaught errors in the CRM page').toEqual([]);
  },
});

const CARD = 'waymark-layer >>> [role=dialog], waymark-layer >>> [role=alertdialog]';

/** The text of the step bubble Waymark shows, or null while none is shown. */
export async function stepText(tab: Page): Promise<string | null> {
  const card = await tab.$(CARD);
  return card ? card.evaluate((element) => element.textContent) : null;
}

/** Waits until the step bubble shows `text`. */
export async function expectStep(tab: Page, text: string): Promise<void> {
  await expect.poll(() => stepText(tab), { timeout: 15_000 }).toContain(text);
}

/** Clicks a button of the step bubble by its visible name. */
export async function clickInStep(tab: Page, name: string): Promise<void> {
  await tab.locator(`waymark-layer >>> button::-p-text(${name})`).click();
}
