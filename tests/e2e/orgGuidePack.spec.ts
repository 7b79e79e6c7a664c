/**
 * The organisation's guide pack, from a real endpoint: a guide only the endpoint has reaches the
 * extension set up in the options page and runs on the demo CRM; an unchanged pack costs a 304;
 * a broken pack (served by a stand-in in front of the endpoint, which itself refuses to start
 * with invalid guides) and a network failure keep the last good pack, and the options page says
 * why.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalGuideText } from '../../core/guide/problems';
import type { Endpoint } from '../../server';
import { clickClosing, expect, openPopup, startAcmeEndpoint, stepCard, test } from './fixtures';

const TIP = {
  schemaVersion: 1,
  id: 'endpoint-pipeline-tip',
  version: 1,
  title: 'Pipeline tip',
  roles: ['rep'],
  crm: 'demo',
  match: { page: 'opportunity:list' },
  launch: { mode: 'auto', once: true },
  steps: [
    {
      id: 'sort',
      kind: 'modal',
      title: 'Sort by close date',
      body: 'Deals closing this month come first.',
    },
  ],
};

/** The same guide, a version later, with a step kind that does not exist. */
const BROKEN_PACK = JSON.stringify({
  schemaVersion: 1,
  guides: [{ ...TIP, version: 2, steps: [{ ...TIP.steps[0], kind: 'modall' }] }],
});

type Mode = 'pass' | 'broken' | 'down';

interface StandIn {
  url: string;
  mode: Mode;
  /** Each guide pack request: the If-None-Match it carried and the status it got. */
  packRequests: { ifNoneMatch: string | undefined; status: number }[];
  close(): Promise<void>;
}

/** Forwards to the endpoint, except that it can serve a broken pack or drop the connection. */
async function startStandIn(target: string): Promise<StandIn> {
  const sockets = new Set<Socket>();
  const standIn: StandIn = { url: '', mode: 'pass', packRequests: [], close: async () => {} };
  const server = createServer((req: IncomingMessage, res) => {
    const isPack = req.url?.startsWith('/v1/guides') ?? false;
    if (standIn.mode === 'down') return req.socket.destroy();
    if (isPack && standIn.mode === 'broken') {
      standIn.packRequests.push({ ifNoneMatch: req.headers['if-none-match'], status: 200 });
      res.writeHead(200, { 'content-type': 'application/json', etag: '"broken"' });
      return res.end(BROKEN_PACK);
    }
    const out = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        if (isPack) {
          standIn.packRequests.push({
            ifNoneMatch: req.headers['if-none-match'],
            status: answer.statusCode ?? 0,
          });
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return standIn;
}

test('a guide only the endpoint has runs; a broken pack or no network keeps the last good one', async ({
  context,
  extensionId,
  page,
  crm,
}) => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'waymark-pack-'));
  const guidesDir = join(work, 'guides');
  mkdirSync(guidesDir);
  writeFileSync(join(guidesDir, `${TIP.id}.json`), canonicalGuideText(TIP));
  let endpoint: Endpoint | undefined;
  let standIn: StandIn | undefined;
  try {
    const started = await startAcmeEndpoint(work, { guidesDir });
    endpoint = started.endpoint;
    const { token } = started;
    standIn = await startStandIn(endpoint.url);
    const packUrl = `${standIn.url}/v1/guides`;

    // Before any endpoint: only the built-in guides, and no pack.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const guides = options.getByRole('region', { name: 'Guides', exact: true });
    const tipRow = guides.getByRole('row').filter({ hasText: TIP.id });
    await expect(guides.getByRole('row').filter({ hasText: 'demo-log-call' })).toBeVisible();
    await expect(tipRow).toHaveCount(0);
    await expect(guides.locator('#pack-status')).toHaveCount(0);

    // Set up as a rep does; saving fetches the pack at once.
    await options.getByLabel('Endpoint address').fill(standIn.url);
    await options.getByLabel('Ingest token').fill(token);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText('Saved. Sync is on.')).toBeVisible();
    await expect
      .poll(async () => {
        await options.reload();
        await expect(guides.getByRole('row').filter({ hasText: 'demo-log-call' })).toBeVisible();
        return tipRow.count();
      })
      .toBe(1);
    await expect(tipRow).toContainText('From your organization');
    const status = guides.locator('#pack-status');
    await expect(status).toContainText(`Guide pack from ${packUrl} — last updated`);
    await expect(status).toContainText('(1 guide)');
    await expect(status).not.toContainText('failed');
    expect(standIn.packRequests[0]).toEqual({ ifNoneMatch: undefined, status: 200 });

    // It runs on the CRM like any guide.
    await page.goto(`${crm}/app/opportunities`);
    await expect(stepCard(page)).toContainText('Sort by close date');
    await stepCard(page).getByRole('button', { name: 'Done' }).click();
    await expect(stepCard(page)).toHaveCount(0);

    // Unchanged: the endpoint answers 304 to the ETag it gave.
    const check = guides.getByRole('button', { name: 'Check for new guides' });
    await check.click();
    await expect(guides.getByText('The guide pack is up to date.')).toBeVisible();
    expect(standIn.packRequests.at(-1)).toEqual({
      ifNoneMatch: expect.stringMatching(/^".+"$/),
      status: 304,
    });

    // A broken pack is refused as a whole: the last good one stays, and the reason is shown.
    standIn.mode = 'broken';
    await check.click();
    await expect(status).toContainText(
      'last attempt failed: The pack was refused (1 problem): guides[0] "endpoint-pipeline-tip" steps[0].kind: expected one of tooltip, spotlight, hotspot, modal, fieldTip, survey — got "modall"',
    );
    await expect(status).toContainText(`Guide pack from ${packUrl} — last updated`);
    await expect(tipRow.getByRole('cell').first()).toHaveText('1');
    await expect(tipRow).toContainText('From your organization');

    // No network: the same.
    standIn.mode = 'down';
    await check.click();
    await expect(status).toContainText(
      `last attempt failed: ${standIn.url} could not be reached (offline, or the address is wrong)`,
    );
    await expect(tipRow).toContainText('From your organization');

    // The kept guide still runs.
    const popup = await openPopup(context, extensionId, page);
    await clickClosing(popup, popup.getByRole('button', { name: 'Start Pipeline tip' }));
    await expect(stepCard(page)).toContainText('Sort by close date');

    // Back online with the good pack: the failure is gone.
    standIn.mode = 'pass';
    await check.click();
    await expect(guides.getByText('The guide pack is up to date.')).toBeVisible();
    await expect(status).not.toContainText('failed');
  } finally {
    await standIn?.close();
    await endpoint?.close();
    rmSync(work, { recursive: true, force: true });
  }
});
