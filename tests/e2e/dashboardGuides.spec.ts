/**
 * The organisation's guides in the dashboard, in a real Chromium against a real endpoint, on both
 * stores: a trainer reads states and who published what, compares two versions in words,
 * promotes and rolls back with the buttons, and is told the endpoint's sentence when someone else
 * changed the guide meanwhile; an admin sees the snapshot and the guides.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Guide } from '../../core/guide/schema';
import { createToken } from '../../server/tokens';
import { expectNoAxeViolations } from '../axe';
import { LOG_A_CALL, withFirstStepBody } from '../guideEdits';
import { startGuidesEndpoint, STORES } from '../acmeEndpoint';
import { CHROMIUM, expect, test } from './fixtures';

const ORG = 'acme';
const GUIDE = 'demo-log-call';
const TITLE = 'Log a call on an opportunity';
const OLD_TEXT = LOG_A_CALL.steps[0]!.body!;
/** Markup in guide text is text: the dashboard shows the brackets, never a bold word. */
const NEW_TEXT = 'Log it while it is fresh: the <b>forecast</b> reads it tonight.';

/** The trainer's edit: new words for the first step, and the guide launches every time. */
const editedGuide = (): Guide =>
  withFirstStepBody(NEW_TEXT, { launch: { mode: 'auto', once: false } });

async function signIn(page: Page, token: string) {
  await page.getByLabel('Admin or trainer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

function versionRow(card: Locator, version: number) {
  return card.locator(`tr[data-version="${version}"]`);
}

/** Asks for a change with the version's button and confirms it in the dialog. */
async function confirmChange(page: Page, card: Locator, button: string) {
  await card.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
}

let browser: Browser;
test.beforeEach(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
test.afterEach(async () => {
  await browser.close();
});

for (const storeName of STORES) {
  test(`a trainer compares, promotes and rolls back a guide in the dashboard; an admin sees it too (${storeName})`, async () => {
    test.setTimeout(120_000);
    const work = mkdtempSync(join(tmpdir(), 'waymark-dashboard-guides-'));
    let stop: (() => Promise<void>) | undefined;
    try {
      // The organisation moved its guides directory into the store: version 1 of each is live.
      const started = await startGuidesEndpoint(storeName, work);
      stop = started.stop;
      const { endpoint } = started;
      const trainer = (
        await createToken(endpoint.store, ORG, 'trainer', new Date(), 'Sales enablement')
      ).token;
      const admin = (await createToken(endpoint.store, ORG, 'admin', new Date(), 'IT operations'))
        .token;
      const url = endpoint.url;
      const api = async (token: string, path: string, body: unknown) => {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status, path).toBe(200);
      };
      await api(trainer, '/v1/guides', {
        guide: editedGuide(),
        state: 'pilot',
        rollout: { percent: 50 },
      });

      // A page of its own context: axe opens its frames through the page's context.
      const page = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 } })
      ).newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      // Refusals (the trainer's snapshot, the 409 below) are logged by the browser, as they should be.
      page.on(
        'console',
        (m) =>
          m.type() === 'error' &&
          !m.text().startsWith('Failed to load resource') &&
          problems.push(m.text()),
      );
      await page.goto(url);

      // A trainer token: the guides, and a plain word on snapshots; no view switch.
      await signIn(page, trainer);
      await expect(page.getByText('Usage snapshots need an admin token.')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Dashboard views' })).toHaveCount(0);
      await expect(page.getByRole('status')).toHaveText(/guides loaded\./);
      const card = page.getByRole('region', { name: TITLE });
      await expect(card.locator('.guide-states')).toContainText('Live: version 1');
      await expect(card.locator('.guide-states')).toContainText(
        'In pilot: version 2, 50 % of users',
      );
      await expect(versionRow(card, 2).locator('td').nth(0)).toHaveText('Pilot, 50 % of users');
      await expect(versionRow(card, 2).locator('td').nth(1)).toHaveText('Sales enablement');
      await expect(versionRow(card, 1).locator('td').nth(0)).toHaveText('Live');
      await expect(versionRow(card, 1).locator('td').nth(1)).toHaveText('import of guides/');

      // The differences from the live version to the pilot, in words, by keyboard.
      await card.getByText('Compare two versions').focus();
      await page.keyboard.press('Enter');
      await expect(card.getByLabel('From version', { exact: true })).toHaveValue('1');
      await expect(card.getByLabel('To version', { exact: true })).toHaveValue('2');
      const differences = card.getByRole('list', { name: 'From version 1 to version 2' });
      const text = differences.getByRole('listitem').filter({ hasText: 'Step 1 “open” — Text' });
      await expect(text.locator('dd.before')).toHaveText(OLD_TEXT);
      await expect(text.locator('dd.after')).toHaveText(NEW_TEXT);
      await expect(text.locator('b')).toHaveCount(0);
      const launch = differences
        .getByRole('listitem')
        .filter({ hasText: 'Guide — Launch: only once changed' });
      await expect(launch.locator('dd.before')).toHaveText('yes');
      await expect(launch.locator('dd.after')).toHaveText('no');
      await expect(card.getByText('2 differences.')).toBeVisible();
      await expectNoAxeViolations(page);
      await card.getByLabel('From version', { exact: true }).selectOption('2');
      await expect(card.getByText('The two versions have the same content.')).toBeVisible();

      // Promote: a confirmation first; Esc leaves everything as it was, focus back on the button.
      const promote = card.getByRole('button', { name: 'Promote version 2' });
      await promote.click();
      const dialog = page.getByRole('dialog', { name: 'Promote version 2' });
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(promote).toBeFocused();
      await confirmChange(page, card, 'Promote version 2');
      await expect(page.getByRole('status')).toHaveText(`Version 2 of “${TITLE}” is live.`);
      await expect(card.getByRole('heading', { name: TITLE })).toBeFocused();
      await expect(card.locator('.guide-states')).toHaveText('Live: version 2');
      await expect(versionRow(card, 1).locator('td').nth(0)).toHaveText('Retired');
      await card.getByText('Who changed what, and when').click();
      const latest = card.locator('.guide-history tbody tr').first().locator('td');
      await expect(latest.nth(1)).toHaveText('Sales enablement');
      await expect(latest.nth(2)).toHaveText('promoted version 2');

      // Roll back to version 1: its text live again as version 3.
      await confirmChange(page, card, 'Roll back to version 1');
      await expect(page.getByRole('status')).toHaveText(
        `“${TITLE}” is rolled back: version 3, with the text of version 1, is live.`,
      );
      await expect(card.locator('.guide-states')).toHaveText('Live: version 3');
      await expect(versionRow(card, 2).locator('td').nth(0)).toHaveText('Retired');

      // Someone else changes the guide while the dialog is open: the endpoint's sentence, and the
      // list as it now is. The session survives a reload.
      await api(trainer, '/v1/guides', {
        guide: { ...editedGuide(), version: 4 },
        state: 'pilot',
        rollout: { percent: 10, cohorts: ['pilot'] },
      });
      await page.reload();
      await expect(card.locator('.guide-states')).toContainText(
        'In pilot: version 4, 10 % of users, in cohorts pilot',
      );
      await card.getByRole('button', { name: 'Promote version 4' }).click();
      await api(admin, `/v1/guides/${GUIDE}/rollback`, { version: 2 });
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await expect(card.getByRole('alert')).toHaveText(
        `Version 4 of "${GUIDE}" is retired: roll back to it to make it live again.`,
      );
      await expect(card.locator('.guide-states')).toHaveText('Live: version 5');
      await expect(versionRow(card, 5).locator('td').nth(1)).toHaveText('IT operations');

      // An admin token: the snapshot and the guides, one view at a time.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, admin);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `Adoption dashboard · ${ORG}`,
      );
      await expect(page.getByText('Usage snapshots need an admin token.')).toHaveCount(0);
      const views = page.getByRole('navigation', { name: 'Dashboard views' });
      await expect(views.getByRole('button', { name: 'Adoption' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('status')).toHaveText('Snapshot loaded.');
      await expect(card).toBeHidden();
      await views.getByRole('button', { name: 'Guides' }).click();
      await expect(views.getByRole('button', { name: 'Guides' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('button', { name: 'Show', exact: true })).toBeHidden();
      await expect(card.locator('.guide-states')).toHaveText('Live: version 5');
      await confirmChange(page, card, 'Roll back to version 3');
      await expect(card.locator('.guide-states')).toHaveText('Live: version 6');
      await expect(versionRow(card, 6).locator('td').nth(1)).toHaveText('IT operations');
      expect(problems).toEqual([]);
    } finally {
      await stop?.();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
