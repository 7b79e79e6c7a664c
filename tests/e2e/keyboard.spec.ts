import {
  expect,
  startFromPopup,
  stepCard,
  test,
  startWelcomeTour,
  openRecordWithLogACall,
} from './fixtures';

/** The element that has focus, looking through shadow roots (ours included). */
async function focusedName(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`;
  });
}

test('a walkthrough can be completed with the keyboard alone', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const card = await startWelcomeTour(page, crm, context, extensionId);
  await expect(card).toContainText('Welcome');
  await expect(card).toHaveAttribute('aria-modal', 'true');
  // Focus moves into the step; Tab stays inside a modal step.
  await expect.poll(() => focusedName(page)).toBe('button:Next');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedName(page)).toBe('button:Next');
  await page.keyboard.press('Enter');
  await expect(card).toContainText('Your open deals');
  await expect.poll(() => focusedName(page)).toBe('button:Next');
  await page.keyboard.press('ArrowLeft');
  await expect(card).toContainText('Welcome');
  await page.keyboard.press('ArrowRight');
  await expect(card).toContainText('Your open deals');
  await page.keyboard.press('Enter');
  // A hotspot: the beacon takes focus, Enter opens its bubble, Esc closes only the bubble.
  const beacon = page.getByRole('button', { name: 'Open tip: All opportunities' });
  await expect(beacon).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => focusedName(page)).toBe('button:Open tip: All opportunities');
  await page.keyboard.press('Enter');
  await expect(card).toContainText('The full list');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(beacon).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('button:Done');
  await page.keyboard.press('Enter');
  await expect(beacon).toHaveCount(0);
});

test('action steps are done from the keyboard through "Show me"', async ({ page, crm }) => {
  const card = await openRecordWithLogACall(page, crm, 'opp-1003');
  await expect.poll(() => focusedName(page)).toBe('button:Show me');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toBe('button:Log a Call');
  await page.keyboard.press('Enter');
  // The CRM's own dialog takes focus; the next step must not steal it from the field.
  await expect(card).toContainText("Use the customer's words");
  await expect.poll(() => focusedName(page)).toMatch(/^input:/);
  await page.keyboard.type(' about pricing');
  await expect(card).toContainText('Save the call');
  await expect.poll(() => focusedName(page)).toMatch(/^input:/);
  // Focus stayed in the field, so the new step is announced instead.
  await expect(page.locator('waymark-layer').getByRole('status')).toHaveText(
    'Save the call so it shows on the activity timeline.',
  );
  for (let i = 0; i < 6 && (await focusedName(page)) !== 'button:Save'; i++) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedName(page)).toBe('button:Save');
  await page.keyboard.press('Enter');
  await expect(card).toContainText("That's it");
  await expect.poll(() => focusedName(page)).toBe('button:Done');
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
});

test('Esc closes a walkthrough and focus returns to where it was', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  await page.goto(`${crm}/app/home`);
  await page.getByLabel('Search Summit').focus();
  await startFromPopup(context, extensionId, page, 'Welcome to Summit CRM');
  const card = stepCard(page);
  await expect(card).toContainText('Welcome');
  await expect.poll(() => focusedName(page)).toBe('button:Next');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect.poll(() => focusedName(page)).toBe('input:');
  await expect(page.getByLabel('Search Summit')).toBeFocused();
});
