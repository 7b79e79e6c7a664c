/**
 * Fatigue control of guides that launch by themselves, as a rep meets it: "Remind me later" keeps
 * a guide away until the snooze has passed (the service worker's clock is moved), "Don't show
 * again" keeps it away for good, and no more guides launch by themselves in a day than the
 * organisation allows, whichever tabs they would open in; a guide started by hand always starts.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from '../axe';
import { expect, startFromPopup, stepCard, storedEvents, test } from './fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Moves the service worker's clock on by `ms` (the background reads time only through it). */
async function moveClock(context: BrowserContext, ms: number): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((by) => {
    const clock = globalThis as unknown as { realNow?: () => number; offset?: number };
    clock.realNow ??= Date.now.bind(Date);
    clock.offset = (clock.offset ?? 0) + by;
    const { realNow, offset } = clock as { realNow: () => number; offset: number };
    Date.now = () => realNow() + offset;
  }, ms);
}

/** What the background remembers of auto-launches (its `fatigue` settings row). */
async function fatigueRecord(context: BrowserContext): Promise<Record<string, unknown>> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('settings')
            .objectStore('settings')
            .get('fatigue');
          request.onsuccess = () => {
            open.result.close();
            resolve(
              (request.result as { value?: Record<string, unknown> } | undefined)?.value ?? {},
            );
          };
        };
      }),
  );
}

/**
 * Opens `url` and waits until the background has answered the page and counted its view: after
 * that, a guide that launches by itself is on its way (a quiet page waits for nothing).
 */
async function openAndSettle(context: BrowserContext, page: Page, url: string, pageType: string) {
  const viewsBefore = (await storedEvents(context)).filter(
    (e) => e.kind === 'page.viewed' && e.pageType === pageType,
  ).length;
  await page.goto(url);
  await expect
    .poll(
      async () =>
        (await storedEvents(context)).filter(
          (e) => e.kind === 'page.viewed' && e.pageType === pageType,
        ).length,
    )
    .toBe(viewsBefore + 1);
  // What the page asked next (the guide UI's own look) has had its answer too.
  await page.waitForLoadState('networkidle');
}

/** How many runs of `guideId` started, by hand or by themselves. */
async function startsOf(context: BrowserContext, guideId: string): Promise<number> {
  return (await storedEvents(context)).filter(
    (e) => e.kind === 'guide.started' && e.guideId === guideId,
  ).length;
}

/** A guide of one modal step that launches by itself on `page`. */
function autoGuide(id: string, page: string, title: string, once: boolean) {
  return {
    schemaVersion: 1,
    id,
    version: 1,
    title,
    roles: ['rep'],
    crm: 'demo',
    match: { page },
    launch: { mode: 'auto', once },
    steps: [{ id: 'hello', kind: 'modal', title, body: `${title}, in one step.` }],
  };
}

async function importGuides(context: BrowserContext, extensionId: string, guides: object[]) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const region = options.getByRole('region', { name: 'Guides', exact: true });
  await expect(region.getByRole('row').filter({ hasText: 'demo-log-call' })).toBeVisible();
  await region.getByLabel('Guide files (.json)').setInputFiles(
    guides.map((guide) => ({
      name: `${(guide as { id: string }).id}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(guide)),
    })),
  );
  for (const guide of guides) {
    await expect(region.locator(`tr[data-guide="${(guide as { id: string }).id}"]`)).toBeVisible();
  }
  await options.close();
}

test('"Remind me later" keeps an auto-launched guide away until the snooze has passed', async ({
  context,
  page,
  crm,
}) => {
  const record = `${crm}/app/opportunities/opp-1001`;
  await page.goto(record);
  const card = stepCard(page);
  await expect(card).toContainText('Log the call');
  const later = card.getByRole('button', { name: 'Remind me later' });
  await expect(later).toBeVisible();
  await expect(card.getByRole('button', { name: "Don't show again" })).toBeVisible();
  await expectNoAxeViolations(page, 'waymark-layer');

  // From the keyboard: back from the focused "Show me" with Shift+Tab, then Enter.
  for (let i = 0; i < 6 && !(await later.evaluate((el) => el.matches(':focus'))); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(later).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () =>
      (await storedEvents(context)).filter((e) => e.guideId === 'demo-log-call').map((e) => e.kind),
    )
    .toEqual(['guide.started', 'step.shown', 'guide.snoozed']);

  // Hours later, the same day: still snoozed.
  await moveClock(context, 3 * 60 * MINUTE);
  await openAndSettle(context, page, record, 'opportunity:record');
  await expect(card).toHaveCount(0);

  // The day after, it comes back, though it launches only once.
  await moveClock(context, DAY);
  await page.reload();
  await expect(card).toContainText('Log the call');
  await expect(card.getByRole('button', { name: 'Remind me later' })).toBeVisible();
});

test('"Don\'t show again" keeps a guide that launches every time away; the rep can still start it', async ({
  context,
  extensionId,
  page,
  crm,
}) => {
  await importGuides(context, extensionId, [
    autoGuide('fatigue-home', 'home', 'Your day at a glance', false),
  ]);
  const home = `${crm}/app/home`;
  await page.goto(home);
  const card = stepCard(page);
  await expect(card).toContainText('Your day at a glance');

  // Closed, it comes back once the cool-down after a close has passed (it launches every time).
  await card.getByRole('button', { name: 'Close guide' }).click();
  await expect(card).toHaveCount(0);
  await moveClock(context, 31 * MINUTE);
  await page.reload();
  await expect(card).toContainText('Your day at a glance');

  await card.getByRole('button', { name: "Don't show again" }).click();
  await expect(card).toHaveCount(0);
  await expect
    .poll(async () =>
      (await storedEvents(context)).filter((e) => e.guideId === 'fatigue-home').map((e) => e.kind),
    )
    .toEqual([
      'guide.started',
      'step.shown',
      'guide.dismissed',
      'guide.started',
      'step.shown',
      'guide.dismissed',
    ]);

  await moveClock(context, 7 * DAY);
  await openAndSettle(context, page, home, 'home');
  await expect(card).toHaveCount(0);
  expect(await fatigueRecord(context)).toMatchObject({
    guides: { 'fatigue-home': { version: 1, never: true } },
  });

  // Started by hand, it starts, without the choices of a guide that came by itself.
  await startFromPopup(context, extensionId, page, 'Your day at a glance');
  await expect(card).toContainText('Your day at a glance');
  await expect(card.getByRole('button', { name: "Don't show again" })).toHaveCount(0);
  // Two launches by itself and this one: none came by itself after "Don't show again".
  expect(await startsOf(context, 'fatigue-home')).toBe(3);
});

test('no more guides launch by themselves in a day than allowed, across tabs; a start by hand still works', async ({
  context,
  extensionId,
  page,
  crm,
}) => {
  test.setTimeout(60_000);
  await importGuides(context, extensionId, [
    autoGuide('fatigue-home', 'home', 'Your day at a glance', true),
    autoGuide('fatigue-pipeline', 'opportunity:list', 'Your pipeline', true),
    autoGuide('fatigue-settings', 'settings', 'Your settings', true),
  ]);
  // Three tabs, each with a guide that launches by itself: the day's three launches.
  const tabs: [Page, string, string][] = [
    [page, `${crm}/app/home`, 'Your day at a glance'],
    [await context.newPage(), `${crm}/app/opportunities`, 'Your pipeline'],
    [await context.newPage(), `${crm}/app/settings`, 'Your settings'],
  ];
  for (const [tab, url, title] of tabs) {
    await tab.bringToFront();
    await tab.goto(url);
    const card = stepCard(tab);
    await expect(card).toContainText(title);
    await card.getByRole('button', { name: 'Done' }).click();
    await expect(card).toHaveCount(0);
  }
  expect(await fatigueRecord(context)).toMatchObject({ launches: 3 });

  // A fourth tab, on a record where "Log a call" launches by itself: not today.
  const fourth = await context.newPage();
  await openAndSettle(context, fourth, `${crm}/app/opportunities/opp-1001`, 'opportunity:record');
  await expect(stepCard(fourth)).toHaveCount(0);
  expect(await startsOf(context, 'demo-log-call')).toBe(0);

  // The rep starts it from the popup: that is never held back.
  await startFromPopup(context, extensionId, fourth, 'Log a call on an opportunity');
  await expect(stepCard(fourth)).toContainText('Log the call');
  await expect(stepCard(fourth).getByRole('button', { name: 'Remind me later' })).toHaveCount(0);
  // Only this start: nothing launched by itself in the fourth tab meanwhile.
  expect(await startsOf(context, 'demo-log-call')).toBe(1);
  expect(await fatigueRecord(context)).toMatchObject({ launches: 3 });
});
