/**
 * Sync from Firefox ESR to a real endpoint on a SQLite file, behind a proxy that fails on demand:
 * through a 500 and the endpoint's death nothing is lost or counted twice, and nothing typed in
 * the CRM is in any body or in the database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEndpoint } from '../../server';
import {
  countedTotals,
  databaseText,
  expectNoCanary,
  remoteTotals,
  startAcmeEndpoint,
} from '../acmeEndpoint';
import { startFaultProxy } from '../e2e/faultProxy';
import {
  byRole,
  clickInStep,
  expect,
  expectNoStep,
  expectStep,
  expectText,
  openExtensionPage,
  storedEvents,
  syncNow,
  test,
} from './fixtures';

test.use({ allowPermissionRequests: true });

test('sync loses nothing and counts nothing twice through a 500 and a killed endpoint; no canary leaves', async ({
  firefox,
  tab,
  crm,
}) => {
  test.setTimeout(120_000);
  const {
    endpoint: first,
    token,
    sqlitePath,
  } = await startAcmeEndpoint(mkdtempSync(join(tmpdir(), 'waymark-ff-sync-')));
  let endpoint = first;
  const proxy = await startFaultProxy(endpoint.url);
  const options = await openExtensionPage(firefox, 'options.html');
  await options.locator('#endpoint').fill(proxy.url);
  await options.locator('#token').fill(token);
  await options.locator(byRole('button', 'Test connection')).click();
  await expectText(options, 'Connected: the endpoint accepts this token');
  await options.locator(byRole('button', 'Save')).click();
  await expectText(options, 'Saved. Sync is on.');

  // A record whose every value is a canary; the rep logs a call on it and saves it half empty.
  const id = 'CANARY-ID-4411';
  await fetch(`${crm}/api/opportunities/${id}?delay=0`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'CANARY-NAME Harbor',
      accountName: 'CANARY-ACCOUNT',
      stage: 'Proposal',
      nextStep: '',
    }),
  });
  await tab.bringToFront();
  await tab.goto(`${crm}/app/opportunities/${id}`);
  await expectStep(tab, 'Log the call');
  await tab.locator('button::-p-text(Log a Call)').click();
  await expectStep(tab, "Use the customer's words");
  await tab.locator('#call-subject').click();
  await tab.keyboard.type('CANARY-SUBJECT ann.canary@example.com');
  await expectStep(tab, 'Save the call');
  await tab.locator('[data-anchor="call.save"]').click();
  await clickInStep(tab, 'Done');
  await expectNoStep(tab);

  proxy.mode = 'error500';
  let status = await syncNow(options);
  expect(status.lastError).toMatch(/answered 500/);
  expect(status.pendingBatches).toBeGreaterThan(0);

  await tab.goto(`${crm}/app/opportunities/${id}/edit`);
  await tab.locator('wm-record-form >>> #input-description').click();
  await tab.keyboard.type('CANARY-DESCRIPTION');
  await tab.locator('[data-anchor="record.save"]').click();
  await expect.poll(() => tab.url()).toMatch(new RegExp(`${id}$`));

  // The endpoint process dies; the browser keeps its batches; it comes back on the same file.
  const port = Number(new URL(endpoint.url).port);
  await endpoint.close();
  proxy.mode = 'pass';
  status = await syncNow(options);
  expect(status.lastError).toMatch(/could not be reached/);
  await tab.goto(`${crm}/app/home`);
  endpoint = await startEndpoint({ port, sqlitePath, rateLimit: false });

  await tab.close();
  const local = async () => countedTotals((await storedEvents(firefox)).map((e) => String(e.kind)));
  await expect
    .poll(async () => {
      await syncNow(options);
      return JSON.stringify(
        [await local(), await remoteTotals(endpoint)].map((o) => Object.entries(o).sort()),
      );
    })
    .toMatch(/^\[(.*),\1\]$/);
  const totals = await local();
  expect(totals['field.empty']).toBe(1);
  expect(totals['guide.completed']).toBe(1);
  expect(await remoteTotals(endpoint)).toEqual(totals);
  expect((await syncNow(options)).pendingBatches).toBe(0);

  const sent = proxy.bodies.join('\n');
  expect(sent).toContain('field.empty');
  await endpoint.close();
  await proxy.close();
  for (const haystack of [sent, databaseText(sqlitePath)]) expectNoCanary(haystack);
});
