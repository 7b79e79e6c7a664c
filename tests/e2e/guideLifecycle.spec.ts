/**
 * A trainer changes a guide's text and pilots it to half the reps, promotes it, rolls it back,
 * without a release and without restarting the endpoint; reps' browsers follow after "Check for
 * new guides". On both stores.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Guide } from '../../core/guide/schema';
import { rolloutSlot } from '../../core/match';
import { startEndpoint, type Endpoint } from '../../server';
import { importGuides } from '../../server/guideLifecycle';
import { createToken } from '../../server/tokens';
import { startTestDatabase, type TestDatabase } from '../../scripts/postgres';
import { withFirstStepBody } from '../guideEdits';
import { expect, extensionIdOf, launchBrowser, policyAnswered, stepCard, test } from './fixtures';

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

/** A rep's browser, set up for the organisation's endpoint as a rep does in the options. */
async function newRep(crmUrl: string, endpointUrl: string, token: string): Promise<Rep> {
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
  const inPilot = rolloutSlot(await seedOf(context), GUIDE) < 50;
  return { context, options, crm, inPilot };
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

const STORES = ['SQLite', 'PostgreSQL'] as const;

for (const storeName of STORES) {
  test(`a trainer pilots new words to half the reps, promotes them and rolls them back (${storeName})`, async ({
    crm,
  }) => {
    test.setTimeout(240_000);
    const work = mkdtempSync(join(tmpdir(), 'waymark-lifecycle-'));
    let database: TestDatabase | undefined;
    let endpoint: Endpoint | undefined;
    const reps: Rep[] = [];
    try {
      if (storeName === 'PostgreSQL') database = await startTestDatabase();
      endpoint = await startEndpoint({
        port: 0,
        rateLimit: false,
        ...(database ? { databaseUrl: database.url } : { sqlitePath: join(work, 'e.sqlite') }),
      });
      // The organisation moved its guides directory into the store: version 1 of each is live.
      await importGuides(endpoint.store, 'acme', join(import.meta.dirname, '../../guides'), {
        label: 'import of guides/',
      });
      const ingest = (await createToken(endpoint.store, 'acme', 'ingest')).token;
      const trainer = (
        await createToken(endpoint.store, 'acme', 'trainer', new Date(), 'Sales enablement')
      ).token;
      const api = async (path: string, body: unknown) => {
        const response = await fetch(`${endpoint!.url}${path}`, {
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
        if (reps.length === 8) throw new Error('8 browsers fell on one side of a 50 % pilot');
        reps.push(await newRep(crm, endpoint.url, ingest));
      }
      const pilotRep = reps.find((r) => r.inPilot)!;
      const otherRep = reps.find((r) => !r.inPilot)!;

      const published = await api('/v1/guides', {
        guide: editedGuide(),
        state: 'pilot',
        rollout: { percent: 50 },
      });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ pilot: 2, live: 1 });
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

      // A broken publish is refused with the sentence, and nothing changes for anyone.
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
      await endpoint?.close();
      await database?.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
}
