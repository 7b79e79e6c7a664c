import { expect, stepCard, test } from './fixtures';

test('auto-launched walkthrough on a record page: click, type, save, done', async ({
  page,
  crm,
}) => {
  await page.goto(`${crm}/app/opportunities/opp-1001`);
  const card = stepCard(page);
  await expect(card).toContainText('Log the call');
  await page.getByRole('button', { name: 'Log a Call' }).click();
  await expect(card).toContainText("Use the customer's words");
  await page.getByLabel('Subject').fill('Pricing questions');
  await expect(card).toContainText('Save the call');
  await page.locator('[data-anchor="call.save"]').click();
  await expect(card).toContainText("That's it");
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toHaveCount(0);
});
