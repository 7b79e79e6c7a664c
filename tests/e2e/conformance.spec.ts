/**
 * Waymark on pages built from the CRMs' own UI stacks, at the CRMs' own host names: a Lightning
 * record page from `lwc` + `lightning-base-components` + SLDS in native and synthetic shadow, and
 * a Dynamics 365 form from Fluent UI v9 (tests/conformance). The real adapters, page types and
 * anchors run there; each page gets a walkthrough, a field rule (empty and filled), "Show me",
 * and a clean `guides:doctor` run.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { HOSTS, startConformanceServer, type ConformanceServer } from '../conformance/server';
import type { DoctorReport } from '../../scripts/doctor/report';
import {
  EXTENSION_DIR,
  expect,
  extensionIdOf,
  launchBrowser,
  openPopup,
  clickClosing,
  policyAnswered,
  stepCard,
  storedEvents,
} from './fixtures';

const GUIDES = 'tests/conformance/guides';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  page: Page;
}

const test = base.extend<Fixtures, { conformance: ConformanceServer }>({
  conformance: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startConformanceServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ conformance }, use) => {
    const context = await launchBrowser('', EXTENSION_DIR, conformance.browserArgs);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const id = await extensionIdOf(context);
    await policyAnswered(context);
    await use(id);
  },
  page: async ({ context, extensionId }, use) => {
    void extensionId;
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the CRM page').toEqual([]);
  },
});

/** Imports guide files in the options page, as a trainer does, and leaves only them on the CRM. */
async function importGuides(context: BrowserContext, extensionId: string, ids: string[]) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const guides = options.getByRole('region', { name: 'Guides', exact: true });
  await guides.getByLabel('Guide files (.json)').setInputFiles(
    ids.map((id) => ({
      name: `${id}.json`,
      mimeType: 'application/json',
      buffer: readFileSync(`${GUIDES}/${id}.json`),
    })),
  );
  await expect(guides.getByRole('status')).toContainText('Imported');
  await options.close();
}

/** The `<input>` deep inside a Lightning field's anchored wrapper (both shadow modes). */
const lightningInput = (page: Page, field: string): Locator =>
  page.locator(`[data-target-selection-name="sfdc:RecordField.${field}"] input`);

/** The focused element, through open shadow roots: what the rep is typing into. */
const focusedControl = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}[name=${el.getAttribute('name') ?? ''}]` : null;
  });

const fieldEvents = async (context: BrowserContext) =>
  (await storedEvents(context))
    .filter((e) => String(e.kind).startsWith('field.'))
    .map((e) => `${String(e.kind)} ${String(e.crm)} ${String(e.pageType)} ${String(e.field)}`);

/** Runs `npm run guides:doctor` for a page of the conformance server, as a trainer would. */
function doctor(conformance: ConformanceServer, url: string, files: string[]) {
  return new Promise<{ code: number | null; report: DoctorReport; stderr: string }>(
    (resolve, reject) => {
      const args = ['tsx', 'scripts/guides-doctor.ts', '--url', url, '--json'];
      for (const flag of conformance.browserArgs) args.push(`--chromium-arg=${flag}`);
      const child = spawn('npx', [...args, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        try {
          resolve({ code, report: JSON.parse(out) as DoctorReport, stderr: err });
        } catch (error) {
          reject(
            new Error(`guides:doctor printed no report (exit ${code}): ${err}`, { cause: error }),
          );
        }
      });
    },
  );
}

const RECORD = '/lightning/r/Opportunity/006Dn00000AbCdEIAZ/view';
const LIST = '/lightning/o/Opportunity/list';

for (const [mode, host] of [
  ['native', HOSTS.salesforceNative],
  ['synthetic', HOSTS.salesforceSynthetic],
] as const) {
  test.describe(`Salesforce Lightning, ${mode} shadow`, () => {
    const origin = `https://${host}`;

    test('the auto-launched walkthrough logs a call through the quick action', async ({
      context,
      extensionId,
      page,
    }) => {
      await importGuides(context, extensionId, ['sf-log-call']);
      await page.goto(`${origin}${RECORD}`);
      const card = stepCard(page);
      await expect(card).toContainText('Log the call');
      // The anchor is on the action renderer; the click lands on the button inside it.
      await page.getByRole('button', { name: 'Log a Call', exact: true }).click();
      await expect(card).toContainText('Use the customer');
      await lightningInput(page, 'Task.Subject').pressSequentially('Pricing');
      await expect(card).toContainText('Save the call');
      await page.locator('button[name=SaveCall]').click();
      await expect(card).toContainText("That's it");
      await card.getByRole('button', { name: 'Done' }).click();
      await expect(card).toHaveCount(0);
      const kinds = (await storedEvents(context))
        .filter((e) => e.guideId === 'sf-log-call')
        .map((e) => `${String(e.kind)}${e.stepId ? `:${String(e.stepId)}` : ''}`);
      expect(kinds).toContain('guide.completed:done');
      expect(kinds).not.toContain('target.missing:subject');
      const viewed = (await storedEvents(context)).find((e) => e.kind === 'page.viewed');
      expect(viewed).toMatchObject({ crm: 'salesforce', pageType: 'Opportunity:record' });
    });

    test('Next Step: its rule at entry and at save, and "Show me" puts the rep in the input', async ({
      context,
      extensionId,
      page,
    }) => {
      await importGuides(context, extensionId, ['sf-next-step']);
      await page.goto(`${origin}${RECORD}`);
      const nextStep = lightningInput(page, 'Opportunity.NextStep');
      await nextStep.click();
      const hint = page.locator('waymark-layer [role=note]');
      await expect(hint).toHaveText('Deals without a next step stall: add one.');
      await nextStep.pressSequentially('Demo');
      await expect(hint).toHaveCount(0);
      await nextStep.fill('');

      // Saved empty: counted as empty; saved filled: nothing more.
      await page.locator('button[name=SaveEdit]').click();
      await expect(page.getByRole('status').filter({ hasText: 'Opportunity saved' })).toBeVisible();
      await expect
        .poll(() => fieldEvents(context))
        .toEqual(['field.empty salesforce Opportunity:record next-step']);
      await nextStep.fill('Demo with IT on Friday');
      await page.locator('button[name=SaveEdit]').click();
      await page.waitForTimeout(500);
      expect(await fieldEvents(context)).toEqual([
        'field.empty salesforce Opportunity:record next-step',
      ]);
      for (const event of await storedEvents(context)) {
        expect(JSON.stringify(event)).not.toContain('Demo with IT');
      }

      // "Show me" focuses the input, not the wrapper the anchor names.
      await page.locator('button[name=CancelEdit]').focus();
      const popup = await openPopup(context, extensionId, page);
      await clickClosing(
        popup,
        popup.getByRole('button', { name: 'Start Keep the next step up to date' }),
      );
      const card = stepCard(page);
      await card.getByRole('button', { name: 'Show me' }).click();
      expect(await focusedControl(page)).toBe('input[name=NextStep]');
      // Typing and leaving the field (`change` stays inside Lightning's shadow roots) moves on.
      await page.keyboard.type(' next week');
      await page.keyboard.press('Tab');
      await expect(card).toContainText('Save the record.');
    });

    test("the help button keeps clear of Lightning's docked save footer and finds the rep's guide", async ({
      context,
      extensionId,
      page,
    }) => {
      await importGuides(context, extensionId, ['sf-next-step']);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${origin}${RECORD}`);
      const button = page.locator('waymark-help').getByRole('button', { name: 'Waymark help' });
      await expect(button).toBeVisible();
      // Lightning docks its Cancel/Save footer along the bottom of the page.
      await lightningInput(page, 'Opportunity.NextStep').click();
      const footer = page.locator('.slds-docked-form-footer');
      await expect(footer).toBeVisible();
      const bar = await footer.boundingBox();
      // Over where the button would sit: its bottom edge 16 px above the page's.
      expect(bar?.y ?? 800).toBeLessThan(800 - 16);
      await expect
        .poll(async () => {
          const box = await button.boundingBox();
          return (box?.y ?? 0) + (box?.height ?? 0);
        })
        .toBeLessThanOrEqual(bar?.y ?? 0);

      await button.click();
      const panel = page.locator('waymark-help').getByRole('dialog', { name: 'Help' });
      await panel.getByLabel('Search your guides').fill('stall');
      await expect(panel.getByRole('region', { name: '1 guide found' })).toContainText(
        'Keep the next step up to date',
      );
      await panel.getByRole('button', { name: 'Start Keep the next step up to date' }).click();
      await expect(stepCard(page)).toBeVisible();
    });

    test('a rep filling Next Step and saving on their own is measured as the workflow', async ({
      context,
      extensionId,
      page,
    }) => {
      // Not started by anyone: the workflow is tracked passively, as for the control cohort.
      await importGuides(context, extensionId, ['sf-next-step']);
      await page.goto(`${origin}${RECORD}`);
      const nextStep = lightningInput(page, 'Opportunity.NextStep');
      await nextStep.click();
      await nextStep.pressSequentially('Demo with IT');
      // Leaving the field sends `change`, which stays inside Lightning's shadow roots.
      await page.keyboard.press('Tab');
      await page.locator('button[name=SaveEdit]').click();
      await expect
        .poll(async () =>
          (await storedEvents(context))
            .filter((e) => String(e.kind).startsWith('workflow.'))
            .map((e) => `${String(e.kind)}:${String(e.stepId)}`),
        )
        .toEqual(['workflow.started:next-step', 'workflow.completed:save']);
    });

    test('a two-page tour follows Lightning from the list to the record', async ({
      context,
      extensionId,
      page,
    }) => {
      await importGuides(context, extensionId, ['sf-pipeline-tour']);
      await page.goto(`${origin}${LIST}`);
      const popup = await openPopup(context, extensionId, page);
      await clickClosing(popup, popup.getByRole('button', { name: /^Start / }));
      const card = stepCard(page);
      await expect(card).toContainText('Open a deal');
      await page.getByRole('link', { name: 'Acme — 200 licences' }).click();
      await expect(page).toHaveURL(/\/lightning\/r\/Opportunity\//);
      await expect(card).toContainText('Stage');
      await card.getByRole('button', { name: 'Next' }).click();
      await card.getByRole('button', { name: 'Done' }).click();
      await expect(card).toHaveCount(0);
    });

    test('guides:doctor finds every step and names the control inside each wrapper', async ({
      conformance,
    }) => {
      test.setTimeout(90_000);
      const files = ['sf-log-call', 'sf-next-step', 'sf-pipeline-tour'].map(
        (id) => `${GUIDES}/${id}.json`,
      );
      const { code, report, stderr } = await doctor(conformance, `${origin}${RECORD}`, files);
      expect(code, stderr).toBe(0);
      expect(report.page).toMatchObject({ crm: 'salesforce', pageType: 'Opportunity:record' });
      expect(report.summary.broken).toBe(0);
      // The only warnings are for steps inside the Log a Call dialog, which is not open yet.
      const fragile = report.guides.flatMap((g) => g.steps).filter((s) => s.status === 'fragile');
      expect(fragile.map((s) => [s.id, s.afterClickOf])).toEqual([['save', 'open']]);
      const nextStep = report.guides
        .find((g) => g.id === 'sf-next-step')
        ?.steps.find((s) => s.id === 'next-step');
      expect(nextStep?.status).toBe('resolved');
      // Synthetic shadow is plain DOM to the extension's world: no shadow root to name there.
      expect(nextStep?.text).toContain(
        mode === 'native'
          ? 'acts on the input inside it, in a shadow root)'
          : 'acts on the input inside it)',
      );
    });
  });
}

test.describe('Dynamics 365, Fluent UI', () => {
  const origin = `https://${HOSTS.dynamics}`;
  const APP = 'appid=3c2b9f4e-1d2a-4b6c-8e9f-0a1b2c3d4e5f';
  const RECORD_URL = `${origin}/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=3f2a6c1e-8d4b-4f7a-9c2e-1b5d7e9f0a13`;

  test('the auto-launched walkthrough, its field rule empty and filled, and "Show me"', async ({
    context,
    extensionId,
    page,
  }) => {
    await importGuides(context, extensionId, ['d365-qualify']);
    await page.goto(RECORD_URL);
    const card = stepCard(page);
    await expect(card).toContainText('The deal');
    await card.getByRole('button', { name: 'Next' }).click();
    await expect(card).toContainText('Next Step');
    await card.getByRole('button', { name: 'Show me' }).click();
    expect(await focusedControl(page)).toMatch(/^input/);
    await page.keyboard.type('Call back');
    await expect(card).toContainText('Save');
    await page.getByRole('button', { name: 'Save (CTRL+S)' }).click();
    await card.getByRole('button', { name: 'Done' }).click();
    await expect(card).toHaveCount(0);

    const nextStep = page.locator('[data-id="nextstep.fieldControl-text-box-text"]');
    await nextStep.fill('');
    await nextStep.click();
    await expect(page.locator('waymark-layer [role=note]')).toHaveText(
      'Deals without a next step stall: add one.',
    );
    await page.getByRole('button', { name: 'Save (CTRL+S)' }).click();
    await expect
      .poll(() => fieldEvents(context))
      .toEqual(['field.empty dynamics opportunity:record next-step']);
    await nextStep.fill('Send the proposal');
    await page.getByRole('button', { name: 'Save (CTRL+S)' }).click();
    await page.waitForTimeout(500);
    expect(await fieldEvents(context)).toEqual([
      'field.empty dynamics opportunity:record next-step',
    ]);
    const viewed = (await storedEvents(context)).find((e) => e.kind === 'page.viewed');
    expect(viewed).toMatchObject({ crm: 'dynamics', pageType: 'opportunity:record' });
  });

  test('guides:doctor finds every step of the form', async ({ conformance }) => {
    test.setTimeout(90_000);
    const files = ['d365-qualify', 'd365-pipeline-tour'].map((id) => `${GUIDES}/${id}.json`);
    const { code, report, stderr } = await doctor(conformance, RECORD_URL, files);
    expect(code, stderr).toBe(0);
    expect(report.page).toMatchObject({ crm: 'dynamics', pageType: 'opportunity:record' });
    expect(report.summary.broken).toBe(0);
    expect(report.summary.withWarnings).toBe(0);
  });
});
