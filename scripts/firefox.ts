/**
 * Firefox ESR with the built extension, driven over WebDriver BiDi by puppeteer-core: Debian's
 * `firefox-esr` needs no download, and the package is installed as a temporary add-on, as
 * `about:debugging` does.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox package with the step UI's shadow root open (`npm run build:firefox-e2e`). */
export const FIREFOX_INSPECTABLE_DIR = resolve('.output/firefox-mv2-e2e');

export interface FirefoxWithWaymark {
  browser: Browser;
  /** The add-on id Firefox installed the package under. */
  addonId: string;
}

export async function launchFirefox(
  extensionDir = FIREFOX_INSPECTABLE_DIR,
): Promise<FirefoxWithWaymark> {
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
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    enableExtensions: true,
    defaultViewport: { width: 1280, height: 800 },
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return { browser, addonId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
