import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { ActivityExport } from '../../core/messages';
import {
  expect,
  openPopup,
  openRecordWithLogACall,
  storedEvents,
  test,
  walkLogACall,
} from './fixtures';
import { expectNoAxeViolations } from '../axe';

const GUIDE = 'Log a call on an opportunity';

/** The cells of each body row, as text. */
async function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

/** Opens "My activity" and keeps an eye on its errors. */
async function openActivity(page: Page, extensionId: string) {
  const activity = await page.context().newPage();
  const errors: string[] = [];
  activity.on('pageerror', (error) => errors.push(error.message));
  await activity.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(activity.getByRole('heading', { level: 1, name: 'My activity' })).toBeVisible();
  await expect(activity.getByRole('region', { name: 'My figures' })).toBeVisible();
  await expectNoAxeViolations(activity);
  return { activity, errors };
}

test('a rep sees, exports and erases their own activity', async ({ page, crm, extensionId }) => {
  await page.goto(`${crm}/app/home`);
  await page.goto(`${crm}/app/opportunities`);
  const card = await openRecordWithLogACall(page, crm, 'opp-1001');
  // The bubble takes focus; Esc closes the walkthrough.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()))
    .toBe('waymark-layer');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);

  const { activity, errors } = await openActivity(page, extensionId);
  await expect(
    activity.getByText('This data stays in this browser.', { exact: false }),
  ).toBeVisible();
  const progress = activity.getByRole('table', { name: /Guides you have started/ });
  const events = activity.getByRole('table', { name: /Recent events/ });

  // Events reach the background in batches: look again until the dismissal is there.
  await expect(async () => {
    await activity.reload();
    await expect(events.getByRole('row').filter({ hasText: 'guide.dismissed' })).toHaveCount(1);
  }).toPass();

  await expect(progress.getByRole('row', { name: new RegExp(GUIDE) })).toContainText('Closed');
  const eventRows = await rows(events);
  // Time, kind, page type, guide, step, details.
  const dismissed = eventRows.find((r) => r[1] === 'guide.dismissed');
  expect(dismissed?.slice(1, 4)).toEqual([
    'guide.dismissed',
    'opportunity:record',
    'demo-log-call',
  ]);
  expect(eventRows.filter((r) => r[1] === 'page.viewed').map((r) => r[2])).toEqual(
    expect.arrayContaining(['opportunity:record', 'opportunity:list']),
  );
  expect(eventRows.map((r) => r[1])).toEqual(
    expect.arrayContaining(['guide.started', 'step.shown', 'guide.dismissed']),
  );
  // Newest first.
  expect(eventRows[0]?.[1]).toBe('guide.dismissed');
  // Page types only: no URL, host or record id anywhere on the page.
  const html = await activity.content();
  expect(html).not.toContain('opp-1001');
  expect(html).not.toContain(new URL(crm).host);
  expect(html).not.toContain('/app/');
  const total = eventRows.length;
  await expect(activity.getByText(`${total} events stored`)).toBeVisible();

  // Export: a pretty JSON file with the same events.
  const download = activity.waitForEvent('download');
  await activity.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^waymark-activity-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await file.path(), 'utf8');
  expect(text).toContain('\n  "events": [');
  expect(text).not.toContain('opp-1001');
  const exported = JSON.parse(text) as ActivityExport;
  expect(exported.role).toBe('rep');
  expect(exported.runs).toEqual([
    expect.objectContaining({ guideId: 'demo-log-call', status: 'dismissed' }),
  ]);
  const newestFirst = [...exported.events].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  expect(newestFirst.map((e) => [e.kind, e.pageType, e.guideId ?? '', e.stepId ?? ''])).toEqual(
    eventRows.map((r) => r.slice(1, 5)),
  );
  await expect(activity.getByRole('status')).toHaveText(`Exported ${total} events.`);

  // The CRM tab would start the guide again once its progress is gone; close it first so the
  // log stays empty after the erase.
  await page.close();

  // Erase: keyboard operable, Esc and Cancel erase nothing.
  const eraseButton = activity.getByRole('button', { name: 'Erase everything…' });
  const dialog = activity.getByRole('dialog', { name: 'Erase all your activity?' });
  await eraseButton.focus();
  await activity.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('event log');
  await expect(dialog).toContainText('guide progress');
  await expect(dialog).toContainText('waiting to be synced');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await activity.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(eraseButton).toBeFocused();

  await eraseButton.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(eraseButton).toBeFocused();
  await activity.reload();
  await expect.poll(() => rows(events)).toEqual(eventRows);
  await expect(progress.getByRole('row', { name: new RegExp(GUIDE) })).toContainText('Closed');

  await eraseButton.click();
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(activity.getByRole('status')).toHaveText(`Erased ${total} events.`);
  await expect(eraseButton).toBeFocused();
  await expect(progress).toHaveCount(0);
  await expect(events).toHaveCount(0);
  await expect(activity.getByText('You have not started any guides yet.')).toBeVisible();
  await expect(activity.getByText('No events stored.')).toBeVisible();
  // Still empty from a fresh load.
  await activity.reload();
  await expect(activity.getByText('No events stored.')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(activity.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the popup opens My activity', async ({ page, crm, context, extensionId }) => {
  await page.goto(`${crm}/app/home`);
  const popup = await openPopup(context, extensionId, page);
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'My activity' }).click();
  const activity = await opened;
  await expect(activity).toHaveURL(`chrome-extension://${extensionId}/options.html`);
  await expect(activity.getByRole('heading', { level: 1, name: 'My activity' })).toBeVisible();
});

test('"My figures" shows the dashboard views over this browser\'s own events', async ({
  page,
  crm,
  extensionId,
  context,
}) => {
  await page.goto(`${crm}/app/opportunities`);
  await openRecordWithLogACall(page, crm, 'opp-1001');
  await walkLogACall(page, 'Figures call');
  // Everything the walk recorded has reached the log before the figures are read.
  const kinds = async () => (await storedEvents(context)).map((e) => String(e.kind));
  await expect.poll(async () => (await kinds()).includes('guide.completed')).toBe(true);
  const stepsShown = (await kinds()).filter((k) => k === 'step.shown').length;

  const { activity, errors } = await openActivity(page, extensionId);
  const figures = activity.locator('.local-snapshot');
  await expect(figures.getByRole('heading', { name: 'My figures' })).toBeVisible();
  const runs = figures.locator('tr[data-item="demo-log-call@1"]').first();
  await expect(runs.locator('td[data-metric="started"]')).toHaveText('1');
  await expect(runs.locator('td[data-metric="completed"]')).toHaveText('1');
  await expect(runs.locator('td[data-metric="completionRate"]')).toHaveText('100%');
  const shown = figures.locator('[data-guide="demo-log-call@1"] tbody tr td[data-metric="shown"]');
  const perStep = (await shown.allTextContents()).map(Number);
  expect(perStep.reduce((a, b) => a + b, 0)).toBe(stepsShown);
  // Nothing is hidden in one's own figures: a figure with no events reads "none".
  await expect(runs.locator('td[data-metric="dismissRate"]')).toHaveText('none');
  await expect(figures.locator('canvas').first()).toBeVisible();
  expect(errors).toEqual([]);
});
