/**
 * End-to-end fixtures: a real Chromium with the real built extension (.output/chrome-mv3) and the
 * demo CRM on a loopback port. Every test gets a fresh browser profile, so storage starts empty.
 */
import {
  test as base,
  expect,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { serveDemo } from '../demoServer';

export { startAcmeEndpoint } from '../acmeEndpoint';
import { extensionIdOf, launchBrowser, policyAnswered, storedEvents } from '../../scripts/chromium';

export {
  CHROMIUM,
  EXTENSION_DIR,
  extensionIdOf,
  launchArgs,
  launchBrowser,
  launchManagedBrowser,
  policyAnswered,
  storedEventCount,
  storedEvents,
} from '../../scripts/chromium';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Base URL of the demo CRM, e.g. http://127.0.0.1:41234 */
  crm: string;
  page: Page;
}

export const test = base.extend<Fixtures, { demo: { url: string } }>({
  demo: [serveDemo, { scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchBrowser();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const id = await extensionIdOf(context);
    // Chrome first answers for the managed policy seconds after the browser starts; tests begin
    // once it has, so that answer never lands in the middle of what a test measures.
    await policyAnswered(context);
    await use(id);
  },
  crm: async ({ demo }, use) => use(demo.url),
  page: async ({ context, extensionId }, use) => {
    void extensionId; // the extension is up before the first CRM page loads
    const page = context.pages()[0] ?? (await context.newPage());
    // Guidance must never throw into the CRM page.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the CRM page').toEqual([]);
  },
});

export { expect };

/** Opens the popup as the rep would see it for `crmPage` (the popup reads the active tab). */
export async function openPopup(context: BrowserContext, extensionId: string, crmPage: Page) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await crmPage.bringToFront();
  await popup.reload();
  await expect(popup.getByRole('heading', { name: 'Waymark' })).toBeVisible();
  return popup;
}

/** Starts a guide from the popup's "On this page" list, as a rep does. */
export async function startFromPopup(
  context: BrowserContext,
  extensionId: string,
  crmPage: Page,
  title: string,
) {
  const popup = await openPopup(context, extensionId, crmPage);
  await clickClosing(popup, popup.getByRole('button', { name: `Start ${title}` }));
}

/**
 * Clicks a popup button that closes the popup: the page may close before the click call
 * returns, which is what the button is for, not a failure.
 */
export async function clickClosing(popup: Page, button: Locator): Promise<void> {
  const closed = popup.waitForEvent('close');
  await button.click().catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
  await closed;
}

export async function chooseRole(context: BrowserContext, extensionId: string, role: string) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Your role').selectOption(role);
  await expect(popup.getByLabel('Your role')).toHaveValue(role);
  await popup.close();
}

/** The step bubble Waymark shows (inside its shadow root; Playwright locators pierce it). */
export function stepCard(page: Page) {
  return page.locator('waymark-layer [role=dialog], waymark-layer [role=alertdialog]');
}

/** Opens the demo home page (`query` e.g. `?delay=1500` for late content) and starts the tour. */
export async function startWelcomeTour(
  page: Page,
  crm: string,
  context: BrowserContext,
  extensionId: string,
  query = '',
) {
  await page.goto(`${crm}/app/home${query}`);
  await startFromPopup(context, extensionId, page, 'Welcome to Summit CRM');
  return stepCard(page);
}

/** Opens an opportunity record, where "Log a call" starts by itself, and waits for its bubble. */
export async function openRecordWithLogACall(page: Page, crm: string, id: string) {
  await page.goto(`${crm}/app/opportunities/${id}`);
  const card = stepCard(page);
  await expect(card).toContainText('Log the call');
  return card;
}

/** Walks the demo's auto-launched "Log a call" guide as a rep does, typing `subject`. */
export async function walkLogACall(page: Page, subject: string) {
  const card = stepCard(page);
  await expect(card).toContainText('Log the call');
  // Each action after its step shows, as a rep reads it: typing before the subject step is up
  // would be a rep acting on no step, which the guide does not count as the step done.
  await page.getByRole('button', { name: 'Log a Call' }).click();
  await expect(card).toContainText("Use the customer's words");
  await page.getByLabel('Subject').fill(subject);
  await expect(card).toContainText('Save the call');
  await page.locator('[data-anchor="call.save"]').click();
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
}

/** Event kinds in log order, optionally for one guide. */
export async function eventKinds(context: BrowserContext, guideId?: string): Promise<string[]> {
  const events = await storedEvents(context);
  return events
    .filter((e) => guideId === undefined || e.guideId === guideId)
    .map((e) => `${String(e.kind)}${e.stepId ? `:${String(e.stepId)}` : ''}`);
}
