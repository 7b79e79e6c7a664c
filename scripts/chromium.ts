/**
 * Chromium with the built extension loaded, headless: shared by the end-to-end fixtures, the
 * benchmarks and `npm run guides:doctor`, so all of them see the extension the same way.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEventLogHere } from './eventLog';

/** The build people install: its step UI's shadow root is closed. */
export const SHIPPED_DIR = resolve('.output/chrome-mv3');
/**
 * The same build with the step UI's shadow root open (`npm run build:e2e`), for Playwright's
 * locators and the benchmarks that watch a step appear.
 */
export const INSPECTABLE_DIR = resolve('.output/chrome-mv3-e2e');
/** WAYMARK_EXTENSION_DIR points at another build (e.g. a copy kept aside while others rebuild). */
export const EXTENSION_DIR = resolve(process.env.WAYMARK_EXTENSION_DIR ?? SHIPPED_DIR);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags, with the build loaded from `extensionDir` (null: none is loaded). */
export function launchArgs(extensionDir: string | null = EXTENSION_DIR): string[] {
  return [
    ...(extensionDir === null
      ? []
      : [
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
          '--disable-background-networking',
        ]),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Chromium as an organisation's machines run it: nothing loaded from a folder, the extension comes
 * by policy (`ExtensionInstallForcelist`). Playwright's defaults turn extensions and the update
 * checks that fetch them off, so those defaults are left out here.
 */
export function launchManagedBrowser(userDataDir = ''): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
    args: launchArgs(null),
  });
}

/** The sentence to show when there is no build to load; null when there is one. */
export function missingExtension(extensionDir = EXTENSION_DIR): string | null {
  return existsSync(`${extensionDir}/manifest.json`)
    ? null
    : `No built extension in ${extensionDir}: run \`npm run build\` first.`;
}

/**
 * Chromium with the built extension. An empty `userDataDir` is a throw-away profile; a directory
 * keeps the profile (storage, alarms, sign-ins) for a later launch, as a browser restart does.
 * `extraArgs` adds flags (e.g. host resolver rules for pages served at a CRM's host name).
 */
export function launchBrowser(
  userDataDir = '',
  extensionDir = EXTENSION_DIR,
  extraArgs: readonly string[] = [],
): Promise<BrowserContext> {
  const missing = missingExtension(extensionDir);
  if (missing) throw new Error(missing);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...launchArgs(extensionDir), ...extraArgs],
  });
}

/** The extension's id: the host of its service worker's URL. */
export async function extensionIdOf(context: BrowserContext, timeout?: number): Promise<string> {
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout }));
  return new URL(worker.url()).host;
}

/** Resolves once Chrome has answered for the extension's managed policy (there may be none). */
export async function policyAnswered(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { managed: { get(keys: null): Promise<unknown> } } };
    };
    await chrome.storage.managed.get(null).catch(() => undefined);
  });
}

/** Reads the extension's event log in its service worker (scripts/eventLog.ts). */
async function readEventLog<T>(context: BrowserContext, countOnly: boolean): Promise<T> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return (await worker.evaluate(readEventLogHere, countOnly)) as T;
}

/** Every usage event the extension stored, in log order, read from its own IndexedDB. */
export const storedEvents = (context: BrowserContext) =>
  readEventLog<Record<string, unknown>[]>(context, false);

export const storedEventCount = (context: BrowserContext) => readEventLog<number>(context, true);
