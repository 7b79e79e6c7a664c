/**
 * An organisation's policy from Firefox's own `policies.json` (`3rdparty` → `Extensions` → our
 * add-on id): shown in the options as the organisation's, and taking effect on role and sync
 * without asking the rep anything.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remoteTotals, startAcmeEndpoint } from '../acmeEndpoint';
import {
  byRole,
  expect,
  expectText,
  openExtensionPage,
  openPopup,
  startFirefox,
  syncNow,
  test,
} from './fixtures';

test("a policy in Firefox's policies.json takes effect and is shown as the organisation's", async ({
  crm,
}) => {
  test.setTimeout(120_000);
  const { endpoint, token } = await startAcmeEndpoint(
    mkdtempSync(join(tmpdir(), 'waymark-ff-policy-')),
  );
  const firefox = await startFirefox(
    {},
    {
      endpointUrl: endpoint.url,
      ingestToken: token,
      syncEnabled: true,
      defaultRole: 'manager',
      allowedRoles: ['manager', 'rep'],
      cohort: 'wave-ff',
    },
  );
  try {
    const options = await openExtensionPage(firefox, 'options.html');
    const value = (key: string) =>
      options.$eval(`[data-policy="${key}"] dd`, (dd) => dd.textContent?.trim());
    await expect.poll(() => value('defaultRole').catch(() => null)).toBe('Sales manager');
    expect(await value('endpointUrl')).toBe(endpoint.url);
    expect(await value('ingestToken')).toBe('set');
    expect(await value('allowedRoles')).toBe('Sales manager, Sales rep');
    expect(await value('cohort')).toBe('wave-ff');
    expect(await value('syncEnabled')).toBe('on');
    expect(await options.content()).not.toContain(token);

    // The organisation's role: the manager's guides on the report page, chosen by no one here.
    const tab = await firefox.browser.newPage({ type: 'window' });
    await tab.goto(`${crm}/app/reports#/pipeline`);
    const popup = await openPopup(firefox, tab);
    expect(
      await popup.$eval(byRole('combobox', 'Your role'), (e) => (e as HTMLSelectElement).value),
    ).toBe('manager');
    await popup.waitForSelector(byRole('button', 'Start Run the weekly pipeline review'));
    await popup.close();

    // Sync the organisation turned on: delivered with no prompt and no click.
    await tab.goto(`${crm}/app/opportunities`);
    await tab.goto(`${crm}/app/home`);
    await tab.close();
    await expect
      .poll(async () => {
        await syncNow(options);
        return (await remoteTotals(endpoint))['page.viewed'] ?? 0;
      })
      .toBeGreaterThanOrEqual(3);
    await expectText(options, 'Managed by your organization');
  } finally {
    await firefox.browser.close();
    await endpoint.close();
  }
});
