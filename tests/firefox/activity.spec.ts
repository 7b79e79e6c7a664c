/** "My activity" in Firefox ESR: what this browser recorded, exported to a file, then erased. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityExport } from '../../core/messages';
import {
  byRole,
  expect,
  expectStep,
  expectText,
  openExtensionPage,
  reloadExtensionPage,
  test,
  textOf,
} from './fixtures';

test('a rep sees, exports and erases their own activity', async ({
  firefox,
  tab,
  crm,
  downloads,
}) => {
  await tab.goto(`${crm}/app/opportunities`);
  await tab.goto(`${crm}/app/opportunities/opp-1001`);
  await expectStep(tab, 'Log the call');
  await tab.keyboard.press('Escape');

  const activity = await openExtensionPage(firefox, 'options.html');
  await activity.waitForSelector('h1::-p-text(My activity)');
  await expectText(activity, 'This data stays in this browser.');
  // Events reach the background in batches: look again until the dismissal is there.
  await expect
    .poll(async () => {
      await reloadExtensionPage(activity);
      // The log is read after the page has loaded: once it is on the page.
      await expectText(activity, /events stored/);
      return textOf(activity);
    })
    .toContain('guide.dismissed');
  const text = await textOf(activity);
  expect(text).toContain('opportunity:record');
  expect(text).toContain('opportunity:list');
  // Page types only: no record id, host or path.
  const html = await activity.content();
  expect(html).not.toContain('opp-1001');
  expect(html).not.toContain(new URL(crm).host);
  const total = Number(/(\d+) events stored/.exec(text)?.[1]);
  expect(total).toBeGreaterThan(2);

  // Export: a JSON file in the downloads folder, with the same events.
  await activity.locator(byRole('button', 'Export')).click();
  await expectText(activity, `Exported ${total} events.`);
  const exportedFile = async () => (await readdir(downloads)).find((f) => f.endsWith('.json'));
  await expect.poll(exportedFile).toMatch(/^waymark-activity-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(downloads, (await exportedFile())!);
  // Firefox names the file before it has finished writing it: read until it is whole.
  const whole = async () => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as ActivityExport;
    } catch {
      return null;
    }
  };
  await expect.poll(whole).not.toBeNull();
  const exported = (await whole())!;
  expect(exported.role).toBe('rep');
  expect(exported.events).toHaveLength(total);
  expect(exported.runs).toEqual([
    expect.objectContaining({ guideId: 'demo-log-call', status: 'dismissed' }),
  ]);
  expect(JSON.stringify(exported)).not.toContain('opp-1001');

  // The CRM tab would start the guide again once its progress is gone: closed first.
  await tab.close();
  await activity.locator(byRole('button', 'Erase everything…')).click();
  const dialog = byRole('dialog', 'Erase all your activity?');
  await activity.waitForSelector(dialog);
  await activity.locator(`${dialog} ${byRole('button', 'Erase')}`).click();
  await expectText(activity, `Erased ${total} events.`);
  await reloadExtensionPage(activity);
  await expectText(activity, 'No events stored.');
  await expectText(activity, 'You have not started any guides yet.');
});
