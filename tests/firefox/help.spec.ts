/** The in-page help panel in Firefox ESR: found, searched, and a guide started on its own page. */
import { expect, expectStep, test } from './fixtures';

const HELP = 'waymark-help >>> ';

test('a rep searches the help panel and starts a guide that opens its own page first', async ({
  tab,
  crm,
}) => {
  await tab.goto(`${crm}/app/opportunities`);
  const button = await tab.waitForSelector(`${HELP}button[aria-label="Waymark help"]`, {
    visible: true,
    timeout: 15_000,
  });
  await button?.click();
  const search = await tab.waitForSelector(`${HELP}#wm-help-query`, { visible: true });
  // Focus is in the search as the panel opens.
  expect(
    await search?.evaluate((el) => el.getRootNode() instanceof ShadowRoot && el.matches(':focus')),
  ).toBe(true);
  await tab.keyboard.type('full name');
  // The list is drawn again as each search answers: wait for the one for the whole query.
  await tab.waitForSelector(`${HELP}::-p-text(1 guide found)`, { visible: true });
  const results = await tab.$eval(`${HELP}[role=dialog]`, (panel) => panel.textContent ?? '');
  expect(results).toContain('Starts on: settings. Opens that page, then starts.');
  // A locator finds the button again should the list be drawn once more before the click.
  await Promise.all([
    tab.waitForNavigation(),
    tab.locator(`${HELP}button[aria-label="Start Set your display name"]`).click(),
  ]);
  expect(tab.url()).toBe(`${crm}/app/settings`);
  await expectStep(tab, 'Use your full name');
});
