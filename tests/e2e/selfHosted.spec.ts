/**
 * A self-hosted CRM at a host of its own (the demo CRM reached as https://crm.acme.test): Waymark
 * ignores it until the organisation names it, asks for exactly that host, then runs its guides
 * there with page types from the organisation's route templates, never from the URL itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startConformanceServer } from '../conformance/server';
import {
  expect,
  extensionIdOf,
  launchBrowser,
  policyAnswered,
  stepCard,
  storedEvents,
  test,
} from './fixtures';
import { managedCopy } from './managedPolicy';

const HOST = 'crm.acme.test';
const RECORD = `https://${HOST}/app/opportunities/opp-1001`;

/** "Log a call", as a trainer of Acme rewrites it for their own CRM's page types. */
const acmeLogCall = () => {
  const guide = JSON.parse(readFileSync('guides/demo-log-call.json', 'utf8')) as Record<
    string,
    unknown
  >;
  return {
    ...guide,
    $schema: undefined,
    id: 'acme-log-call',
    crm: 'generic',
    match: { page: 'opportunity:record' },
  };
};

async function importGuide(context: BrowserContext, id: string, guide: object) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const guides = options.getByRole('region', { name: 'Guides', exact: true });
  await guides.getByLabel('Guide files (.json)').setInputFiles({
    name: 'acme-log-call.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(guide)),
  });
  await expect(guides.getByRole('status')).toContainText('Imported');
  await options.close();
}

/**
 * The rep's consent to the one host. Headless Chromium cannot show the permission prompt, so it is
 * given where a person also can give it, in the extension's site access settings
 * (chrome://extensions); the options page's request for the same origin is then granted at once.
 */
async function allowInSiteAccess(context: BrowserContext, extensionId: string) {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ({ id, origin }) =>
      (
        globalThis as unknown as {
          chrome: {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          };
        }
      ).chrome.developerPrivate.addHostPermission(id, origin),
    { id: extensionId, origin: `https://${HOST}/*` },
  );
  await settings.close();
}

/** Nothing of Waymark's on the page: no step, and no page view recorded for it. */
async function expectIgnored(context: BrowserContext, page: Page) {
  await page.goto(RECORD);
  await expect(page.getByRole('button', { name: 'Log a Call' })).toBeVisible();
  // Long enough for the launcher to ask and the step to show, as it does within a second.
  await page.waitForTimeout(2000);
  await expect(stepCard(page)).toHaveCount(0);
  expect((await storedEvents(context)).filter((e) => e.crm === 'generic')).toEqual([]);
}

test('a self-hosted CRM is ignored until named and allowed, then runs with template page types', async ({
  crm,
}) => {
  test.setTimeout(180_000);
  const copy = await managedCopy('waymark-crms-');
  const server = await startConformanceServer({ [HOST]: crm });
  const profile = mkdtempSync(join(tmpdir(), 'waymark-crms-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await launchBrowser(profile, copy.extensionDir, server.browserArgs);
    const id = await extensionIdOf(context);
    await policyAnswered(context);
    await importGuide(context, id, acmeLogCall());
    const page = context.pages()[0] ?? (await context.newPage());
    await expectIgnored(context, page);
    await context.close();

    // The organisation names its CRM; the browser is restarted with the policy in place.
    copy.writePolicy({
      customCrms: [
        {
          host: HOST,
          routes: [
            { route: '/app/opportunities/:id', pageType: 'opportunity:record' },
            { route: '/app/opportunities' },
          ],
        },
      ],
    });
    context = await launchBrowser(profile, copy.extensionDir, server.browserArgs);
    await policyAnswered(context);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const section = options.getByRole('region', { name: 'Self-hosted CRMs' });
    const entry = section.locator(`li[data-host="${HOST}"]`);
    await expect(entry).toContainText('named by your organization');
    await expect(entry).toContainText('Waymark may not run here yet.');
    await expect(
      entry.getByRole('list', { name: `Pages of ${HOST}` }).getByRole('listitem'),
    ).toHaveText([
      '/app/opportunities/:id → opportunity:record',
      '/app/opportunities → app:opportunities',
    ]);
    // Named but not allowed: still nothing on the page.
    const crmPage = context.pages()[0] ?? (await context.newPage());
    await expectIgnored(context, crmPage);

    // The rep allows this one host.
    await allowInSiteAccess(context, id);
    await entry.getByRole('button', { name: `Allow access to ${HOST}` }).click();
    await expect(entry).toContainText('Waymark runs here.');
    const granted = await options.evaluate(async () =>
      (
        await (
          globalThis as unknown as {
            chrome: { permissions: { getAll(): Promise<{ origins: string[] }> } };
          }
        ).chrome.permissions.getAll()
      ).origins.filter((o) => o.includes('acme')),
    );
    expect(granted).toEqual([`https://${HOST}/*`]);

    // Now its guides run there, on the organisation's page types.
    await crmPage.goto(RECORD);
    await expect(stepCard(crmPage)).toContainText('Log the call');
    await crmPage.goto(`https://${HOST}/app/accounts/acme-corp`);
    await expect
      .poll(async () =>
        (await storedEvents(context as BrowserContext))
          .filter((e) => e.kind === 'page.viewed' && e.crm === 'generic')
          .map((e) => e.pageType),
      )
      .toEqual(['opportunity:record', 'other']);
    for (const event of await storedEvents(context)) {
      expect(JSON.stringify(event)).not.toMatch(/opp-1001|acme-corp|crm\.acme/);
    }
  } finally {
    await context?.close();
    await server.close();
    copy.remove();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a trainer names a CRM in the options page: wrong lines get their sentence, nothing is kept', async ({
  crm,
}) => {
  const server = await startConformanceServer({ [HOST]: crm });
  const context = await launchBrowser('', undefined, server.browserArgs);
  try {
    const id = await extensionIdOf(context);
    await policyAnswered(context);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const section = options.getByRole('region', { name: 'Self-hosted CRMs' });
    await expect(section).toContainText('No self-hosted CRM is named.');
    await section.getByLabel('Host').fill(HOST);
    const routes = section.getByLabel('Pages (route templates)');
    await routes.fill('/app/opportunities/:id = opportunity:record\napp/opportunities');
    await section.getByRole('button', { name: 'Add and allow access' }).click();
    await expect(section.getByRole('alert')).toHaveText(
      'Line 2: "app/opportunities" must start with / (a path) or #/ (a hash route)',
    );
    // What was typed stays, and nothing was kept.
    await expect(routes).toHaveValue(
      '/app/opportunities/:id = opportunity:record\napp/opportunities',
    );
    await expect(section).toContainText('No self-hosted CRM is named.');

    await section.getByLabel('Host').fill('https://crm.acme.test');
    await routes.fill('/app/opportunities/:id = opportunity:record');
    await section.getByRole('button', { name: 'Add and allow access' }).click();
    await expect(section.getByRole('alert')).toContainText(
      '"https://crm.acme.test" is not a host name such as crm.acme.com or *.acme.com',
    );
    await expect(section).toContainText('No self-hosted CRM is named.');

    await allowInSiteAccess(context, id);
    await section.getByLabel('Host').fill(HOST);
    await section.getByRole('button', { name: 'Add and allow access' }).click();
    await expect(section.getByRole('status')).toHaveText(
      `Saved. Waymark runs on ${HOST} from the next page load.`,
    );
    const entry = section.locator(`li[data-host="${HOST}"]`);
    await expect(entry).toContainText('Waymark runs here.');
    await expect(entry.getByRole('listitem')).toHaveText([
      '/app/opportunities/:id → opportunity:record',
    ]);

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(RECORD);
    await expect
      .poll(async () =>
        (await storedEvents(context))
          .filter((e) => e.kind === 'page.viewed')
          .map((e) => `${String(e.crm)} ${String(e.pageType)}`),
      )
      .toEqual(['generic opportunity:record']);

    await entry.getByRole('button', { name: `Remove ${HOST}` }).click();
    await expect(section).toContainText('No self-hosted CRM is named.');
  } finally {
    await context.close();
    await server.close();
  }
});
