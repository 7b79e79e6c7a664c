/**
 * A rep's walkthroughs in Firefox ESR, against the real Firefox package: auto-launch, SPA
 * navigation (history and hash), a full reload, and targets in shadow roots, in an iframe and
 * rendered late.
 */
import {
  byRole,
  CARD_SELECTOR,
  chooseRole,
  clickInStep,
  expect,
  expectNoStep,
  expectStep,
  expectText,
  startFromPopup,
  stepText,
  test,
} from './fixtures';

test('auto-launched walkthrough on a record page: click, type, save, done; once means once', async ({
  tab,
  crm,
}) => {
  await tab.goto(`${crm}/app/opportunities/opp-1001`);
  await expectStep(tab, 'Log the call');
  await tab.locator('button::-p-text(Log a Call)').click();
  await expectStep(tab, "Use the customer's words");
  await tab.locator('#call-subject').fill('Pricing questions');
  await expectStep(tab, 'Save the call');
  await tab.locator('[data-anchor="call.save"]').click();
  await expectStep(tab, "That's it");
  await clickInStep(tab, 'Done');
  await expect.poll(() => stepText(tab)).toBeNull();
  await tab.reload();
  await tab.waitForSelector('h1::-p-text(Acme Logistics)');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await stepText(tab)).toBeNull();
});

test('the walkthrough starts after SPA navigation and carries on through a full reload', async ({
  tab,
  crm,
}) => {
  // Firefox has no Navigation API: the launcher hears SPA routes from the background's
  // webNavigation events.
  await tab.goto(`${crm}/app/opportunities`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await stepText(tab)).toBeNull();
  await tab.locator('.list-scroll tbody tr a').click();
  await expect.poll(() => tab.url()).toMatch(/\/app\/opportunities\/opp-\d+$/);
  await expectStep(tab, 'Log the call');
  await expectStep(tab, 'Step 1 of 4');
  await tab.reload();
  await expectStep(tab, 'Log the call');
  await tab.locator('button::-p-text(Log a Call)').click();
  await expectStep(tab, "Use the customer's words");
});

test('a walkthrough through a shadow-DOM form, with its field two shadow roots deep', async ({
  firefox,
  tab,
  crm,
}) => {
  await tab.goto(`${crm}/app/opportunities`);
  await startFromPopup(firefox, tab, 'Keep the next step up to date');
  await expectStep(tab, 'Open a deal');
  await tab.locator('.list-scroll tbody tr a').click();
  await expectStep(tab, 'Edit the record');
  await tab.locator('[data-anchor="record.edit"]').click();
  await expect.poll(() => tab.url()).toMatch(/\/edit$/);
  // "Next Step" sits in <wm-record-form> / <wm-input-field>, each with its own shadow root.
  await expectStep(tab, 'Write the next concrete action');
  // Typed, as a rep does: a value set by script makes no `change` in Firefox.
  await tab.locator('wm-record-form >>> #input-nextStep').click();
  await tab.keyboard.type('Demo with IT on 3 March');
  await tab.keyboard.press('Tab');
  await expectStep(tab, 'Save the record');
  await tab.locator('[data-anchor="record.save"]').click();
  await expectStep(tab, 'Deal updated');
  await clickInStep(tab, 'Done');
  await expectNoStep(tab);
  await expectText(tab, 'Demo with IT on 3 March');
});

test('targets rendered late, and targets inside a same-origin iframe', async ({
  firefox,
  tab,
  crm,
}) => {
  // The home page's data arrives 1.5 s late: the second step's table is found as it appears.
  await tab.goto(`${crm}/app/home?delay=1500`);
  await startFromPopup(firefox, tab, 'Welcome to Summit CRM');
  await expectStep(tab, 'Step 1 of 3');
  await clickInStep(tab, 'Next');
  await expectStep(tab, 'Your open deals');
  expect(await tab.$('[data-anchor="home.myOpportunitiesTable"]')).not.toBeNull();

  await tab.goto(`${crm}/app/settings`);
  await startFromPopup(firefox, tab, 'Set your display name');
  await expectStep(tab, 'Use your full name');
  const frame = await (await tab.waitForSelector('iframe[name=settings]'))!.contentFrame();
  const input = await frame.waitForSelector(byRole('textbox', 'Display name'));
  // Beside the field, in the top window's coordinates.
  const card = await tab.waitForSelector(CARD_SELECTOR);
  const [cardBox, inputBox] = [await card!.boundingBox(), await input!.boundingBox()];
  expect(cardBox!.x).toBeGreaterThanOrEqual(inputBox!.x + inputBox!.width);
  expect(Math.abs(cardBox!.y - inputBox!.y)).toBeLessThan(120);
  await input!.type('Jordan Rivera');
  await expectStep(tab, 'Save, and you are done');
  await frame.locator(byRole('button', 'Save settings')).click();
  await expectNoStep(tab);
});

test('a step waits for its page in the hash-routed area and shows on arrival', async ({
  firefox,
  tab,
  crm,
}) => {
  await chooseRole(firefox, 'manager');
  await tab.goto(`${crm}/app/reports#/`);
  await startFromPopup(firefox, tab, 'Run the weekly pipeline review');
  // Step 1 belongs to report:pipeline; on the report index nothing is shown yet.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await stepText(tab)).toBeNull();
  await tab.locator('[data-anchor="reports.link.pipeline"]').click();
  await expect.poll(() => tab.url()).toMatch(/#\/pipeline$/);
  await expectStep(tab, 'Pipeline by stage');
  await tab.goBack();
  await expectNoStep(tab);
  await tab.goForward();
  await expectStep(tab, 'Pipeline by stage');
});
