import { expect, launchBrowser, storedEvents, test } from './fixtures';

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

test('labels written as the common UI libraries write them: each rule shows at entry and counts at save', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  // The label-form guide lives with the conformance pages' guides: a trainer imports it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const guides = options.getByRole('region', { name: 'Guides', exact: true });
  await guides
    .getByLabel('Guide files (.json)')
    .setInputFiles('tests/conformance/guides/demo-contact-card.json');
  await expect(guides.getByRole('status')).toContainText('Imported');
  await options.close();
  await page.goto(`${crm}/app/settings`);
  const form = page.getByRole('region', { name: 'Contact card' });
  const hint = page.locator('waymark-layer [role=note]');
  const fields: [string, ReturnType<typeof form.locator>, string][] = [
    ['mobile-phone', form.locator('#contact-mobile'), 'Add your mobile'],
    ['job-title', form.locator('#contact-title'), 'Add your job title'],
    ['office', form.locator('#contact-office'), 'Name your office'],
    ['time-zone', form.locator('select[name=timezone]'), 'Pick your time zone'],
    ['email-signature', form.locator('textarea[name=signature]'), 'Add a signature'],
  ];
  for (const [, field, message] of fields) {
    await field.focus();
    await expect(hint).toContainText(message);
  }
  const counted = async () =>
    (await storedEvents(context))
      .filter((e) => e.kind === 'field.empty' && e.pageType === 'settings')
      .map((e) => e.field)
      .sort();
  // The signature's tip lies over the form's Save button: a tip is read, never in the way, so
  // the rep's click goes through it to the button.
  const save = form.getByRole('button', { name: 'Save contact card' });
  const [hintBox, saveBox] = [await hint.boundingBox(), await save.boundingBox()];
  const overlap = (a: typeof hintBox, b: typeof hintBox) =>
    !!a &&
    !!b &&
    a.x < b.x + b.width &&
    b.x < a.x + a.width &&
    a.y < b.y + b.height &&
    b.y < a.y + a.height;
  expect(overlap(hintBox, saveBox)).toBe(true);
  expect(
    await save.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === button;
    }),
  ).toBe(true);
  await save.click();
  await expect.poll(counted).toEqual(fields.map(([key]) => key).sort());

  await form.locator('#contact-title').fill('Account executive');
  await form.locator('#contact-office').fill('Berlin');
  await form.locator('select[name=timezone]').selectOption('Europe/Berlin');
  await form.locator('textarea[name=signature]').fill('Jordan');
  // The phone format runs in the page (the RE2 engine is injected for it): words are not a phone.
  const mobile = form.locator('#contact-mobile');
  await mobile.fill('call me maybe');
  await form.locator('#contact-title').focus();
  await mobile.focus();
  await expect(hint).toContainText('Add your mobile');
  await form.getByRole('button', { name: 'Save contact card' }).click();
  const invalid = async () =>
    (await storedEvents(context)).filter((e) => e.kind === 'field.invalid').map((e) => e.field);
  await expect.poll(invalid).toEqual(['mobile-phone']);
  for (const event of await storedEvents(context)) {
    expect(JSON.stringify(event)).not.toContain('call me');
  }

  // Filled in its format: nothing more is counted.
  await mobile.fill('+49 30 1234');
  await expect(hint).toHaveCount(0);
  await form.getByRole('button', { name: 'Save contact card' }).click();
  await expect(form.getByRole('status')).toHaveText('Contact card saved.');
  await page.waitForTimeout(500);
  expect(await counted()).toEqual(fields.map(([key]) => key).sort());
  expect(await invalid()).toEqual(['mobile-phone']);
});
