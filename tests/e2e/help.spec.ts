/**
 * The in-page help button and panel, as a rep uses them on the demo CRM with the real built
 * extension: found by keyboard, searched, a guide started from another page and finished, the
 * checklist's items started where they start, and out of the way of the CRM's save bar.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../axe';
import { expect, stepCard, test } from './fixtures';

const helpButton = (page: Page) =>
  page.locator('waymark-help').getByRole('button', { name: 'Waymark help' });
const helpPanel = (page: Page) =>
  page.locator('waymark-help').getByRole('dialog', { name: 'Help' });

/** The element focus is in, through open shadow roots: its id, or its accessible name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id || el?.getAttribute('aria-label') || el?.textContent?.trim() || '';
  });

test('a rep finds a guide by search, starts it from another page and finishes it', async ({
  page,
  crm,
}) => {
  await page.goto(`${crm}/app/opportunities`);
  await expect(helpButton(page)).toBeVisible();
  // The shortcut, from the CRM page, opens the panel with focus in its search.
  await page.getByRole('link', { name: 'Opportunities' }).first().focus();
  await page.keyboard.press('Alt+Shift+H');
  const panel = helpPanel(page);
  await expect(panel).toBeVisible();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
  expect(await focused(page)).toBe('wm-help-query');

  await page.keyboard.type('full name');
  const results = panel.getByRole('region', { name: '1 guide found' });
  await expect(results).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('1 guide found');
  await expect(results).toContainText('Set your display name');
  await expect(results).toContainText('as customers know it');
  await expect(results).toContainText('Starts on: settings. Opens that page, then starts.');
  await expectNoAxeViolations(page, 'waymark-help');

  // By keyboard: Tab to its Start button and press it. The tab opens the settings page, where
  // the guide's first step (beside a field inside an iframe) shows.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('Start Set your display name');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${crm}/app/settings`);
  const card = stepCard(page);
  await expect(card).toContainText('Use your full name');
  await expect(card).toBeVisible();
  const frame = page.frameLocator('iframe[name=settings]');
  await frame.getByLabel('Display name').fill('Jordan Rivera');
  await expect(card).toContainText('Save, and you are done');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await expect(card).toHaveCount(0);

  // Done, and the checklist says so.
  await helpButton(page).click();
  const checklist = helpPanel(page).getByRole('region', { name: 'Your onboarding checklist' });
  await expect(checklist).toContainText('1 of 4 done');
  await expect(
    checklist.getByRole('listitem').filter({ hasText: 'Set your display name' }),
  ).toContainText('Done');
  await expect(
    checklist.getByRole('button', { name: 'Start Set your display name again' }),
  ).toBeVisible();
});

test('a checklist item starts its guide on its own page, or says where it starts', async ({
  page,
  crm,
}) => {
  await page.goto(`${crm}/app/opportunities`);
  await helpButton(page).click();
  const panel = helpPanel(page);
  const checklist = panel.getByRole('region', { name: 'Your onboarding checklist' });
  await expect(checklist).toContainText('0 of 4 done');
  await expect(checklist.getByRole('progressbar', { name: 'Checklist progress' })).toHaveAttribute(
    'value',
    '0',
  );
  // One with no start page of its own waits for the rep to open a page it starts on.
  await expect(
    checklist.getByRole('listitem').filter({ hasText: 'Log a call on an opportunity' }),
  ).toContainText('Starts on: opportunity record. Starts when you open that page.');
  // This page's own guide.
  await expect(panel.getByRole('region', { name: 'On this page' })).toContainText(
    'Keep the next step up to date',
  );
  await expectNoAxeViolations(page, 'waymark-help');

  await checklist.getByRole('button', { name: 'Start Welcome to Summit CRM' }).click();
  await page.waitForURL(`${crm}/app/home`);
  const card = stepCard(page);
  await expect(card).toContainText('This tour shows where your day starts');
  await expect(helpPanel(page)).toHaveCount(0);

  // Half way through, the checklist offers to continue it.
  await card.getByRole('button', { name: 'Next' }).click();
  await helpButton(page).click();
  const again = helpPanel(page).getByRole('region', { name: 'Your onboarding checklist' });
  await expect(
    again.getByRole('listitem').filter({ hasText: 'Welcome to Summit CRM' }),
  ).toContainText('In progress');
  await expect(again.getByRole('button', { name: 'Continue Welcome to Summit CRM' })).toBeVisible();
});

test('the panel closes with Esc and with the shortcut, and focus goes back to the button', async ({
  page,
  crm,
  context,
}) => {
  await page.goto(`${crm}/app/home`);
  await helpButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(helpPanel(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(helpPanel(page)).toHaveCount(0);
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'false');
  expect(await focused(page)).toBe('Waymark help');

  await page.keyboard.press('Alt+Shift+H');
  await expect(helpPanel(page)).toBeVisible();
  await page.keyboard.press('Alt+Shift+H');
  await expect(helpPanel(page)).toHaveCount(0);
  expect(await focused(page)).toBe('Waymark help');

  // "What Waymark records" opens My activity in a tab of its own.
  await page.keyboard.press('Alt+Shift+H');
  const opened = context.waitForEvent('page');
  await helpPanel(page).getByRole('button', { name: 'What Waymark records' }).click();
  const activity = await opened;
  await expect(activity).toHaveURL(/options\.html#app$/);
  await expect(activity.getByRole('heading', { name: 'My activity' })).toBeVisible();
});

test('page script can neither open the panel nor press its buttons', async ({ page, crm }) => {
  await page.goto(`${crm}/app/opportunities`);
  await expect(helpButton(page)).toBeVisible();
  await page.evaluate(() => {
    const keys = { key: 'H', code: 'KeyH', altKey: true, shiftKey: true, bubbles: true };
    document.body.dispatchEvent(new KeyboardEvent('keydown', keys));
    document
      .querySelector('waymark-help')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await expect(helpPanel(page)).toHaveCount(0);

  await helpButton(page).click();
  await expect(helpPanel(page)).toBeVisible();
  // A forged press on a Start button starts nothing (the e2e build leaves the root open so
  // that this script can reach it at all; the shipped build's root is closed).
  await page.evaluate(() => {
    const root = document.querySelectorAll('waymark-help')[1]?.shadowRoot;
    root
      ?.querySelector<HTMLButtonElement>('[aria-label="Start Keep the next step up to date"]')
      ?.click();
  });
  await expect(stepCard(page)).toHaveCount(0);
  await expect(helpPanel(page)).toBeVisible();
});

test("the button moves out of the way of the CRM's save bar and of the field in use", async ({
  page,
  crm,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${crm}/app/opportunities`);
  const button = helpButton(page);
  await expect(button).toBeVisible();
  const home = await button.boundingBox();
  expect(home?.y).toBeGreaterThan(700);

  // The CRM docks its save bar along the bottom of the page, as Lightning's record forms do.
  await page.evaluate(() => {
    const bar = document.createElement('footer');
    bar.id = 'docked-save';
    bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;height:64px;background:#eee';
    const save = document.createElement('button');
    save.dataset.anchor = 'record.save';
    save.textContent = 'Save';
    bar.append(save);
    document.body.append(bar);
    save.focus();
  });
  await expect
    .poll(async () => (await button.boundingBox())?.y ?? 0)
    .toBeLessThan(800 - 64 - (home?.height ?? 0));
  const barBox = await page.locator('#docked-save').boundingBox();
  const moved = await button.boundingBox();
  expect((moved?.y ?? 0) + (moved?.height ?? 0)).toBeLessThanOrEqual(barBox?.y ?? 0);

  // The bar goes; a field in the corner gets focus: the button keeps clear of it instead.
  await page.evaluate(() => {
    document.getElementById('docked-save')?.remove();
    const field = document.createElement('input');
    field.id = 'corner-field';
    field.setAttribute('aria-label', 'Corner field');
    field.style.cssText = 'position:fixed;right:8px;bottom:8px;width:300px;height:40px';
    document.body.append(field);
  });
  await page.getByLabel('Corner field').focus();
  const fieldBox = await page.getByLabel('Corner field').boundingBox();
  await expect
    .poll(async () => ((await button.boundingBox())?.y ?? 0) + (home?.height ?? 0))
    .toBeLessThanOrEqual(fieldBox?.y ?? 0);
  // Focus leaves the field: home again.
  await page.getByRole('link', { name: 'Opportunities' }).first().focus();
  await expect.poll(async () => (await button.boundingBox())?.y).toBe(home?.y);
});
