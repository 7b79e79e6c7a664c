/**
 * Firefox ESR with the built extension, driven over WebDriver BiDi by puppeteer-core: Debian's
 * `firefox-esr` needs no download, and the package is installed as a temporary add-on, as
 * `about:debugging` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox package with the step UI's shadow root open (`npm run build:firefox-e2e`). */
export const FIREFOX_INSPECTABLE_DIR = resolve('.output/firefox-mv2-e2e');
/**
 * The add-on's internal UUID, fixed through Firefox's `extensions.webextensions.uuids` pref so
 * its pages have a known `moz-extension://` address (Firefox draws a random one per profile).
 */
const ADDON_UUID = '5a7e0c1d-2b3f-4e6a-9c8d-7f1e2d3c4b5a';

export interface FirefoxWithWaymark {
  browser: Browser;
  /** The add-on id Firefox installed the package under. */
  addonId: string;
  /** The address of one of the extension's own pages, e.g. `popup.html`. */
  extensionUrl(path: string): string;
}

export interface FirefoxOptions {
  extensionDir?: string;
  /** Where downloads go, without asking. */
  downloadDir?: string;
  /**
   * Grants what the add-on asks for later (an endpoint's origin, consent to what sync sends)
   * without the prompt: the rep's "Allow", as the prompt is the browser's, out of a page's reach.
   */
  allowPermissionRequests?: boolean;
}

/** The add-on id the package declares (Firefox installs it under that id). */
export function addonIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(`${extensionDir}/manifest.json`, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json names no gecko id: not a Firefox build.`);
  return id;
}

export async function launchFirefox({
  extensionDir = FIREFOX_INSPECTABLE_DIR,
  downloadDir,
  allowPermissionRequests = false,
}: FirefoxOptions = {}): Promise<FirefoxWithWaymark> {
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    throw new Error(
      `No Firefox build in ${extensionDir}: run \`npm run build:firefox-e2e\` first.`,
    );
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `No Firefox at ${FIREFOX}: install Debian's firefox-esr (apt-get install firefox-esr) or ` +
        'set FIREFOX_PATH.',
    );
  }
  const id = addonIdOf(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    enableExtensions: true,
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: ADDON_UUID }),
      ...(allowPermissionRequests && { 'extensions.webextOptionalPermissionPrompts': false }),
      ...(downloadDir && {
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      }),
    },
    defaultViewport: { width: 1280, height: 800 },
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return {
      browser,
      addonId,
      extensionUrl: (path) => `moz-extension://${ADDON_UUID}/${path}`,
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Waits until `holds` is true in the page. Asked again and again rather than by
 * `waitForFunction`, which fails outright when the document it asks is replaced under it.
 */
async function waitInPage(page: Page, holds: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate(holds).catch(() => false))) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Opens one of the extension's own pages in a new tab. Firefox moves the tab to the extension's
 * process, and the driver never hears that navigation finish: the page is awaited by its state.
 */
export async function openExtensionPage(firefox: FirefoxWithWaymark, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  page.goto(firefox.extensionUrl(path)).catch(() => undefined);
  await waitInPage(
    page,
    () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
  );
  return page;
}

/** Loads an extension page again (see openExtensionPage for why not `page.reload`). */
export async function reloadExtensionPage(page: Page): Promise<void> {
  // A mark on the old document's window: the reloaded document is the one without it.
  await page.evaluate(() => {
    Object.assign(window, { beforeReload: true });
    location.reload();
  });
  await waitInPage(page, () => !('beforeReload' in window) && document.readyState === 'complete');
}
