import { chooseRole, expect, openPopup, startFromPopup, stepCard, test } from './fixtures';
import { expectNoAxeViolations } from '../axe';

test('guides follow the role the rep picks', async ({ page, crm, context, extensionId }) => {
  await page.goto(`${crm}/app/reports#/pipeline`);
  let popup = await openPopup(context, extensionId, page);
  await expect(popup.getByLabel('Your role')).toHaveValue('rep');
  await expectNoAxeViolations(popup);
  await expect(popup.getByText('No guides for Sales rep on this page.')).toBeVisible();
  const repChecklist = await popup.locator('.checklist li').allTextContents();
  expect(repChecklist.join()).not.toContain('pipeline review');

  await popup.getByLabel('Your role').selectOption('manager');
  await expect(
    popup.getByRole('button', { name: 'Start Run the weekly pipeline review' }),
  ).toBeVisible();
  await expect(popup.locator('.checklist')).toContainText('Run the weekly pipeline review');
  await popup.close();

  await startFromPopup(context, extensionId, page, 'Run the weekly pipeline review');
  await expect(stepCard(page)).toContainText('Pipeline by stage');

  // A role without this guide: it leaves the page at once.
  await chooseRole(context, extensionId, 'service');
  await expect(stepCard(page)).toHaveCount(0);
  popup = await openPopup(context, extensionId, page);
  await expect(popup.getByText('No guides for Service agent on this page.')).toBeVisible();
});

test('auto-launch respects the role', async ({ page, crm, context, extensionId }) => {
  await chooseRole(context, extensionId, 'service');
  await page.goto(`${crm}/app/opportunities/opp-1006`);
  await expect(page.locator('[data-anchor="opportunity.logCall"]')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(stepCard(page)).toHaveCount(0);
  await chooseRole(context, extensionId, 'manager');
  await expect(stepCard(page)).toContainText('Log the call');
});

test('the checklist shows progress, and guidance can be paused', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await page.goto(`${crm}/app/home`);
  let popup = await openPopup(context, extensionId, page);
  const welcome = popup.locator('.checklist li', { hasText: 'Welcome to Summit CRM' });
  await expect(welcome).toContainText('Not started');
  await expect(popup.getByText(/0 of \d+ done/)).toBeVisible();
  await popup.close();

  await startFromPopup(context, extensionId, page, 'Welcome to Summit CRM');
  const card = stepCard(page);
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Your open deals');
  popup = await openPopup(context, extensionId, page);
  await expect(popup.locator('.checklist li', { hasText: 'Welcome to Summit CRM' })).toContainText(
    'In progress, step 2 of 3',
  );
  await expect(popup.getByText('In progress: Welcome to Summit CRM')).toBeVisible();

  // Pause: the step leaves the page; resume: it comes back where it was.
  await popup.getByLabel('Pause guidance').check();
  await expect(card).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Start Welcome to Summit CRM' })).toBeDisabled();
  await popup.getByLabel('Pause guidance').uncheck();
  await expect(card).toContainText('Your open deals');
  await popup.close();

  await card.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Open tip: All opportunities' }).click();
  await card.getByRole('button', { name: 'Done' }).click();
  popup = await openPopup(context, extensionId, page);
  await expect(popup.locator('.checklist li', { hasText: 'Welcome to Summit CRM' })).toContainText(
    'Done',
  );
  await expect(popup.getByText(/1 of \d+ done/)).toBeVisible();
});

test('the popup says plainly when Waymark does not run on a page', async ({
  extensionId,
  page,
}) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByText('Waymark does not run on this page.')).toBeVisible();
});
