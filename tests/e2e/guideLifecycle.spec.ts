/**
 * A trainer opens the built-in "Log a call" guide in the authoring panel on the demo CRM, changes
 * a step's text and pilots it to half the reps from the panel; promotes it, rolls it back, without
 * a release and without restarting the endpoint; reps' browsers follow after "Check for new
 * guides". A broken guide is refused with the guide check's sentence, by the panel and by the
 * endpoint, and nothing changes for anyone. On both stores.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guideSchema, type Guide } from '../../core/guide/schema';
import { rolloutSlot } from '../../core/match';
import { createToken } from '../../server/tokens';
import { LOG_A_CALL, withFirstStepBody } from '../guideEdits';
import { startGuidesEndpoint, STORES } from '../acmeEndpoint';
import {
  chooseRole,
  clickClosing,
  expect,
  extensionIdOf,
  launchBrowser,
  openPopup,
  policyAnswered,
  stepCard,
  test,
} from './fixtures';

const GUIDE = 'demo-log-call';
/** The release's first step as the rep reads it (its body's emphasis rendered). */
const OLD_TEXT = 'Every call you log keeps the forecast honest.';
const NEW_TEXT = 'Log it while it is fresh: the forecast reads it tonight.';

/** The release's guide with the trainer's new first-step text, one version up. */
const editedGuide = (): Guide => withFirstStepBody(NEW_TEXT);

interface Rep {
  context: BrowserContext;
  options: Page;
  crm: Page;
  /** Whether a 50 % pilot of the guide takes this browser in (from its own rollout slot). */
  inPilot: boolean;
}

/** The install's random seed, as the extension keeps it; it never leaves the browser. */
async function seedOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0]!;
  return worker.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('seed');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { value: string }).value);
          };
        };
      }),
  );
}

/** A browser set up for the organisation's endpoint, as its user does in the options. */
async function connectedBrowser(crmUrl: string, endpointUrl: string, token: string) {
  const context = await launchBrowser();
  const id = await extensionIdOf(context);
  await policyAnswered(context);
  const crm = context.pages()[0] ?? (await context.newPage());
  await crm.goto(`${crmUrl}/app/home`);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByLabel('Endpoint address').fill(endpointUrl);
  await options.getByLabel('Ingest token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved. Sync is on.')).toBeVisible();
  return { context, id, options, crm };
}

async function newRep(crmUrl: string, endpointUrl: string, token: string): Promise<Rep> {
  const { context, options, crm } = await connectedBrowser(crmUrl, endpointUrl, token);
  const inPilot = rolloutSlot(await seedOf(context), GUIDE) < 50;
  return { context, options, crm, inPilot };
}

/**
 * The trainer's browser: the trainer token saved in the options, and the authoring panel open
 * on an opportunity, with the built-in "Log a call" guide opened as its next version.
 */
async function trainerWithGuideOpen(
  crmUrl: string,
  endpointUrl: string,
  ingest: string,
  trainerToken: string,
) {
  const { context, id, options, crm } = await connectedBrowser(crmUrl, endpointUrl, ingest);
  const publishing = options.getByRole('region', { name: 'Publishing guides' });
  await publishing.getByLabel('Trainer token').fill(trainerToken);
  await expect(publishing).toContainText(`guides from the authoring panel to ${endpointUrl}`);
  await publishing.getByRole('button', { name: 'Set trainer token' }).click();
  await expect(options.getByText('The trainer token is set.')).toBeVisible();
  // The token is kept, never shown again.
  await options.reload();
  await expect(options.getByLabel('Trainer token')).toHaveValue('');
  await expect(options.getByLabel('Trainer token')).toHaveAttribute(
    'placeholder',
    'A trainer token is set',
  );
  await chooseRole(context, id, 'trainer');
  await crm.goto(`${crmUrl}/app/opportunities/opp-1001`);
  const popup = await openPopup(context, id, crm);
  await clickClosing(popup, popup.getByRole('button', { name: 'Write a guide on this page' }));
  const panel = crm.locator('waymark-layer section.wm-author');
  const choice = panel.getByLabel('Open a guide');
  await expect(choice.locator(`option[value="${GUIDE}"]`)).toHaveText(
    /^Log a call on an opportunity \(v1, /,
  );
  await choice.selectOption(GUIDE);
  await panel.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(panel.getByRole('status').last()).toHaveText(
    'Opened “Log a call on an opportunity” as version 2.',
  );
  await expect(panel.getByLabel('Guide title')).toHaveValue('Log a call on an opportunity');
  await expect(panel.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(
    LOG_A_CALL.steps.length,
  );
  return { context, panel };
}

/** "Check for new guides" in the rep's options, then the guide's first step on a record. */
async function firstStepSeen(rep: Rep, crmUrl: string): Promise<string> {
  await rep.options.bringToFront();
  await rep.options.reload();
  const guides = rep.options.getByRole('region', { name: 'Guides', exact: true });
  await guides.getByRole('button', { name: 'Check for new guides' }).click({ timeout: 10_000 });
  await expect(guides.getByRole('button', { name: 'Check for new guides' })).toBeEnabled();
  await expect(guides.locator('#pack-status')).not.toContainText('failed');
  await rep.crm.bringToFront();
  await rep.crm.goto(`${crmUrl}/app/opportunities/opp-1001`);
  const card = stepCard(rep.crm);
  await expect(card).toContainText('Log the call');
  return (await card.textContent({ timeout: 5_000 })) ?? '';
}

for (const storeName of STORES) {
  test(`a trainer pilots new words to half the reps, promotes them and rolls them back (${storeName})`, async ({
    crm,
  }) => {
    test.setTimeout(240_000);
    const work = mkdtempSync(join(tmpdir(), 'waymark-lifecycle-'));
    let stop: (() => Promise<void>) | undefined;
    const reps: Rep[] = [];
    let trainerContext: BrowserContext | undefined;
    try {
      // The organisation moved its guides directory into the store: version 1 of each is live.
      const started = await startGuidesEndpoint(storeName, work);
      stop = started.stop;
      const { endpoint } = started;
      const ingest = (await createToken(endpoint.store, 'acme', 'ingest')).token;
      const trainer = (
        await createToken(endpoint.store, 'acme', 'trainer', new Date(), 'Sales enablement')
      ).token;
      const api = async (path: string, body: unknown) => {
        const response = await fetch(`${endpoint.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${trainer}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, unknown>,
        };
      };

      // Reps until one is inside a 50 % pilot and one outside (each browser's slot is its own).
      while (!(reps.some((r) => r.inPilot) && reps.some((r) => !r.inPilot))) {
        if (reps.length === 12) throw new Error('12 browsers fell on one side of a 50 % pilot');
        reps.push(await newRep(crm, endpoint.url, ingest));
      }
      const pilotRep = reps.find((r) => r.inPilot)!;
      const otherRep = reps.find((r) => !r.inPilot)!;

      // The trainer changes the first step's words in the panel and pilots them to half the reps.
      const trainerBrowser = await trainerWithGuideOpen(crm, endpoint.url, ingest, trainer);
      trainerContext = trainerBrowser.context;
      const { panel } = trainerBrowser;
      await panel.getByRole('button', { name: 'Edit step 1' }).click();
      await expect(panel.getByLabel('Step text')).toHaveValue(LOG_A_CALL.steps[0]!.body!);
      await panel.getByLabel('Step text').fill(NEW_TEXT);
      await panel.getByRole('button', { name: 'Save step' }).click();
      await expect(
        panel.getByRole('heading', { name: 'The guide passes the guide check.' }),
      ).toBeVisible();
      await panel.getByText('Publish to the organisation').click();
      await panel.getByRole('radio', { name: /^Pilot/ }).check();
      await panel.getByLabel('Share of users (%)').fill('50');
      await panel.getByRole('button', { name: 'Publish as pilot' }).click();
      await expect(panel.getByRole('status').last()).toHaveText(
        'Published version 2 as a pilot to 50 % of users.',
      );
      const library = await fetch(`${endpoint.url}/v1/guides/library`, {
        headers: { authorization: `Bearer ${trainer}` },
      });
      const stored = (
        (await library.json()) as {
          guides: {
            guideId: string;
            live: number;
            pilot: number;
            versions: { number: number; publishedBy: string; guide: Guide }[];
          }[];
        }
      ).guides.find((g) => g.guideId === GUIDE)!;
      expect(stored).toMatchObject({ live: 1, pilot: 2 });
      const pilotVersion = stored.versions.find((v) => v.number === 2)!;
      expect(pilotVersion.publishedBy).toBe('Sales enablement');
      // Only the words changed: the rest of the guide went back out as it came in (step ids too,
      // which usage is counted under).
      const expected: Partial<Guide> = guideSchema.parse(editedGuide());
      delete expected.$schema;
      expect(pilotVersion.guide).toEqual(expected);
      const piloted = await firstStepSeen(pilotRep, crm);
      expect(piloted).toContain(NEW_TEXT);
      expect(piloted).not.toContain(OLD_TEXT);
      const kept = await firstStepSeen(otherRep, crm);
      expect(kept).toContain(OLD_TEXT);
      expect(kept).not.toContain(NEW_TEXT);

      // Promoted: everyone.
      expect((await api(`/v1/guides/${GUIDE}/promote`, { version: 2 })).body).toMatchObject({
        live: 2,
      });
      expect(await firstStepSeen(otherRep, crm)).toContain(NEW_TEXT);

      // A broken step: the panel says why with the guide check's sentence and sends nothing…
      await panel.getByRole('button', { name: 'Edit step 1' }).click();
      await panel.getByLabel('Wait for it (ms)').fill('soon');
      await panel.getByRole('button', { name: 'Save step' }).click();
      const check = panel.getByRole('region', { name: /thing to fix/ });
      await expect(check).toContainText('steps[0].wait');
      await panel.getByRole('button', { name: 'Publish as pilot' }).click();
      await expect(check.getByRole('heading')).toBeFocused();
      expect(
        (
          (await (
            await fetch(`${endpoint.url}/v1/guides/${GUIDE}/history`, {
              headers: { authorization: `Bearer ${trainer}` },
            })
          ).json()) as { versions: unknown[] }
        ).versions,
      ).toHaveLength(2);
      // …and the endpoint, which trusts no client, refuses one sent anyway, with the sentence.
      const broken = await api('/v1/guides', {
        guide: {
          ...editedGuide(),
          version: 4,
          steps: [{ ...editedGuide().steps[0], kind: 'modall' }],
        },
        state: 'pilot',
        rollout: { percent: 100 },
      });
      expect(broken.status).toBe(422);
      expect(broken.body.message).toMatch(/steps\[0\]\.kind: expected one of .* got "modall"/);
      expect(await firstStepSeen(pilotRep, crm)).toContain(NEW_TEXT);

      // Rolled back to 1: its words return, as version 3 so browsers move forward, for everyone.
      const back = await api(`/v1/guides/${GUIDE}/rollback`, { version: 1 });
      expect(back.body).toMatchObject({ live: 3, pilot: null });
      for (const rep of [pilotRep, otherRep]) {
        expect(await firstStepSeen(rep, crm)).toContain(OLD_TEXT);
      }
    } finally {
      for (const rep of reps) await rep.context.close();
      await trainerContext?.close();
      await stop?.();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
