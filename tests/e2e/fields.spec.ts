import { expect, launchBrowser, test } from './fixtures';

test("a field rule's tip shows while the field is empty, and goes once it is filled", async ({
  page,
  crm,
}) => {
  await page.goto(`${crm}/app/opportunities/opp-1005/edit`);
  const nextStep = page.getByRole('textbox', { name: 'Next Step' });
  await nextStep.fill('');
  const hint = page.locator('waymark-layer [role=note]');
  await page.getByRole('textbox', { name: 'Description' }).click();
  await expect(hint).toHaveCount(0);

  await nextStep.click();
  await expect(hint).toHaveText('Deals without a next step stall: add one.');
  await expect(page.locator('waymark-layer').getByRole('status')).toHaveText(
    'Deals without a next step stall: add one.',
  );
  // Beside the field, not on it.
  const [hintBox, fieldBox] = [await hint.boundingBox(), await nextStep.boundingBox()];
  const hintRight = (hintBox?.x ?? 0) + (hintBox?.width ?? 0);
  const fieldRight = (fieldBox?.x ?? 0) + (fieldBox?.width ?? 0);
  expect(hintRight <= (fieldBox?.x ?? 0) + 1 || (hintBox?.x ?? 0) >= fieldRight - 1).toBe(true);

  await nextStep.pressSequentially('Demo');
  await expect(hint).toHaveCount(0);
  await nextStep.fill('');
  await expect(hint).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(hint).toHaveCount(0);
});

test('a field focused before its rule arrives gets the tip when the rule does', async ({ crm }) => {
  // Without the page fixture: a new install answers CRM pages only once Chrome has answered for
  // its policy, seconds after the start, so the rep is in the field first.
  const context = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${crm}/app/opportunities/opp-1005/edit`);
    const nextStep = page.getByRole('textbox', { name: 'Next Step' });
    await nextStep.fill('');
    await expect(nextStep).toBeFocused();
    await expect(page.locator('waymark-layer [role=note]')).toHaveText(
      'Deals without a next step stall: add one.',
    );
  } finally {
    await context.close();
  }
});
