/**
 * Waymark in the browser's language: a German browser gets a guide's German text (its
 * `locales.de` blocks) and Waymark's own words in German, in the CRM page, on the options page
 * and in the popup; an English browser sees exactly what it saw before.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import {
  CHROMIUM,
  clickClosing,
  expect,
  launchArgs,
  openPopup,
  startWelcomeTour,
  stepCard,
  test,
} from './fixtures';

/**
 * A German browser. navigator.language follows Playwright's `locale` here, in CRM pages,
 * extension pages and the service worker alike; Chromium's `--lang` flag leaves it at the
 * system's language in headless mode, so it would not make a German browser on its own.
 */
const germanTest = test.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: 'de-DE',
      args: launchArgs(),
    });
    await use(context);
    await context.close();
  },
});

/**
 * Opens the demo home page and starts the welcome tour from the popup, which speaks German here:
 * its button says "… starten" (the guide's title has no German version, so it stays English).
 */
async function startWelcomeTourInGerman(
  page: Page,
  crm: string,
  context: BrowserContext,
  extensionId: string,
) {
  await page.goto(`${crm}/app/home`);
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'de');
  await expect(popup.getByRole('heading', { name: 'Auf dieser Seite' })).toBeVisible();
  await clickClosing(popup, popup.getByRole('button', { name: 'Welcome to Summit CRM starten' }));
  return stepCard(page);
}

/** The root of Waymark's layer in the page, inside its shadow root. */
const layerRoot = (page: Page) => page.locator('waymark-layer .wm-root').first();

germanTest(
  'a German browser gets the guide in German and Waymark’s own words in German',
  async ({ page, crm, context, extensionId }) => {
    const card = await startWelcomeTourInGerman(page, crm, context, extensionId);
    expect(await page.evaluate(() => navigator.language)).toBe('de-DE');

    // The guide's own German text, from the step's `locales.de` block.
    await expect(card.locator('h2')).toHaveText('Willkommen');
    await expect(card).toContainText('Diese Tour zeigt, wo Ihr Tag beginnt.');
    await expect(card.locator('h2')).toHaveAttribute('lang', 'de');
    // Waymark's words around it, and the language the layer declares for them.
    await expect(layerRoot(page)).toHaveAttribute('lang', 'de');
    await expect(card).toContainText('Schritt 1 von 3');
    await expect(card.getByRole('button', { name: 'Anleitung schließen' })).toBeVisible();
    await card.getByRole('button', { name: 'Weiter' }).click();

    await expect(card).toContainText('Ihre offenen Deals');
    await expect(card).toContainText('Schritt 2 von 3');
    await expect(card.getByRole('button', { name: 'Zurück' })).toBeVisible();
    await card.getByRole('button', { name: 'Weiter' }).click();

    await page.getByRole('button', { name: 'Tipp öffnen: Alle Verkaufschancen' }).click();
    await expect(card).toContainText('Die vollständige Liste mit Filtern finden Sie hier.');
    await card.getByRole('button', { name: 'Fertig' }).click();
    await expect(card).toHaveCount(0);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('lang', 'de');
    await expect(options.getByRole('heading', { level: 1, name: 'Meine Aktivität' })).toBeVisible();
    await expect(options.getByRole('heading', { name: 'Synchronisierung' })).toBeVisible();
    await expect(options.getByRole('heading', { name: 'Meine Zahlen' })).toBeVisible();
    await expect(options).toHaveTitle(/Meine Aktivität/);
    await expect(options.getByRole('heading', { name: 'Anleitungen', exact: true })).toBeVisible();
    await options.close();

    // The popup, for the CRM page: its labels, and the role's name, in German.
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.locator('html')).toHaveAttribute('lang', 'de');
    await expect(popup.getByLabel('Ihre Rolle')).toHaveValue('rep');
    await expect(popup.getByLabel('Ihre Rolle').locator('option:checked')).toHaveText('Vertrieb');
    await expect(
      popup.getByRole('heading', { name: 'Ihre Einarbeitungs-Checkliste' }),
    ).toBeVisible();
    await expect(popup.getByText(/1 von \d+ erledigt/)).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Meine Aktivität' })).toBeVisible();
  },
);

test('an English browser sees the guide and Waymark in English, as before', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const card = await startWelcomeTour(page, crm, context, extensionId);
  expect(await page.evaluate(() => navigator.language)).toMatch(/^en\b/);

  await expect(card.locator('h2')).toHaveText('Welcome');
  await expect(card).toContainText('This tour shows where your day starts.');
  // The guide's own text keeps the language the CRM page declares.
  await expect(card.locator('h2')).toHaveAttribute('lang', 'en');
  await expect(layerRoot(page)).toHaveAttribute('lang', 'en');
  await expect(card).toContainText('Step 1 of 3');
  await expect(card.getByRole('button', { name: 'Close guide' })).toBeVisible();
  await card.getByRole('button', { name: 'Next' }).click();

  await expect(card).toContainText('Your open deals');
  await expect(card.getByRole('button', { name: 'Back' })).toBeVisible();
  await card.getByRole('button', { name: 'Next' }).click();

  await page.getByRole('button', { name: 'Open tip: All opportunities' }).click();
  await expect(card).toContainText('The full list, with filters, lives here.');
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  await expect(options.getByRole('heading', { level: 1, name: 'My activity' })).toBeVisible();
  await expect(options).toHaveTitle('Waymark – My activity, sync and guides');
  await options.close();

  const popup = await openPopup(context, extensionId, page);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
  await expect(popup.getByLabel('Your role').locator('option:checked')).toHaveText('Sales rep');
  await expect(popup.getByRole('heading', { name: 'Your onboarding checklist' })).toBeVisible();
});
