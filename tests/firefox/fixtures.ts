/**
 * The Firefox suite's fixtures: each test gets a fresh Firefox ESR profile with the Firefox
 * package installed (scripts/firefox.ts) and a tab on the demo CRM. Playwright Test runs the suite;
 * puppeteer-core drives the browser, as Playwright's own Firefox cannot be installed here.
 */
import { test as base, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { SyncStatus } from '../../core/messages';
import { serveDemo } from '../demoServer';
import { readEventLogHere } from '../../scripts/eventLog';
import {
  addonIdOf,
  FIREFOX_INSPECTABLE_DIR,
  launchFirefox,
  openExtensionPage,
  reloadExtensionPage,
  type FirefoxOptions,
  type FirefoxWithWaymark,
} from '../../scripts/firefox';
import { withPolicyLock } from '../policyLock';

export { expect, openExtensionPage, reloadExtensionPage };

/**
 * Firefox's system-wide policy file on Linux (Mozilla's `policies.json`), read once when Firefox
 * starts. Debian's firefox-esr also reads `distribution/policies.json` beside the binary.
 */
export const FIREFOX_POLICIES =
  process.env.WAYMARK_FIREFOX_POLICIES ?? '/etc/firefox/policies/policies.json';

/**
 * Starts Firefox with the package, while no other test's policy file is there to be read; with
 * `policy`, as the organisation's policy for our add-on (`3rdparty` → `Extensions` → our id),
 * written for this start only.
 */
export function startFirefox(
  options: FirefoxOptions,
  policy?: Record<string, unknown>,
): Promise<FirefoxWithWaymark> {
  return withPolicyLock(async () => {
    if (!policy) return launchFirefox(options);
    if (existsSync(FIREFOX_POLICIES)) {
      throw new Error(
        `${FIREFOX_POLICIES} exists: this machine has a Firefox policy of its own, which the ` +
          'policy test will not overwrite (set WAYMARK_FIREFOX_POLICIES to the policy file of ' +
          'the Firefox under test if it reads another).',
      );
    }
    mkdirSync(dirname(FIREFOX_POLICIES), { recursive: true });
    writeFileSync(
      FIREFOX_POLICIES,
      JSON.stringify({
        policies: {
          '3rdparty': {
            Extensions: { [addonIdOf(options.extensionDir ?? FIREFOX_INSPECTABLE_DIR)]: policy },
          },
        },
      }),
    );
    try {
      return await launchFirefox(options);
    } finally {
      rmSync(FIREFOX_POLICIES, { force: true });
    }
  });
}

interface Fixtures {
  /** Whether the add-on's permission requests are granted without a prompt (scripts/firefox.ts). */
  allowPermissionRequests: boolean;
  firefox: FirefoxWithWaymark;
  /** Where the browser saves downloads, without asking. */
  downloads: string;
  /** A tab for the CRM; uncaught errors in it fail the test. */
  tab: Page;
  /** Base URL of the demo CRM. */
  crm: string;
}

export const test = base.extend<Fixtures, { demo: { url: string } }>({
  demo: [serveDemo, { scope: 'worker' }],
  crm: async ({ demo }, use) => use(demo.url),
  // eslint-disable-next-line no-empty-pattern
  downloads: async ({}, use) => use(mkdtempSync(join(tmpdir(), 'waymark-ff-downloads-'))),
  allowPermissionRequests: [false, { option: true }],
  firefox: async ({ downloads, allowPermissionRequests }, use) => {
    const firefox = await startFirefox({ downloadDir: downloads, allowPermissionRequests });
    await use(firefox);
    await firefox.browser.close();
  },
  tab: async ({ firefox }, use) => {
    // A window of its own: Firefox gives focus (and so focus, blur and `change` events) only to
    // a window that has been activated, and the one it starts with never is when driven.
    const tab = await firefox.browser.newPage({ type: 'window' });
    const errors: string[] = [];
    tab.on('pageerror', (error: unknown) =>
      errors.push(error instanceof Error ? error.message : String(error)),
    );
    await use(tab);
    expect(errors, 'uncaught errors in the CRM page').toEqual([]);
  },
});

export const CARD_SELECTOR =
  'waymark-layer >>> [role=dialog], waymark-layer >>> [role=alertdialog]';

/** The text of the step bubble Waymark shows, or null while none is shown. */
export async function stepText(tab: Page): Promise<string | null> {
  const card = await tab.$(CARD_SELECTOR);
  return card ? card.evaluate((element) => element.textContent) : null;
}

/** Waits until the step bubble shows `text`. */
export async function expectStep(tab: Page, text: string): Promise<void> {
  await expect.poll(() => stepText(tab), { timeout: 15_000 }).toContain(text);
}

/** Waits until no step bubble is shown. */
export async function expectNoStep(tab: Page): Promise<void> {
  await expect.poll(() => stepText(tab)).toBeNull();
}

/** Clicks a button of the step bubble by its visible name. */
export async function clickInStep(tab: Page, name: string): Promise<void> {
  await tab.locator(`waymark-layer >>> button::-p-text(${name})`).click();
}

/** The page's visible text, for asserting what a rep reads. */
export const textOf = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

/** Waits until the page's visible text contains `text`. */
export async function expectText(page: Page, text: string | RegExp): Promise<void> {
  const matcher = expect.poll(() => textOf(page), { timeout: 10_000 });
  await (typeof text === 'string' ? matcher.toContain(text) : matcher.toMatch(text));
}

/**
 * Opens the popup as the rep would see it for `crmTab`: the popup reads the active tab, so the
 * CRM tab is brought to the front and the popup loaded again behind it.
 */
export async function openPopup(firefox: FirefoxWithWaymark, crmTab: Page): Promise<Page> {
  const popup = await openExtensionPage(firefox, 'popup.html');
  await crmTab.bringToFront();
  await reloadExtensionPage(popup);
  await popup.waitForSelector('h1::-p-text(Waymark)');
  await expect.poll(() => textOf(popup)).not.toContain('Loading…');
  return popup;
}

/** Every usage event the extension stored, in log order, read from its own IndexedDB. */
export async function storedEvents(
  firefox: FirefoxWithWaymark,
): Promise<Record<string, unknown>[]> {
  const reader = await openExtensionPage(firefox, 'popup.html');
  try {
    return (await reader.evaluate(readEventLogHere, false)) as Record<string, unknown>[];
  } finally {
    await reader.close();
  }
}

/** A selector for the element with this ARIA role and accessible name. */
export const byRole = (role: string, name: string): string =>
  `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/** Starts a guide from the popup's "On this page" list, as a rep does. */
export async function startFromPopup(
  firefox: FirefoxWithWaymark,
  crmTab: Page,
  title: string,
): Promise<void> {
  const popup = await openPopup(firefox, crmTab);
  const start = await popup.waitForSelector(byRole('button', `Start ${title}`));
  // The popup closes itself once the guide is on its way (the click may not hear back); as a
  // tab it is not allowed to, and is closed here.
  const closed = new Promise((resolve) => popup.once('close', resolve));
  await Promise.race([start!.click(), closed]);
  if (!popup.isClosed()) await popup.close();
  await crmTab.bringToFront();
}

/** Picks the rep's role in the popup. */
export async function chooseRole(firefox: FirefoxWithWaymark, role: string): Promise<void> {
  const popup = await openExtensionPage(firefox, 'popup.html');
  const select = byRole('combobox', 'Your role');
  await popup.locator(select).fill(role);
  await expect.poll(() => popup.$eval(select, (e) => (e as HTMLSelectElement).value)).toBe(role);
  await popup.close();
}

/** Asks the background to deliver now, from one of the extension's pages. */
export const syncNow = (extensionPage: Page): Promise<SyncStatus> =>
  extensionPage.evaluate(() =>
    (
      globalThis as unknown as {
        browser: { runtime: { sendMessage(m: unknown): Promise<SyncStatus> } };
      }
    ).browser.runtime.sendMessage({ type: 'sync:now', data: {} }),
  );
