/**
 * Observe-only and control cohorts, under a real managed policy: the rep sees nothing from
 * Waymark, while page views and the "Log a call" workflow performed by hand are still measured,
 * with the cohort label, and delivered to the organisation's endpoint.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { PolicyView, SyncStatus } from '../../core/messages';
import type { Endpoint } from '../../server';
import {
  expect,
  startAcmeEndpoint,
  extensionIdOf,
  launchBrowser,
  openPopup,
  storedEvents,
  test,
} from './fixtures';
import { ask, managedCopy } from './managedPolicy';

const ALL_TIME = { from: '2000-01-01', to: '2100-12-31' };

const workflowEvents = async (context: BrowserContext) =>
  (await storedEvents(context)).filter(
    (e) => typeof e.kind === 'string' && e.kind.startsWith('workflow.'),
  );

/** Opens the record, clicks Log a Call, types a subject and saves, as a rep does unguided. */
async function logACallByHand(page: Page, context: BrowserContext, crm: string) {
  await page.goto(`${crm}/app/opportunities/opp-1001`);
  const logCall = page.getByRole('button', { name: 'Log a Call' });
  await expect(logCall).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Log a Call' });
  // The observer arrives a moment after the page (injected by the background): a click before
  // it listens is not seen, so the rep's first action is repeated until it is.
  await expect(async () => {
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Cancel' }).click();
    await logCall.click();
    await expect(dialog).toBeVisible();
    await expect
      .poll(async () => (await workflowEvents(context)).map((e) => e.kind), { timeout: 1_000 })
      .toContain('workflow.started');
  }).toPass({ timeout: 15_000 });
  await page.getByLabel('Subject').fill('Pricing follow-up');
  await page.locator('[data-anchor="call.save"]').click();
  await expect(dialog).toHaveCount(0);
}

for (const { cohort, policy } of [
  { cohort: 'observe', policy: { observeOnly: true } },
  // A share of 100 holds back every installation, whatever its draw.
  { cohort: 'control', policy: { controlShare: 100 } },
] as const) {
  test(`${cohort}: no guidance is shown, the workflow done by hand is measured and synced`, async ({
    crm,
  }) => {
    // Includes waiting for another policy test to finish (see managedPolicy.ts).
    test.setTimeout(180_000);
    const copy = await managedCopy(`waymark-${cohort}-`);
    let endpoint: Endpoint | undefined;
    let context: BrowserContext | undefined;
    try {
      const started = await startAcmeEndpoint(copy.work);
      endpoint = started.endpoint;
      const { token } = started;
      copy.writePolicy({
        endpointUrl: endpoint.url,
        ingestToken: token,
        syncEnabled: true,
        defaultRole: 'rep',
        ...policy,
      });
      context = await launchBrowser('', copy.extensionDir);
      expect(await extensionIdOf(context)).toBe(copy.id);
      // Chrome's policy service answers seconds after a first start; until then a new install
      // shows nothing. Deployed installs keep the policy last read and apply it at once.
      const options = await context.newPage();
      await options.goto(`chrome-extension://${copy.id}/options.html`);
      await expect
        .poll(async () => ((await ask(options, 'policy:get', {})) as PolicyView).values)
        .toMatchObject(policy);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      // "Log a call" launches by itself on a record for a guided rep; here nothing appears.
      await logACallByHand(page, context, crm);
      await expect(page.getByText('Call “Pricing follow-up” was logged.')).toBeVisible();
      await expect
        .poll(async () => (await workflowEvents(context as BrowserContext)).map((e) => e.kind))
        .toEqual(['workflow.started', 'workflow.completed']);
      const events = await workflowEvents(context);
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'workflow.started',
          guideId: 'demo-log-call',
          guideVersion: 1,
          stepId: 'open',
          role: 'rep',
          cohort,
        }),
        expect.objectContaining({
          kind: 'workflow.completed',
          guideId: 'demo-log-call',
          guideVersion: 1,
          stepId: 'save',
          cohort,
        }),
      ]);
      // Every event carries the cohort, page views included.
      const all = await storedEvents(context);
      expect(all.some((e) => e.kind === 'page.viewed')).toBe(true);
      expect(all.every((e) => e.cohort === cohort)).toBe(true);
      expect(all.some((e) => String(e.kind).startsWith('guide.'))).toBe(false);
      await expect(page.locator('waymark-layer')).toHaveCount(0);

      // The popup offers no guide to start, and says why.
      const popup = await openPopup(context, copy.id, page);
      await expect(popup.getByText('Guidance is not shown for this installation')).toBeVisible();
      await expect(popup.getByRole('button', { name: /^Start / })).toHaveCount(0);
      // Asked directly, the background starts nothing either.
      expect(await ask(popup, 'popup:launch', { tabId: 0, guideId: 'demo-log-call' })).toEqual({
        ok: false,
        error: 'Guidance is not shown for this installation.',
      });
      await popup.close();
      await page.reload();
      await expect(page.getByRole('button', { name: 'Log a Call' })).toBeVisible();
      await page.waitForTimeout(500);
      await expect(page.locator('waymark-layer')).toHaveCount(0);

      // The next delivery carries the workflow counters to the organisation's endpoint.
      const delivered = (await ask(options, 'sync:now', {})) as SyncStatus;
      expect(delivered).toMatchObject({ endpointUrl: endpoint.url, lastError: null });
      const rows = await endpoint.store.counters('acme', ALL_TIME);
      const workflowRows = rows.filter((r) => r.kind.startsWith('workflow.'));
      expect(workflowRows.map((r) => [r.kind, r.guide, r.count]).sort()).toEqual([
        ['workflow.completed', 'demo-log-call', 1],
        ['workflow.started', 'demo-log-call', 1],
      ]);
      // Counters carry the cohort label where the endpoint keeps it.
      for (const row of workflowRows) {
        const label = (row as { cohort?: string }).cohort;
        if (label !== undefined) expect(label).toBe(cohort);
      }
      expect(errors, 'uncaught errors in the CRM page').toEqual([]);
    } finally {
      await context?.close();
      await endpoint?.close();
      copy.remove();
    }
  });
}
