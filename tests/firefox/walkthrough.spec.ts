/**
 * A rep's walkthroughs in Firefox ESR, against the real Firefox package: auto-launch, SPA
 * navigation and a full reload.
 */
import { clickInStep, expect, expectStep, stepText, test } from './fixtures';

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
