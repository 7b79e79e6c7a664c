/**
 * Guide import in the options page: problems read as guides:check words them and lose nothing,
 * an imported guide runs like a bundled one, versions decide what replaces what, and each guide
 * shows how often its targets were missing in this browser (options page and popup).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import {
  chooseRole,
  expect,
  extensionIdOf,
  launchBrowser,
  openPopup,
  stepCard,
  storedEvents,
  test,
  walkLogACall,
} from './fixtures';

const BUNDLED_COUNT = readdirSync('guides').filter(
  (name) => name.endsWith('.json') && name !== 'guide.schema.json',
).length;
const logCall = JSON.parse(readFileSync('guides/demo-log-call.json', 'utf8')) as Record<
  string,
  unknown
> & { steps: Record<string, unknown>[] };

/** "Log a call" rewritten by a trainer for service agents, who have no guide on a record page. */
function serviceGuide(version: number, over: Record<string, unknown> = {}) {
  return {
    ...logCall,
    $schema: undefined,
    id: 'service-log-call',
    version,
    title: `Service: log a call (v${version})`,
    roles: ['service'],
    ...over,
  };
}
const text = (guide: object) => JSON.stringify(guide, null, 2);

async function openGuides(context: BrowserContext, extensionId: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const guides = options.getByRole('region', { name: 'Guides', exact: true });
  // The bundled pack is listed once the library has loaded.
  await expect(guides.getByRole('row').filter({ hasText: 'demo-log-call' })).toBeVisible();
  return { options, guides };
}

test('invalid JSON and invalid guides are refused with guides:check sentences; nothing is lost', async ({
  context,
  extensionId,
}) => {
  const { guides } = await openGuides(context, extensionId);
  const textarea = guides.getByLabel('Or paste a guide’s JSON');
  const problems = guides.getByRole('alert');

  // Keyboard only: type, Tab to Import, Enter.
  await textarea.fill('{ "id": "half-a-guide", ');
  await textarea.press('Tab');
  await expect(guides.getByRole('button', { name: 'Import' })).toBeFocused();
  await guides.page().keyboard.press('Enter');
  await expect(problems).toContainText('Nothing was imported: 1 problem');
  await expect(problems.getByRole('listitem')).toHaveText([
    /^pasted text: is not valid JSON \(.+\)$/,
  ]);
  await expect(problems).toBeFocused();
  await expect(textarea).toHaveValue('{ "id": "half-a-guide", ');
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await expect(textarea).toHaveAttribute('aria-describedby', 'import-problems');

  const bad = serviceGuide(1, { title: undefined });
  bad.steps = [{ ...logCall.steps[0], advance: { on: 'clik' } }];
  await textarea.fill(text(bad));
  await guides.getByRole('button', { name: 'Import' }).click();
  await expect(problems.getByRole('listitem')).toHaveText([
    'pasted text title: is required',
    'pasted text steps[0].advance.on: expected one of next, click, input, change, visible, route — got "clik"',
  ]);
  await expect(textarea).toHaveValue(text(bad));

  await guides.getByLabel('Guide files (.json)').setInputFiles([
    {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text(serviceGuide(0))),
    },
    {
      name: 'fine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text({ ...serviceGuide(1), id: 'fine-guide' })),
    },
  ]);
  await expect(problems.getByRole('listitem')).toHaveText([
    'broken.json version: must be at least 1 — got 0',
  ]);
  await expect(problems).toBeFocused();
  await expect(guides.getByLabel('Guide files (.json)')).toHaveAttribute('aria-invalid', 'true');
  // All or nothing: the valid file of the pair was not imported either.
  await expect(guides.locator('tbody tr')).toHaveCount(BUNDLED_COUNT);
  // The pasted text is still there to fix.
  await expect(textarea).toHaveValue(text(bad));
});

test('an imported guide runs like a bundled one; versions decide; missing targets are counted', async ({
  context,
  extensionId,
  page,
  crm,
}) => {
  test.setTimeout(60_000);
  await chooseRole(context, extensionId, 'service');
  const { options, guides } = await openGuides(context, extensionId);
  const row = guides.locator('tr[data-guide="service-log-call"]');

  await guides.getByLabel('Guide files (.json)').setInputFiles({
    name: 'service-log-call.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text(serviceGuide(1))),
  });
  await expect(guides.getByRole('status')).toHaveText(
    'Imported “Service: log a call (v1)” (version 1).',
  );
  await expect(row.getByRole('cell')).toHaveText([
    '1',
    /^Imported/,
    'Service agent',
    'none',
    'Remove…',
  ]);

  // It auto-launches for a service agent on a record, and the popup lists it there.
  await page.goto(`${crm}/app/opportunities/opp-1001`);
  await expect(stepCard(page)).toContainText('Log the call');
  const popup = await openPopup(context, extensionId, page);
  await expect(popup.getByRole('button', { name: 'Start Service: log a call (v1)' })).toBeVisible();
  await expect(popup.getByText(/target missing/)).toHaveCount(0);
  await popup.close();
  await walkLogACall(page, 'Customer asked for a callback');
  await expect
    .poll(async () =>
      (await storedEvents(context))
        .filter((e) => e.guideId === 'service-log-call')
        .map((e) => `${String(e.kind)}@${String(e.guideVersion)}`),
    )
    .toContain('guide.completed@1');

  // The rep moves on to the home page while the trainer imports version 2 (on a record page the
  // import's refresh would start it there already).
  await page.goto(`${crm}/app/home`);
  // Version 2 replaces it: its first step points at something the CRM does not have.
  const v2 = serviceGuide(2);
  v2.steps = [
    { ...logCall.steps[0], target: { css: '#waymark-e2e-no-such-button' }, wait: 1000 },
    ...logCall.steps.slice(1),
  ];
  const textarea = guides.getByLabel('Or paste a guide’s JSON');
  await textarea.fill(text(v2));
  await guides.getByRole('button', { name: 'Import' }).click();
  await expect(guides.getByRole('status')).toHaveText(
    'Imported “Service: log a call (v2)” (version 2, replacing version 1).',
  );
  await expect(textarea).toHaveValue('');
  await expect(row.getByRole('cell').first()).toHaveText('2');

  // The same or a lower version is refused, and the text stays.
  await textarea.fill(text(serviceGuide(1)));
  await guides.getByRole('button', { name: 'Import' }).click();
  await expect(guides.getByRole('alert').getByRole('listitem')).toHaveText([
    'pasted text version: is 1, but "service-log-call" already has version 2 (imported); raise version above 2 to replace it',
  ]);
  await expect(textarea).toHaveValue(text(serviceGuide(1)));
  await expect(row.getByRole('cell').first()).toHaveText('2');

  // The new version starts again on the record, and its first target is missing.
  await page.goto(`${crm}/app/opportunities/opp-1002`);
  const missing = page.getByRole('alertdialog', { name: "Can't find this on the page" });
  await expect(missing).toBeVisible();
  await missing.getByRole('button', { name: 'Exit guide' }).click();
  await expect
    .poll(async () =>
      (await storedEvents(context)).filter(
        (e) => e.kind === 'target.missing' && e.guideId === 'service-log-call',
      ),
    )
    .toEqual([expect.objectContaining({ guideVersion: 2, stepId: 'open' })]);

  await options.reload();
  await expect(row.locator('td.missing')).toHaveText('1×');
  const popupAfter = await openPopup(context, extensionId, page);
  await expect(
    popupAfter
      .getByRole('region', { name: 'On this page' })
      .getByRole('listitem')
      .filter({ hasText: 'Service: log a call (v2)' }),
  ).toContainText('target missing 1× here');
  await popupAfter.close();

  // Remove, with a confirmation that starts on Cancel and gives focus back.
  await options.bringToFront();
  const removeButton = guides.getByRole('button', { name: 'Remove Service: log a call (v2)' });
  await removeButton.click();
  const dialog = options.getByRole('dialog', { name: 'Remove “Service: log a call (v2)”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await options.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(removeButton).toBeFocused();
  await removeButton.click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(guides.getByRole('status')).toHaveText('Removed “Service: log a call (v2)”.');
  await expect(row).toHaveCount(0);
  await expect(guides.getByRole('heading', { name: 'Guides in this browser' })).toBeFocused();
  await expect(guides.locator('tbody tr')).toHaveCount(BUNDLED_COUNT);
});

test('an import replaces a bundled guide with a higher version and removing it brings it back', async ({
  context,
  extensionId,
}) => {
  const { guides } = await openGuides(context, extensionId);
  const row = guides.locator('tr[data-guide="demo-log-call"]');
  const textarea = guides.getByLabel('Or paste a guide’s JSON');
  await textarea.fill(text({ ...logCall, version: 1 }));
  await guides.getByRole('button', { name: 'Import' }).click();
  await expect(guides.getByRole('alert').getByRole('listitem')).toHaveText([
    'pasted text version: is 1, but "demo-log-call" already has version 1 (built into Waymark); raise version above 1 to replace it',
  ]);

  await textarea.fill(text({ ...logCall, version: 2, title: 'Log a call, our way' }));
  await guides.getByRole('button', { name: 'Import' }).click();
  await expect(guides.getByRole('status')).toHaveText(
    'Imported “Log a call, our way” (version 2, replacing the built-in version 1).',
  );
  await expect(row).toContainText('over built-in version 1');

  await guides.getByRole('button', { name: 'Remove Log a call, our way' }).click();
  const dialog = guides.page().getByRole('dialog');
  await expect(dialog).toContainText('The built-in version 1 comes back.');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(guides.getByRole('status')).toHaveText(
    'Removed “Log a call, our way”. The built-in version 1 is back.',
  );
  await expect(row.getByRole('cell').nth(1)).toHaveText('Built in');
});

test('an imported higher version survives a browser restart, when the bundled pack registers again', async ({
  crm,
}) => {
  test.setTimeout(60_000);
  const profile = mkdtempSync(join(tmpdir(), 'waymark-import-'));
  let context = await launchBrowser(profile);
  try {
    const extensionId = await extensionIdOf(context);
    const { guides } = await openGuides(context, extensionId);
    const [first, ...rest] = logCall.steps;
    await guides.getByLabel('Or paste a guide’s JSON').fill(
      text({
        ...logCall,
        version: 2,
        steps: [{ ...first, title: 'Log the call, our way' }, ...rest],
      }),
    );
    await guides.getByRole('button', { name: 'Import' }).click();
    await expect(guides.getByRole('status')).toContainText('replacing the built-in version 1');
    await context.close();

    context = await launchBrowser(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${crm}/app/opportunities/opp-1003`);
    await expect(stepCard(page)).toContainText('Log the call, our way');
    const again = await openGuides(context, extensionId);
    await expect(again.guides.locator('tr[data-guide="demo-log-call"] td').first()).toHaveText('2');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
