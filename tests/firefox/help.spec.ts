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
  const start = await tab.waitForSelector(
    `${HELP}button[aria-label="Start Set your display name"]`,
    {
      visible: true,
    },
  );
  const results = await tab.$eval(`${HELP}[role=dialog]`, (panel) => panel.textContent ?? '');
  expect(results).toContain('Starts on: settings. Opens that page, then starts.');
  await Promise.all([tab.waitForNavigation(), start?.click()]);
  expect(tab.url()).toBe(`${crm}/app/settings`);
  await expectStep(tab, 'Use your full name');
});
