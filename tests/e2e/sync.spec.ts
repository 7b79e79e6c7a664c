import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { SyncStatus } from '../../core/messages';
import { signalBatchSchema, type SignalBatch } from '../../core/signals';
import {
  allCounters,
  countedTotals,
  databaseText,
  expectNoCanary,
  remoteTotals,
} from '../acmeEndpoint';
import { startEndpoint, type Endpoint } from '../../server';
import { startFaultProxy, type FaultMode, type FaultProxy } from './faultProxy';
import {
  expect,
  startAcmeEndpoint,
  extensionIdOf,
  launchBrowser,
  openRecordWithLogACall,
  storedEvents,
  test,
  walkLogACall,
} from './fixtures';

interface Setup {
  endpoint: Endpoint;
  proxy: FaultProxy;
  sqlitePath: string;
  options: Page;
}

/** A real endpoint on a SQLite file behind the fault proxy, set in the options as an admin would. */
async function connect(context: BrowserContext, extensionId: string): Promise<Setup> {
  const { endpoint, token, sqlitePath } = await startAcmeEndpoint(
    mkdtempSync(join(tmpdir(), 'waymark-sync-')),
  );
  const proxy = await startFaultProxy(endpoint.url);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Endpoint address').fill(proxy.url);
  await options.getByLabel('Ingest token').fill(token);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByText('Connected: the endpoint accepts this token')).toBeVisible();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText('Saved. Sync is on.')).toBeVisible();
  return { endpoint, proxy, sqlitePath, options };
}

function syncNow(options: Page): Promise<SyncStatus> {
  return options.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<SyncStatus> } };
      }
    ).chrome.runtime.sendMessage({
      type: 'sync:now',
      data: {},
    }),
  );
}

/** What the browser recorded, per counted kind. */
async function localTotals(context: BrowserContext): Promise<Record<string, number>> {
  return countedTotals((await storedEvents(context)).map((e) => String(e.kind)));
}

test('sync loses nothing and counts nothing twice through kills, 500s, 429s, stalls and duplicates', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  test.setTimeout(150_000);
  const { proxy, sqlitePath, options, ...setup } = await connect(context, extensionId);
  let { endpoint } = setup;
  let round = 0;
  const work = async () => {
    round++;
    await page.goto(`${crm}/app/opportunities`);
    await page.goto(`${crm}/app/opportunities/opp-10${10 + round}`);
    await page.goto(`${crm}/app/home`);
  };

  const failures: [FaultMode, RegExp][] = [
    ['down', /could not be reached/],
    ['error500', /answered 500/],
    ['tooMany', /answered 429/],
    ['loseAnswer', /could not be reached/],
    ['stall', /did not answer within 15 s/],
  ];
  for (const [mode, error] of failures) {
    await work();
    proxy.mode = mode;
    const status = await syncNow(options);
    expect(status.lastError, mode).toMatch(error);
    expect(status.pendingBatches, mode).toBeGreaterThan(0);
  }

  // Delivered twice by the network: counted once.
  await work();
  proxy.mode = 'duplicate';
  expect((await syncNow(options)).pendingBatches).toBe(0);

  // The endpoint process dies; the browser keeps queuing; it comes back on the same file.
  await work();
  const port = Number(new URL(endpoint.url).port);
  await endpoint.close();
  proxy.mode = 'pass';
  expect((await syncNow(options)).lastError).toMatch(/could not be reached/);
  await work();
  endpoint = await startEndpoint({ port, sqlitePath, rateLimit: false });

  // Everything recorded so far, then deliveries until the endpoint holds exactly that.
  await page.close({ runBeforeUnload: true });
  const totals = async () => {
    await syncNow(options);
    return { local: await localTotals(context), remote: await remoteTotals(endpoint) };
  };
  await expect
    .poll(async () => {
      const { local, remote } = await totals();
      const sorted = (o: Record<string, number>) => JSON.stringify(Object.entries(o).sort());
      return sorted(remote) === sorted(local);
    })
    .toBe(true);
  const { local, remote } = await totals();
  expect(local['page.viewed']).toBeGreaterThan(15);
  expect(remote).toEqual(local);
  expect((await syncNow(options)).pendingBatches).toBe(0);
  const rows = await allCounters(endpoint);
  // One browser: at most one contributor per cell, one active-day flag.
  expect(Math.max(...rows.map((r) => r.contributors))).toBe(1);
  expect(rows.filter((r) => r.kind === 'first.activeDay').map((r) => r.count)).toEqual([1]);
  await proxy.close();
  await endpoint.close();
});

/** The example body of the README's "What leaves your browser". */
function documentedBody(): SignalBatch {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### What leaves your browser'));
  const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!example) throw new Error('README: "What leaves your browser" has no JSON example');
  return JSON.parse(example) as SignalBatch;
}

test('canary values never reach a request body or the endpoint database', async ({
  page,
  crm,
  context,
  extensionId,
}) => {
  const { endpoint, proxy, sqlitePath, options } = await connect(context, extensionId);
  const id = 'CANARY-ID-4411';
  await page.request.put(`${crm}/api/opportunities/${id}?delay=0`, {
    data: {
      name: 'CANARY-NAME Harbor',
      accountName: 'CANARY-ACCOUNT',
      stage: 'Proposal',
      nextStep: '',
    },
  });
  await page.goto(`${crm}/app/opportunities/${id}`);
  await walkLogACall(page, 'CANARY-SUBJECT ann.canary@example.com');
  await page.goto(`${crm}/app/opportunities/${id}/edit`);
  await page.getByRole('textbox', { name: 'Next Step' }).fill('');
  await page.getByRole('textbox', { name: 'Description' }).fill('CANARY-DESCRIPTION');
  await page.locator('[data-anchor="record.save"]').click();
  await expect(page).toHaveURL(new RegExp(`${id}$`));
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await storedEvents(context)).some((e) => e.kind === 'field.empty'))
    .toBe(true);
  await expect
    .poll(
      async () =>
        (await syncNow(options)).pendingBatches === 0 &&
        proxy.bodies.join('').includes('field.empty'),
    )
    .toBe(true);

  const sent = proxy.bodies.join('\n');
  expect(sent).toContain('opportunity:record');
  expect(sent).toContain('field.empty');
  // What leaves is what the README's "What leaves your browser" says, field for field.
  const documented = documentedBody();
  expect(signalBatchSchema.safeParse(documented).success).toBe(true);
  const keysOf = (o: object) => Object.keys(o).sort();
  for (const body of proxy.bodies.map((b) => JSON.parse(b) as SignalBatch)) {
    expect(keysOf(body)).toEqual(keysOf(documented));
    for (const signal of body.signals)
      expect(keysOf(signal)).toEqual(keysOf(documented.signals[0]!));
  }
  for (const headers of proxy.bodyHeaders) {
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: expect.stringMatching(/^Bearer /),
    });
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
  }
  await endpoint.close();
  for (const haystack of [sent, databaseText(sqlitePath)]) expectNoCanary(haystack);
  await proxy.close();
});

test('a batch queued while the endpoint is unreachable is delivered after a browser restart', async ({
  crm,
}) => {
  test.setTimeout(90_000);
  const profile = mkdtempSync(join(tmpdir(), 'waymark-profile-'));
  let context = await launchBrowser(profile);
  let setup: Setup | undefined;
  try {
    const extensionId = await extensionIdOf(context);
    setup = await connect(context, extensionId);
    const { endpoint, proxy } = setup;

    const page = await context.newPage();
    await page.goto(`${crm}/app/opportunities`);
    await openRecordWithLogACall(page, crm, 'opp-1011');
    await walkLogACall(page, 'Restart check');
    await page.goto(`${crm}/app/home`);
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await localTotals(context))['guide.completed'] ?? 0).toBe(1);
    await expect.poll(async () => (await localTotals(context))['page.viewed'] ?? 0).toBe(3);

    // Offline when the rep syncs: everything waits in the outbox, and the endpoint has nothing.
    proxy.mode = 'down';
    const queued = await syncNow(setup.options);
    expect(queued.lastError).toMatch(/could not be reached/);
    expect(queued.pendingBatches).toBeGreaterThan(0);
    expect(queued.nextAttemptAt).not.toBeNull();
    const local = await localTotals(context);
    expect(await remoteTotals(endpoint)).toEqual({});

    // The browser is closed while the batch waits, and the network comes back meanwhile.
    await context.close();
    proxy.mode = 'pass';
    const bodiesBefore = proxy.bodies.length;

    // Started again on the same profile, with no page and no "Sync now": the extension must
    // deliver on its own once the backoff it recorded before the restart is over (15 to 45 s
    // after the failed attempt, so the wait is the extension's, not the test's).
    context = await launchBrowser(profile);
    const waitMs = (queued.nextAttemptAt ?? 0) - Date.now();
    await expect
      .poll(() => remoteTotals(endpoint), { timeout: Math.max(waitMs, 0) + 20_000 })
      .toEqual(local);
    expect(await extensionIdOf(context)).toBe(extensionId);
    expect(await localTotals(context)).toEqual(local);
    expect(proxy.bodies.length - bodiesBefore).toBe(queued.pendingBatches);

    // Nothing is left to send, and a further delivery counts nothing twice.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const after = await syncNow(options);
    expect(after.pendingBatches).toBe(0);
    expect(after.lastError).toBeNull();
    expect(await remoteTotals(endpoint)).toEqual(local);
  } finally {
    await context.close();
    await setup?.proxy.close();
    await setup?.endpoint.close();
    for (const dir of [profile, setup && dirname(setup.sqlitePath)]) {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('a plain-http address elsewhere is refused with the way out, and sync stays off', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Endpoint address').fill('http://waymark.example.com:8787');
  await options.getByLabel('Ingest token').fill('a-token-that-never-leaves');
  const sentence =
    'http:// is for an endpoint on this machine only; use https://waymark.example.com:8787 for a server elsewhere';
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByText(sentence)).toBeVisible();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByText(sentence)).toBeVisible();
  const status = await syncNow(options);
  expect(status.endpointUrl).toBeNull();
  // What was typed stays, to be corrected.
  await expect(options.getByLabel('Endpoint address')).toHaveValue(
    'http://waymark.example.com:8787',
  );
});
