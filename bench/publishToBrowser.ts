/**
 * How soon a trainer's publish is in a rep's browser: from the publish request to the rep's
 * Chromium having the new version registered, ready for the next page that matches. The browser
 * is told to check at once ("Check for new guides", what its check does whenever it comes: the
 * hourly check, or sooner when asked), so the figure is what Waymark adds to the wait for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { startEndpoint } from '../server/index';
import { importGuides } from '../server/guideLifecycle';
import { createToken } from '../server/tokens';
import { extensionIdOf } from '../scripts/chromium';
import { launch } from './browser';
import { publishPilot } from './guidePack';

/** The guide `publishPilot` publishes. */
const GUIDE = 'demo-log-call';

/** The version of the guide the extension has registered, read in its own database. */
function registeredVersion(worker: Worker): Promise<number> {
  return worker.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('guides').objectStore('guides').get(id);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { version?: number } | undefined)?.version ?? 0);
          };
        };
      }),
    GUIDE,
  );
}

export async function publishToBrowser(trials = 5): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-publish-'));
  const endpoint = await startEndpoint({
    port: 0,
    rateLimit: false,
    sqlitePath: join(dir, 'bench.sqlite'),
  });
  const context = await launch(true);
  try {
    await importGuides(endpoint.store, 'acme', 'guides', { label: 'bench' });
    const ingest = (await createToken(endpoint.store, 'acme', 'ingest')).token;
    const trainer = (await createToken(endpoint.store, 'acme', 'trainer')).token;
    const worker = context.serviceWorkers()[0] as Worker;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
    await options.getByLabel('Endpoint address').fill(endpoint.url);
    await options.getByLabel('Ingest token').fill(ingest);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Saved. Sync is on.').waitFor();
    // The Guides section reads where the pack comes from when it opens.
    await options.reload();
    const check = options.getByRole('button', { name: 'Check for new guides' });
    const samples: number[] = [];
    for (let i = 0; i < trials; i++) {
      const t0 = performance.now();
      const pilot = await publishPilot(endpoint.url, trainer, i, 100);
      // The pack the endpoint keeps for 5 s is read afresh after a publish: no wait here.
      await check.click();
      while ((await registeredVersion(worker)) !== pilot) await options.waitForTimeout(5);
      samples.push(performance.now() - t0);
      // The check's button is disabled until that check is done.
      while (!(await check.isEnabled())) await options.waitForTimeout(5);
    }
    return samples;
  } finally {
    await context.close();
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
