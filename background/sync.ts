/**
 * Sync: turns new local events into anonymous daily counters, queues them in the outbox as
 * batches with a fixed random id, and delivers them to the organisation's endpoint in order.
 * A batch leaves the outbox only when the endpoint acknowledged it; a retry re-sends the same id,
 * which the endpoint counts once. Failures back off exponentially with jitter and honour
 * Retry-After; the next attempt is an alarm, so it survives service-worker shutdown and restarts.
 * What the policy and the user set, and whether counters may go out, is ./syncSettings.ts; the
 * outbox is ./syncOutbox.ts.
 */
import { endpointProblem } from '../core/endpointAddress';
import type { SyncStatus } from '../core/messages';
import type { Policy } from '../core/policy';
import type { Signal, SignalBatch } from '../core/signals';
import type { WaymarkDb } from './db';
import { describeAnswer } from './endpointAnswer';
import { aggregateNew, queuedBatches } from './syncOutbox';
import {
  createSyncSettings,
  DEFAULT_TIMEOUT_MS,
  type SyncConfig,
  type SyncSettings,
} from './syncSettings';
import { FRESH_DELIVERY, readSyncState, writeSyncState, type SyncState } from './syncState';

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/** Milliseconds to wait from a Retry-After header (seconds, or an HTTP date). */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function backoffMs(attempts: number, random: () => number): number {
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(delay * (0.5 + random())); // jitter: replicas of a fleet do not retry in step
}

export interface SyncDeps {
  db: WaymarkDb;
  /** The organisation's policy as it applies now. */
  policy?: () => Policy;
  /** Whether the extension may reach an origin (host permission); a request fails otherwise. */
  canReach?: (origin: string) => Promise<boolean>;
  /**
   * Whether the person consented to what sync sends, where the browser asks (Firefox). Sync the
   * organisation turned on or pointed at its endpoint is the organisation's decision instead.
   */
  consented?: () => Promise<boolean>;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
}

/** What a delivery works with: the stored state, the settings, the clock, jitter, the network. */
interface Delivery {
  db: WaymarkDb;
  settings: SyncSettings;
  now: () => number;
  random: () => number;
  fetch: typeof fetch;
}

/** How the endpoint took one batch. */
type Answer =
  | { kind: 'accepted' }
  /** The endpoint will never take it. */
  | { kind: 'refused'; message: string }
  /** Worth another try: after `waitMs` if the endpoint said how long, else after the backoff. */
  | { kind: 'failed'; message: string; waitMs: number | null };

/** Checks an address and token without sending any data: health, then an authorised read. */
async function testConnection(
  fetch: typeof globalThis.fetch,
  p: Policy,
  typedUrl: string,
  typedToken: string,
): Promise<{ ok: boolean; message: string }> {
  // Values the policy sets are tested as the policy sets them (the page never sees the token).
  const endpointUrl = p.endpointUrl ?? typedUrl;
  const ingestToken = typedToken.trim() || p.ingestToken || '';
  const problem = endpointProblem(endpointUrl);
  if (problem) return { ok: false, message: problem };
  const signal = AbortSignal.timeout(DEFAULT_TIMEOUT_MS);
  try {
    const health = await fetch(new URL('/healthz', endpointUrl), {
      signal,
      credentials: 'omit',
    });
    const body = (await health.json().catch(() => null)) as { ok?: boolean } | null;
    if (!health.ok || body?.ok !== true) {
      return {
        ok: false,
        message: `${new URL(endpointUrl).origin} answers, but it is not a Waymark endpoint`,
      };
    }
    const guides = await fetch(new URL('/v1/guides', endpointUrl), {
      signal,
      credentials: 'omit',
      headers: { authorization: `Bearer ${ingestToken.trim()}` },
    });
    if (guides.status === 401 || guides.status === 403) {
      return { ok: false, message: 'The endpoint refused this ingest token' };
    }
    if (!guides.ok) return { ok: false, message: await describeAnswer(guides, 'The endpoint') };
    return { ok: true, message: 'Connected: the endpoint accepts this token' };
  } catch (error) {
    return {
      ok: false,
      message:
        (error as Error).name === 'TimeoutError'
          ? 'The endpoint did not answer in time'
          : `Could not reach ${new URL(endpointUrl).origin}`,
    };
  }
}

function permissionProblem(origin: string): string {
  return `Waymark is not allowed to reach ${origin} yet: press "Allow" in the Sync section of Waymark's options.`;
}

async function postBatch(
  fetch: typeof globalThis.fetch,
  config: SyncConfig,
  batch: SignalBatch,
): Promise<Response> {
  // Counters repeat the same names over and over: gzip makes a day's batch 7 times smaller.
  const body = await new Response(
    new Blob([JSON.stringify(batch)]).stream().pipeThrough(new CompressionStream('gzip')),
  ).arrayBuffer();
  return fetch(new URL('/v1/signals', config.endpointUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: `Bearer ${config.ingestToken}`,
    },
    body,
    signal: AbortSignal.timeout(config.timeoutMs),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
}

async function sendBatch(
  { fetch, now }: Delivery,
  config: SyncConfig,
  batch: SignalBatch,
): Promise<Answer> {
  let response: Response;
  try {
    response = await postBatch(fetch, config, batch);
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const message = timedOut
      ? `The endpoint did not answer within ${Math.round(config.timeoutMs / 1000)} s`
      : 'The endpoint could not be reached (offline, or the address is wrong)';
    return { kind: 'failed', message, waitMs: null };
  }
  if (response.ok) return { kind: 'accepted' };
  const message = await describeAnswer(response, 'The endpoint');
  if (response.status === 429) {
    const waitMs = retryAfterMs(response.headers.get('retry-after'), now());
    return { kind: 'failed', message, waitMs };
  }
  if (response.status === 400 || response.status === 413 || response.status === 415) {
    // Keeping a batch the endpoint will never take would block every later one.
    return { kind: 'refused', message };
  }
  const tokenRefused = response.status === 401 || response.status === 403;
  return {
    kind: 'failed',
    message: tokenRefused ? `${message}. Check the ingest token in the options.` : message,
    waitMs: null,
  };
}

/** Records a failed attempt and when to try again. */
async function recordFailure(
  { db, now, random }: Delivery,
  state: SyncState,
  message: string,
  waitMs: number | null = null,
): Promise<void> {
  const wait = waitMs ?? backoffMs(state.attempts + 1, random);
  await writeSyncState(db, {
    ...state,
    attempts: state.attempts + 1,
    lastError: message,
    nextAttemptAt: now() + wait,
  });
}

/** Sends the queued batches in order, recording each answer, until one fails. */
async function sendOutbox(delivery: Delivery, config: SyncConfig, state: SyncState) {
  const { db, now } = delivery;
  let current = state;
  for (const row of await db.outbox.orderBy('id').toArray()) {
    const answer = await sendBatch(delivery, config, row.payload as SignalBatch);
    if (answer.kind === 'failed') {
      await recordFailure(delivery, current, answer.message, answer.waitMs);
      return;
    }
    await db.outbox.delete(row.id as number);
    current =
      answer.kind === 'accepted'
        ? { ...current, ...FRESH_DELIVERY, lastSuccessAt: now() }
        : { ...current, lastError: `A batch was refused and dropped. ${answer.message}` };
    await writeSyncState(db, current);
  }
}

async function syncStatus({ db, settings }: Delivery): Promise<SyncStatus> {
  const [sync, state, rows] = await Promise.all([
    settings.effective(),
    readSyncState(db),
    db.outbox.toArray(),
  ]);
  const origin = sync.endpointUrl ? new URL(sync.endpointUrl).origin : null;
  return {
    configured: Boolean(sync.config),
    endpointUrl: sync.endpointUrl,
    permissionNeeded: origin && !(await settings.maySend(origin)) ? origin : null,
    incomplete: sync.incomplete,
    pendingBatches: rows.length,
    pendingSignals: rows.reduce((n, row) => n + (row.payload as SignalBatch).signals.length, 0),
    attempts: state.attempts,
    nextAttemptAt: state.nextAttemptAt || null,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
  };
}

async function deliver(delivery: Delivery, force: boolean): Promise<SyncStatus> {
  const { db, settings, now } = delivery;
  const { config } = await settings.effective();
  if (!config) return syncStatus(delivery);
  const pending = await readSyncState(db);
  if (!force && now() < pending.nextAttemptAt) return syncStatus(delivery);
  await aggregateNew(db, now(), true, force);
  const state = await readSyncState(db);
  const origin = new URL(config.endpointUrl).origin;
  if ((await db.outbox.count()) > 0 && !(await settings.maySend(origin))) {
    await recordFailure(delivery, state, permissionProblem(origin));
  } else {
    await sendOutbox(delivery, config, state);
  }
  return syncStatus(delivery);
}

export function createSync({
  db,
  policy = () => ({}),
  canReach = async () => true,
  consented = async () => true,
  now = Date.now,
  random = Math.random,
  fetch = globalThis.fetch,
}: SyncDeps) {
  const settings = createSyncSettings({
    db,
    policy,
    canReach,
    consented,
    resetDelivery: async () =>
      writeSyncState(db, { ...(await readSyncState(db)), ...FRESH_DELIVERY }),
  });
  const delivery: Delivery = { db, settings, now, random, fetch };
  let running: Promise<SyncStatus> | null = null;

  return {
    /** Delivers what is due; `force` ignores the backoff (the user pressed "Sync now"). */
    run(force = false): Promise<SyncStatus> {
      if (running && !force) return running;
      // "Sync now" is about the outbox as it is now: it follows a delivery already under way (an
      // alarm's retry) instead of answering with that delivery's outcome.
      const before = running?.catch(() => undefined) ?? Promise.resolve();
      const next: Promise<SyncStatus> = before
        .then(() => deliver(delivery, force))
        .finally(() => {
          if (running === next) running = null;
        });
      running = next;
      return next;
    },
    status: () => syncStatus(delivery),
    hasToken: settings.hasToken,
    locks: settings.locks,
    intervalMinutes: settings.intervalMinutes,
    endpoint: settings.endpoint,
    configure: settings.configure,

    /**
     * Exactly what the next deliveries will send: queued batches, then counters still to queue
     * (today's go out tomorrow, or at once with "Sync now").
     */
    async preview(): Promise<{ queued: SignalBatch[]; upcoming: Signal[] }> {
      const queued = await queuedBatches(db);
      return { queued, upcoming: await aggregateNew(db, now(), false, true) };
    },

    testConnection: (typedUrl: string, typedToken: string) =>
      testConnection(fetch, policy(), typedUrl, typedToken),
  };
}

export type Sync = ReturnType<typeof createSync>;
