/** The popup in Firefox ESR, opened as the extension's page: role, this page's guides, checklist, pause. */
import {
  byRole,
  clickInStep,
  expect,
  expectNoStep,
  expectStep,
  expectText,
  openPopup,
  startFromPopup,
  test,
  textOf,
} from './fixtures';

test('guides follow the role the rep picks in the popup', async ({ firefox, tab, crm }) => {
  await tab.goto(`${crm}/app/reports#/pipeline`);
  const popup = await openPopup(firefox, tab);
  const role = byRole('combobox', 'Your role');
  expect(await popup.$eval(role, (e) => (e as HTMLSelectElement).value)).toBe('rep');
  await expectText(popup, 'No guides for Sales rep on this page.');
  expect(await textOf(popup)).not.toContain('pipeline review');

  await popup.locator(role).fill('manager');
  await popup.waitForSelector(byRole('button', 'Start Run the weekly pipeline review'));
  const checklist = await popup.$eval('.checklist', (list) => list.textContent);
  expect(checklist).toContain('Run the weekly pipeline review');
  await popup.close();

  await startFromPopup(firefox, tab, 'Run the weekly pipeline review');
  await expectStep(tab, 'Pipeline by stage');
});

test('the checklist shows progress, and guidance can be paused and resumed', async ({
  firefox,
  tab,
  crm,
}) => {
  await tab.goto(`${crm}/app/home`);
  let popup = await openPopup(firefox, tab);
  const welcome = () =>
    popup.$$eval('.checklist li', (items) =>
      items.map((li) => li.textContent ?? '').find((t) => t.includes('Welcome to Summit CRM')),
    );
  expect(await welcome()).toContain('Not started');
  await expectText(popup, /0 of \d+ done/);
  await popup.close();

  await startFromPopup(firefox, tab, 'Welcome to Summit CRM');
  await clickInStep(tab, 'Next');
  await expectStep(tab, 'Your open deals');
  popup = await openPopup(firefox, tab);
  expect(await welcome()).toContain('In progress, step 2 of 3');
  await expectText(popup, 'In progress: Welcome to Summit CRM');

  // Pause: the step leaves the page; resume: it comes back where it was.
  const pause = byRole('checkbox', 'Pause guidance');
  await popup.locator(pause).click();
  await expectNoStep(tab);
  expect(
    await popup.$eval(
      byRole('button', 'Start Welcome to Summit CRM'),
      (b) => (b as HTMLButtonElement).disabled,
    ),
  ).toBe(true);
  await popup.locator(pause).click();
  await expectStep(tab, 'Your open deals');
  await popup.close();
});
