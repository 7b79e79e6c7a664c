import {
  chooseRole,
  expect,
  startFromPopup,
  stepCard,
  storedEvents,
  test,
  startWelcomeTour,
  openRecordWithLogACall,
} from './fixtures';

test('auto-launched walkthrough on a record page: click, type, save, done', async ({
  page,
  crm,
}) => {
  const card = await openRecordWithLogACall(page, crm, 'opp-1001');
  await expect(card).toHaveAttribute('aria-labelledby', 'wm-title');
  await page.getByRole('button', { name: 'Log a Call' }).click();
  await expect(card).toContainText("Use the customer's words");
  await page.getByLabel('Subject').fill('Pricing questions');
  await expect(card).toContainText('Save the call');
  await page.locator('[data-anchor="call.save"]').click();
  await expect(card).toContainText("That's it");
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
  // `once`: it does not come back on the next visit.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Acme Logistics/ })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(card).toHaveCount(0);
});

test('multi-page walkthrough continues across SPA navigation, a full reload and a shadow-DOM form', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await page.goto(`${crm}/app/opportunities`);
  await startFromPopup(context, extensionId, page, 'Keep the next step up to date');
  const card = stepCard(page);
  await expect(card).toContainText('Open a deal');
  await page.locator('.list-scroll tbody tr a').first().click();
  await expect(page).toHaveURL(/\/app\/opportunities\/opp-\d+$/);
  await expect(card).toContainText('Edit the record');
  await expect(card).toContainText('Step 2 of 5');

  await page.reload();
  await expect(card).toContainText('Edit the record');
  await page.locator('[data-anchor="record.edit"]').click();
  await expect(page).toHaveURL(/\/edit$/);

  // "Next Step" sits two shadow roots deep in <wm-record-form> / <wm-input-field>.
  await expect(card).toContainText('Write the next concrete action');
  const field = page.getByRole('textbox', { name: 'Next Step' });
  const [cardBox, fieldBox] = [await card.boundingBox(), await field.boundingBox()];
  // Beside the field, never on top of it.
  const cardRight = (cardBox?.x ?? 0) + (cardBox?.width ?? 0);
  const fieldRight = (fieldBox?.x ?? 0) + (fieldBox?.width ?? 0);
  expect(cardRight <= (fieldBox?.x ?? 0) + 1 || (cardBox?.x ?? 0) >= fieldRight - 1).toBe(true);
  await field.fill('Demo with IT on 3 March');
  await field.press('Tab');
  await expect(card).toContainText('Save the record');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(card).toContainText('Deal updated');
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Demo with IT on 3 March')).toBeVisible();
});

test('targets rendered late are found as they appear', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const card = await startWelcomeTour(page, crm, context, extensionId, '?delay=1500');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Your open deals');
  await expect(page.locator('[data-anchor="home.myOpportunitiesTable"]')).toBeVisible();
});

test('a target that never appears says so and offers retry, skip and exit', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  // The CRM's data is held until the test lets it through: the target appears only then.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/**', async (route) => {
    await held;
    await route.continue();
  });
  const card = await startWelcomeTour(page, crm, context, extensionId);
  await card.getByRole('button', { name: 'Next' }).click();
  const missing = page.getByRole('alertdialog', { name: "Can't find this on the page" });
  await expect(missing).toBeVisible({ timeout: 15_000 });
  // Trying again while it is still missing is the same miss: counted once.
  await missing.getByRole('button', { name: 'Try again' }).click();
  await expect(missing).toBeHidden();
  await expect(missing).toBeVisible({ timeout: 15_000 });
  // The page sends what it records a second after (runtime/usageRecorder.ts): past that.
  await page.waitForTimeout(1500);
  await expect
    .poll(async () => (await storedEvents(context)).filter((e) => e.kind === 'target.missing'))
    .toEqual([
      // Its one strategy, the CRM's anchor, found nothing: named, and nothing of the page.
      expect.objectContaining({
        guideId: 'demo-welcome',
        stepId: 'my-deals',
        failedStrategies: ['anchor'],
      }),
    ]);
  await expect(missing.getByRole('button', { name: 'Skip this step' })).toBeVisible();
  await expect(missing.getByRole('button', { name: 'Exit guide' })).toBeVisible();
  // It sits above the help button's corner, not over it.
  const help = page.locator('waymark-help').getByRole('button', { name: 'Waymark help' });
  const [cardBox, buttonBox] = [await missing.boundingBox(), await help.boundingBox()];
  expect((cardBox?.y ?? 0) + (cardBox?.height ?? 0)).toBeLessThanOrEqual(buttonBox?.y ?? 0);
  await help.click({ trial: true });
  // The page keeps working underneath.
  await page.getByLabel('Search Summit').fill('still usable');
  release();
  await expect(page.locator('[data-anchor="home.myOpportunitiesTable"]')).toBeVisible();
  await missing.getByRole('button', { name: 'Try again' }).click();
  await expect(card).toContainText('Your open deals');
});

test('targets inside a same-origin iframe', async ({ page, crm, context, extensionId }) => {
  await page.goto(`${crm}/app/settings`);
  await startFromPopup(context, extensionId, page, 'Set your display name');
  const card = stepCard(page);
  await expect(card).toContainText('Use your full name');
  const frame = page.frameLocator('iframe[name=settings]');
  const input = frame.getByLabel('Display name');
  const [cardBox, inputBox] = [await card.boundingBox(), await input.boundingBox()];
  // Beside the field, in top-window coordinates.
  expect(cardBox?.x).toBeGreaterThanOrEqual((inputBox?.x ?? 0) + (inputBox?.width ?? 0));
  expect(Math.abs((cardBox?.y ?? 0) - (inputBox?.y ?? 0))).toBeLessThan(120);
  await input.fill('Jordan Rivera');
  await expect(card).toContainText('Save, and you are done');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await expect(card).toHaveCount(0);
});

test('a target at the bottom of a scroll container is scrolled into view', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await chooseRole(context, extensionId, 'manager');
  await page.goto(`${crm}/app/opportunities`);
  await startFromPopup(context, extensionId, page, 'Find stalled deals');
  const card = stepCard(page);
  await expect(card).toContainText('The oldest deal');
  const row = page.locator('.list-scroll tbody tr:last-child a').first();
  const inView = await row.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const scroller = el.closest('.list-scroll')!.getBoundingClientRect();
    return box.top >= scroller.top && box.bottom <= scroller.bottom;
  });
  expect(inView).toBe(true);
  const [cardBox, rowBox] = [await card.boundingBox(), await row.boundingBox()];
  expect((cardBox?.y ?? 0) + (cardBox?.height ?? 0)).toBeLessThanOrEqual((rowBox?.y ?? 0) + 1);
  // Scrolling the container moves the bubble with its target, and hides it once the row is gone.
  await page.locator('.list-scroll').evaluate((el) => el.scrollBy(0, -60));
  await expect
    .poll(async () => (await card.boundingBox())?.y)
    .toBeCloseTo((cardBox?.y ?? 0) + 60, -1);
  await page.locator('.list-scroll').evaluate((el) => el.scrollTo(0, 0));
  await expect(card).toBeHidden();
});

test('a target hidden under the sticky header is brought back into view', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const card = await openRecordWithLogACall(page, crm, 'opp-1002');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  // The button's top edge now sits under the 64px sticky header.
  const button = page.locator('[data-anchor="opportunity.logCall"]');
  await page.evaluate(() => window.scrollTo(0, 90));
  const covered = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < 64 && r.bottom > 0;
  });
  expect(covered).toBe(true);
  await startFromPopup(context, extensionId, page, 'Log a call on an opportunity');
  await expect(card).toContainText('Log the call');
  const clear = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
    return hit === el || el.contains(hit);
  });
  expect(clear).toBe(true);
});

test('a step waits for its page in the hash-routed area and shows on arrival', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await chooseRole(context, extensionId, 'manager');
  await page.goto(`${crm}/app/reports#/`);
  await startFromPopup(context, extensionId, page, 'Run the weekly pipeline review');
  const card = stepCard(page);
  // Step 1 belongs to report:pipeline; on the report index nothing is shown yet.
  await page.waitForTimeout(500);
  await expect(card).toHaveCount(0);
  await page.locator('[data-anchor="reports.link.pipeline"]').click();
  await expect(page).toHaveURL(/#\/pipeline$/);
  await expect(card).toContainText('Pipeline by stage');
  await page.goBack();
  await expect(card).toHaveCount(0);
  await page.goForward();
  await expect(card).toContainText('Pipeline by stage');
});
