/**
 * The Waymark endpoint: `startEndpoint()` opens the store, loads the guide pack and serves the
 * API until `close()`. Options are explicit; `endpointOptionsFromEnv()` reads them from the
 * environment as `npm run server` does.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { DEFAULT_BODY_LIMIT } from './body';
import { DEFAULT_DASHBOARD_DIR, loadDashboard } from './dashboard';
import { answerClientError } from './errors';
import { DEFAULT_GUIDES_DIR, loadGuidePack } from './guidePack';
import { DEFAULT_RATE_LIMIT } from './rateLimit';
import { DAY_MS, utcDay } from '../core/days';
import { addDays } from '../core/snapshot';
import { openStore } from './stores/open';
import type { SignalStore } from './stores/types';

export { endpointOptionsFromEnv, type EndpointOptions } from './config';
import type { EndpointOptions } from './config';
export type { SignalStore } from './stores/types';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_K = 5;
/**
 * A browser sends a batch again only when it never heard the answer, at its next delivery: days
 * later at most, unless it stays closed for months. Half a year covers that and bounds the table.
 */
export const DEFAULT_BATCH_ID_DAYS = 180;

export interface Endpoint {
  url: string;
  /** Where admins open the dashboard; null when it has not been built. */
  dashboardUrl: string | null;
  store: SignalStore;
  close(): Promise<void>;
}

const OPENAPI_FILE = new URL('./openapi.json', import.meta.url);

export async function startEndpoint(options: EndpointOptions = {}): Promise<Endpoint> {
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1 — got ${k}`);
  const pack = loadGuidePack(options.guidesDir ?? DEFAULT_GUIDES_DIR);
  const dashboard = loadDashboard(options.dashboardDir ?? DEFAULT_DASHBOARD_DIR);
  const batchIdDays = options.batchIdDays ?? DEFAULT_BATCH_ID_DAYS;
  if (!Number.isInteger(batchIdDays) || batchIdDays < 1) {
    throw new Error(`batchIdDays must be a whole number ≥ 1 — got ${batchIdDays}`);
  }
  const today = options.today ?? (() => utcDay(Date.now()));
  const store = await openStore(options);
  try {
    const app = createApp({
      store,
      pack,
      openapi: readFileSync(OPENAPI_FILE, 'utf8'),
      k,
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      trustedProxies: options.trustedProxies ?? 0,
      dashboard,
      batchIdDays,
      today,
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    // A client that stops sending mid-body must not hold a connection for minutes.
    server.requestTimeout = 30_000;
    server.on('clientError', answerClientError);
    const host = options.host ?? DEFAULT_HOST;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    // At start and daily after; every replica may do it, as deleting twice changes nothing.
    const prune = () =>
      store
        .pruneBatchIds(addDays(today(), -batchIdDays))
        .catch((error: unknown) => console.error('Old batch ids could not be pruned:', error));
    let pruned = prune();
    const pruning = setInterval(() => (pruned = prune()), DAY_MS).unref();
    let closing: Promise<void> | undefined;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      dashboardUrl: dashboard ? `${url}/dashboard/` : null,
      store,
      close() {
        clearInterval(pruning);
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await pruned;
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
