/**
 * Managed policy, for real: Chromium reads a policy file from its managed policy directory
 * (`/etc/chromium/policies/managed/*.json` on Linux), and Waymark must apply it and show it
 * locked. The directory is global, so the policy names a copy of the build made for this test:
 * an unpacked extension's id comes from its path, so the copy has an id of its own and the
 * policy touches nothing else. The file is written before Chromium starts and removed after.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { canonicalGuideText } from '../../core/guide/problems';
import type { SyncStatus } from '../../core/messages';
import type { Endpoint } from '../../server';
import {
  clickClosing,
  expect,
  startAcmeEndpoint,
  extensionIdOf,
  launchBrowser,
  openPopup,
  stepCard,
  test,
} from './fixtures';
import { ask, managedCopy } from './managedPolicy';

const ALL_TIME = { from: '2000-01-01', to: '2100-12-31' };

/** Guides only the endpoint has: one for cohort wave-1 (this install), one for wave-2. */
function endpointGuides(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-policy-guides-'));
  const guide = (id: string, title: string, cohort: string, launch: 'auto' | 'manual') => ({
    schemaVersion: 1,
    id,
    version: 1,
    title,
    roles: ['manager'],
    crm: 'demo',
    match: { page: 'opportunity:list' },
    launch: { mode: launch, once: true },
    rollout: { cohorts: [cohort], percent: 100 },
    steps: [
      { id: 'look', kind: 'modal', title: `${title}: start here`, body: 'Sort by last activity.' },
    ],
  });
  for (const g of [
    guide('wave-one-stalled', 'Wave one: stalled deals', 'wave-1', 'auto'),
    guide('wave-two-stalled', 'Wave two: stalled deals', 'wave-2', 'manual'),
  ]) {
    writeFileSync(join(dir, `${g.id}.json`), canonicalGuideText(g));
  }
  return dir;
}

/** The sync alarm's period, read in the service worker. */
async function syncPeriod(): Promise<number | undefined> {
  const { chrome } = globalThis as unknown as {
    chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
  };
  return (await chrome.alarms.get('sync:tick'))?.periodInMinutes;
}

test('a managed policy file takes effect in Chromium and is shown locked', async ({ crm }) => {
  // Includes waiting for another policy test to finish (see managedPolicy.ts).
  test.setTimeout(180_000);
  const copy = await managedCopy('waymark-policy-');
  const { work, extensionDir, id, policyFile } = copy;
  const guidesDir = endpointGuides();
  let endpoint: Endpoint | undefined;
  let context: BrowserContext | undefined;
  try {
    const started = await startAcmeEndpoint(work, { guidesDir });
    endpoint = started.endpoint;
    const { token } = started;
    const policy = {
      endpointUrl: endpoint.url,
      ingestToken: token,
      syncEnabled: true,
      syncIntervalMinutes: 15,
      defaultRole: 'rep',
      allowedRoles: ['rep', 'manager', 'service'],
      roleRules: [{ crm: 'demo', team: 'Sales', profile: 'Sales Manager', role: 'manager' }],
      cohort: 'wave-1',
      locale: 'en-GB',
      crmHosts: ['127.0.0.1'],
      // Passes Chromium's managed schema, not Waymark's: ignored, with the reason shown.
      champions: [{ name: ' ', link: 'https://chat.acme.example/sales' }],
    };
    copy.writePolicy(policy);

    context = await launchBrowser('', extensionDir);
    // The policy names the id computed from the path; the browser must agree.
    expect(await extensionIdOf(context)).toBe(id);
    const worker = context.serviceWorkers()[0];
    const errors: string[] = [];

    // The summary lists every value that applies; the token only as "set".
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const managed = options.getByRole('region', { name: 'Managed by your organization' });
    const value = (key: string) => managed.locator(`[data-policy="${key}"] dd`);
    await expect(value('endpointUrl')).toHaveText(endpoint.url);
    await expect(value('ingestToken')).toHaveText('set');
    await expect(value('defaultRole')).toHaveText('Sales rep');
    await expect(value('allowedRoles')).toHaveText('Sales rep, Sales manager, Service agent');
    await expect(value('roleRules')).toHaveText(
      'team “Sales” and profile “Sales Manager” on demo → Sales manager',
    );
    await expect(value('cohort')).toHaveText('wave-1');
    await expect(value('syncEnabled')).toHaveText('on');
    await expect(value('syncIntervalMinutes')).toHaveText('every 15 minutes');
    await expect(value('locale')).toHaveText('en-GB');
    await expect(value('crmHosts')).toHaveText('127.0.0.1');
    await expect(managed.locator('[data-policy="champions"]')).toHaveCount(0);
    await expect(managed.getByRole('list', { name: 'Ignored' })).toHaveText(
      'champions[0].name: must not be empty',
    );
    expect(await options.content()).not.toContain(token);

    // Sync settings: the organisation's values, read-only, and no way to turn sync off.
    const sync = options.getByRole('region', { name: 'Sync', exact: true });
    const address = sync.getByLabel('Endpoint address');
    await expect(address).toHaveValue(endpoint.url);
    await expect(address).toHaveAttribute('readonly', '');
    await expect(address).toHaveAccessibleDescription('set by your organization');
    const tokenInput = sync.getByLabel('Ingest token');
    await expect(tokenInput).toHaveAttribute('readonly', '');
    await expect(tokenInput).toHaveAttribute('placeholder', 'set by your organization');
    await expect(tokenInput).toHaveValue('');
    await expect(sync.getByText('Sync is turned on by your organization.')).toBeVisible();
    await expect(
      sync.getByText('Deliveries every 15 minutes, set by your organization.'),
    ).toBeVisible();
    await expect(sync.getByRole('button', { name: 'Turn sync off' })).toHaveCount(0);
    // Asked directly, the background refuses to change a locked value and says why.
    expect(
      await ask(options, 'sync:configure', { endpointUrl: 'http://127.0.0.1:9', ingestToken: '' }),
    ).toEqual({
      error: expect.stringContaining(
        `The endpoint address is set by your organization (${endpoint.url}); it cannot be changed here.`,
      ),
    });
    expect(await ask(options, 'sync:configure', null)).toEqual({
      error: expect.stringContaining(
        'Sync is turned on by your organization; it cannot be turned off here.',
      ),
    });
    // The sync alarm follows the policy's interval.
    await expect.poll(() => worker?.evaluate(syncPeriod)).toBe(15);

    // The endpoint's guides arrive through the policy's endpoint, fetched at start.
    const guides = options.getByRole('region', { name: 'Guides', exact: true });
    const waveOne = guides.getByRole('row').filter({ hasText: 'wave-one-stalled' });
    await expect
      .poll(async () => {
        await options.reload();
        await expect(guides.getByRole('row').filter({ hasText: 'demo-log-call' })).toBeVisible();
        return waveOne.count();
      })
      .toBe(1);
    await expect(waveOne).toContainText('From your organization');
    await expect(guides.locator('#pack-status')).toContainText(
      `Guide pack from ${endpoint.url}/v1/guides — last updated`,
    );

    // Before any CRM page: the default role, and only the allowed roles to choose from.
    let popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const role = popup.getByLabel('Your role');
    await expect(role).toHaveValue('rep');
    await expect(role).toBeEnabled();
    await expect(role.locator('option')).toHaveText([
      'Sales rep',
      'Sales manager',
      'Service agent',
    ]);
    await popup.close();

    // On the CRM, the user chip says team "Sales", profile "Sales Manager": the rule makes this
    // person a manager, and the wave-1 guide only the endpoint has starts by itself.
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${crm}/app/opportunities`);
    await expect(stepCard(page)).toContainText('Wave one: stalled deals: start here');
    popup = await openPopup(context, id, page);
    await expect(popup.getByLabel('Your role')).toHaveValue('manager');
    await expect(popup.getByLabel('Your role')).toBeDisabled();
    await expect(popup.getByLabel('Your role')).toHaveAccessibleDescription(
      'set by your organization',
    );
    // Cohort wave-1 sees its guide; the wave-2 guide on the same page stays hidden.
    await expect(
      popup.getByRole('button', { name: 'Start Wave one: stalled deals' }),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Start Wave two: stalled deals' })).toHaveCount(
      0,
    );
    await popup.close();
    await stepCard(page).getByRole('button', { name: 'Done' }).click();

    // A CRM host the policy does not list gets nothing, not even its auto-launching guide.
    const elsewhere = await context.newPage();
    elsewhere.on('pageerror', (error) => errors.push(error.message));
    const port = new URL(crm).port;
    await elsewhere.goto(`http://localhost:${port}/app/opportunities/opp-1001`);
    await expect(elsewhere.getByRole('button', { name: 'Log a Call' })).toBeVisible();
    popup = await openPopup(context, id, elsewhere);
    await expect(popup.getByText('Waymark does not run on this page.')).toBeVisible();
    await popup.close();
    await expect(stepCard(elsewhere)).toHaveCount(0);
    // The same record on a listed host does get it.
    await page.goto(`${crm}/app/opportunities/opp-1001`);
    await expect(stepCard(page)).toContainText('Log the call');

    // Sync delivers to the policy's endpoint with the policy's token, as the policy's role.
    const delivered = (await ask(options, 'sync:now', {})) as SyncStatus;
    expect(delivered).toMatchObject({
      endpointUrl: endpoint.url,
      lastError: null,
      pendingBatches: 0,
    });
    const rows = await endpoint.store.counters('acme', ALL_TIME);
    expect(rows.some((r) => r.kind === 'page.viewed' && r.role === 'manager')).toBe(true);
    // Nothing was recorded on the host the policy leaves out.
    expect(rows.some((r) => r.kind === 'page.viewed' && r.pageType === 'opportunity:record')).toBe(
      true,
    );
    expect(
      rows
        .filter((r) => r.kind === 'page.viewed' && r.pageType === 'opportunity:record')
        .reduce((n, r) => n + r.count, 0),
    ).toBe(1);

    // IT changes the policy while the browser runs: Waymark follows without a restart.
    writeFileSync(
      policyFile,
      JSON.stringify({
        '3rdparty': {
          extensions: {
            [id]: {
              ...policy,
              cohort: 'wave-2',
              syncIntervalMinutes: 30,
              // The most specific champion wins: managers ask Dana, everybody else the help desk.
              champions: [
                { name: 'Help desk', link: 'mailto:help@acme.example' },
                { role: 'manager', name: 'Dana (Sales Ops)', link: 'https://chat.acme.example/s' },
              ],
            },
          },
        },
      }),
    );
    const policyPage = await context.newPage();
    await policyPage.goto('chrome://policy');
    await policyPage.getByRole('button', { name: /reload policies/i }).click();
    await expect
      .poll(async () => {
        await options.reload();
        return value('cohort').textContent();
      })
      .toBe('wave-2');
    await expect(value('syncIntervalMinutes')).toHaveText('every 30 minutes');
    await expect.poll(() => worker?.evaluate(syncPeriod)).toBe(30);
    await page.goto(`${crm}/app/opportunities`);
    popup = await openPopup(context, id, page);
    await expect(
      popup.getByRole('button', { name: 'Start Wave two: stalled deals' }),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Start Wave one: stalled deals' })).toHaveCount(
      0,
    );

    // "Ask a champion": in the popup and on every step, opened in a new tab, and counted.
    const championLink = popup.getByRole('link', { name: 'Stuck? Ask Dana (Sales Ops)' });
    await expect(championLink).toHaveAttribute('href', 'https://chat.acme.example/s');
    const fromPopup = context.waitForEvent('page');
    await championLink.click();
    await (await fromPopup).close();
    await clickClosing(popup, popup.getByRole('button', { name: 'Start Wave two: stalled deals' }));
    const onStep = stepCard(page).getByRole('link', { name: 'Stuck? Ask Dana (Sales Ops)' });
    await expect(onStep).toHaveAttribute('target', '_blank');
    const fromStep = context.waitForEvent('page');
    await onStep.click();
    await (await fromStep).close();
    await expect
      .poll(async () => {
        await ask(options, 'sync:now', {});
        const counted = await endpoint?.store.counters('acme', ALL_TIME);
        return (counted ?? [])
          .filter((r) => r.kind === 'champion.asked' && r.role === 'manager')
          .reduce((n, r) => n + r.count, 0);
      })
      .toBe(2);
    expect(errors, 'uncaught errors in the CRM page').toEqual([]);
  } finally {
    rmSync(policyFile, { force: true });
    await context?.close();
    await endpoint?.close();
    copy.remove();
    rmSync(guidesDir, { recursive: true, force: true });
  }
});
