/**
 * An announcement as reps meet it on the demo CRM: a bar at the top of the account pages, told
 * to screen readers without taking focus. One rep dismisses it with the keyboard and never sees
 * that version again; page script cannot dismiss it for them. Another rep follows its link and
 * the guide it names starts. Both browsers sync to a real endpoint, whose dashboard counts them.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncStatus } from '../../core/messages';
import { createToken } from '../../server/tokens';
import { expectNoAxeViolations } from '../axe';
import {
  expect,
  extensionIdOf,
  launchBrowser,
  policyAnswered,
  startAcmeEndpoint,
  stepCard,
  storedEvents,
  test,
} from './fixtures';

const GUIDE = 'demo-stage-announcement';
const TEXT = 'New: deals without a next step now count as stalled in the Stage field.';

const bar = (page: Page) => page.getByRole('region', { name: 'Announcement' });

/** What the browser recorded about the announcement, in order. */
const announced = async (context: BrowserContext) =>
  (await storedEvents(context))
    .filter((e) => e.guideId === GUIDE)
    .map((e) => `${String(e.kind)} ${String(e.pageType)}`);

const pageViews = async (context: BrowserContext) =>
  (await storedEvents(context)).filter((e) => e.kind === 'page.viewed').length;

/** The browser syncs to the endpoint, set in the options as an admin would; its options page. */
async function syncTo(
  context: BrowserContext,
  extensionId: string,
  url: string,
  token: string,
): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Endpoint address').fill(url);
  await options.getByLabel('Ingest token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved. Sync is on.')).toBeVisible();
  return options;
}

function syncNow(options: Page): Promise<SyncStatus> {
  return options.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<SyncStatus> } };
      }
    ).chrome.runtime.sendMessage({ type: 'sync:now', data: {} }),
  );
}

/** Page script, in the page's own world: presses every button of the bar and Escape inside it. */
function forgeFromPage(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('waymark-layer')?.shadowRoot;
    const region = root?.querySelector('[role=region]');
    let pressed = 0;
    for (const button of region?.querySelectorAll('button') ?? []) {
      (button as HTMLButtonElement).click();
      pressed++;
    }
    region?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    return pressed;
  });
}

/** Nothing is drawn after a page view the background answered (the launcher asks on each). */
async function expectNoBarAfterView(
  page: Page,
  context: BrowserContext,
  go: () => Promise<unknown>,
) {
  const before = await pageViews(context);
  await go();
  await expect.poll(() => pageViews(context)).toBeGreaterThan(before);
  await page.waitForTimeout(500);
  await expect(bar(page)).toHaveCount(0);
}

test('an announcement is shown until dismissed, its link starts its guide, and the dashboard counts it', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'waymark-announcements-'));
  const { endpoint, token } = await startAcmeEndpoint(work, {
    k: 1,
    guidesDir: join(import.meta.dirname, '../../guides'),
  });
  const second = await launchBrowser();
  try {
    const options = await syncTo(context, extensionId, endpoint.url, token);

    // The first rep opens the accounts: the bar is there, and the rep's focus stays where it was.
    await page.goto(`${crm}/app/accounts`);
    await expect(bar(page)).toHaveText(`${TEXT}Show me how×`);
    await expect(bar(page).getByRole('button', { name: 'Dismiss announcement' })).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await expect(page.locator('waymark-layer [role=status]')).toHaveText(TEXT);
    await expect.poll(() => announced(context)).toEqual(['announcement.shown account:list']);
    await expectNoAxeViolations(page, 'waymark-layer');

    // attack: page script presses the bar's buttons and Escape; the bar stays, nothing counts.
    expect(await forgeFromPage(page)).toBe(2);
    await page.waitForTimeout(500);
    await expect(bar(page)).toBeVisible();
    expect(await announced(context)).toEqual(['announcement.shown account:list']);

    // A reload draws it again, counted once.
    await page.reload();
    await expect(bar(page)).toBeVisible();
    await page.waitForTimeout(500);
    expect(await announced(context)).toEqual(['announcement.shown account:list']);

    // The rep reaches it with the keyboard and dismisses it with Escape.
    await bar(page).getByRole('button', { name: 'Show me how' }).focus();
    await page.keyboard.press('Escape');
    await expect(bar(page)).toHaveCount(0);
    await expect
      .poll(() => announced(context))
      .toEqual(['announcement.shown account:list', 'announcement.dismissed account:list']);
    // Nothing started.
    await expect(stepCard(page)).toHaveCount(0);

    // Gone for good: after a reload, and on another page it matches.
    await expectNoBarAfterView(page, context, () => page.reload());
    await expectNoBarAfterView(page, context, () => page.goto(`${crm}/app/accounts/acc-2001`));
    expect(await announced(context)).toHaveLength(2);

    // A second rep, in a browser of their own, follows the link: its guide starts.
    await policyAnswered(second);
    const secondId = await extensionIdOf(second);
    const secondOptions = await syncTo(second, secondId, endpoint.url, token);
    const tab = await second.newPage();
    await tab.goto(`${crm}/app/accounts/acc-2002`);
    await expect(bar(tab)).toContainText(TEXT);
    await bar(tab).getByRole('button', { name: 'Show me how' }).click();
    await expect(bar(tab)).toHaveCount(0);
    await expect
      .poll(async () =>
        (await storedEvents(second))
          .filter((e) => e.kind === 'guide.started' || e.guideId === GUIDE)
          .map((e) => `${String(e.kind)} ${String(e.guideId)}`),
      )
      .toEqual([
        `announcement.shown ${GUIDE}`,
        `announcement.clicked ${GUIDE}`,
        'guide.started demo-update-next-step',
      ]);
    // Its first step waits for the opportunity list.
    await tab.goto(`${crm}/app/opportunities`);
    await expect(stepCard(tab)).toContainText('Open one of your opportunities.');
    await expect(bar(tab)).toHaveCount(0);

    // Both browsers deliver; the admin reads the counts on the dashboard.
    expect((await syncNow(options)).lastError).toBeNull();
    expect((await syncNow(secondOptions)).lastError).toBeNull();
    const admin = (await createToken(endpoint.store, 'acme', 'admin')).token;
    const dashboard = await context.newPage();
    await dashboard.goto(endpoint.url);
    await dashboard.getByLabel('Admin or trainer token').fill(admin);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await expect(dashboard.getByRole('status')).toHaveText('Snapshot loaded.');
    const section = dashboard.getByRole('region', { name: 'Announcements' });
    const row = section.locator(`tr[data-item="${GUIDE}@1"]`);
    await expect(row.getByRole('rowheader')).toHaveText('The Stage field changed (version 1)');
    await expect(row.locator('[data-metric=shown]')).toHaveText('2');
    await expect(row.locator('[data-metric=dismissed]')).toHaveText('1');
    await expect(row.locator('[data-metric=clicked]')).toHaveText('1');
    await expect(row.locator('[data-metric=clickRate]')).toHaveText(/^50 ?%$/);
    await expectNoAxeViolations(dashboard, '[data-section=announcements]');
  } finally {
    await second.close();
    await endpoint.close();
    rmSync(work, { recursive: true, force: true });
  }
});
