/**
 * Sync: turns new local events into anonymous daily counters, queues them in the outbox as
 * batches with a fixed random id, and delivers them to the organisation's endpoint in order.
 * A batch leaves the outbox only when the endpoint acknowledged it; a retry re-sends the same id,
 * which the endpoint counts once. Failures back off exponentially with jitter and honour
 * Retry-After; the next attempt is an alarm, so it survives service-worker shutdown and restarts.
 * What the policy and the user set, and whether counters may go out, is ./syncSettings.ts.
 */
import { endpointProblem } from '../core/endpointAddress';
import { createSyncSettings, DEFAULT_TIMEOUT_MS, type SyncConfig } from './syncSettings';
import { aggregateSignals, EMPTY_REPORTED, type ReportedState } from '../core/aggregate';
import { SIGNAL_SCHEMA_VERSION, type Signal, type SignalBatch } from '../core/signals';
import type { SyncStatus } from '../core/messages';
import type { Policy } from '../core/policy';
import type { WaymarkDb } from './db';

export interface SyncState {
  /** The last event batch already turned into counters. */
  cursor: number;
  reported: ReportedState;
  attempts: number;
  nextAttemptAt: number;
  lastSuccessAt: number | null;
  lastError: string | null;
}

const STATE_KEY = 'sync.state';
const MAX_SIGNALS_PER_BATCH = 500;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

const INITIAL_STATE: SyncState = {
  cursor: 0,
  reported: EMPTY_REPORTED,
  attempts: 0,
  nextAttemptAt: 0,
  lastSuccessAt: null,
  lastError: null,
};

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

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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

/** An endpoint's refusal as a sentence: its status and its own message, if it sent one. */
async function describeFailure(response: Response): Promise<string> {
  let message = '';
  try {
    message = ((await response.json()) as { message?: string }).message ?? '';
  } catch {
    // Not JSON: the status says enough.
  }
  return `The endpoint answered ${response.status}${message ? `: ${message}` : ''}`;
}

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
    if (!guides.ok) return { ok: false, message: await describeFailure(guides) };
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
      writeState({ ...(await readState()), attempts: 0, nextAttemptAt: 0, lastError: null }),
  });
  const { effective, maySend } = settings;
  const permissionProblem = (origin: string) =>
    `Waymark is not allowed to reach ${origin} yet: press "Allow" in the Sync section of Waymark's options.`;
  const readState = async (): Promise<SyncState> => ({
    ...INITIAL_STATE,
    ...((await db.settings.get(STATE_KEY))?.value as Partial<SyncState> | undefined),
  });
  const writeState = (state: SyncState) => db.settings.put({ key: STATE_KEY, value: state });

  /**
   * Counters for the events the outbox does not hold yet; `commit` stores them. Unless
   * `includeToday`, only days that are over are taken: one delivery per active day keeps what a
   * user sends small and says nothing about when in the day they worked.
   */
  async function aggregateNew(commit: boolean, includeToday: boolean): Promise<Signal[]> {
    const todayStart = new Date(now()).setUTCHours(0, 0, 0, 0);
    return db.transaction(
      commit ? 'rw' : 'r',
      db.settings,
      db.eventBatches,
      db.outbox,
      async () => {
        const state = await readState();
        const all = await db.eventBatches.where('seq').above(state.cursor).toArray();
        const firstOfToday = all.findIndex((row) => row.lastAt >= todayStart);
        const rows = includeToday || firstOfToday < 0 ? all : all.slice(0, firstOfToday);
        if (rows.length === 0) return [];
        const { signals, reported } = aggregateSignals(
          rows.flatMap((row) => row.events),
          state.reported,
        );
        if (commit) {
          for (const part of chunk(signals, MAX_SIGNALS_PER_BATCH)) {
            const batch: SignalBatch = {
              schemaVersion: SIGNAL_SCHEMA_VERSION,
              batchId: crypto.randomUUID(),
              signals: part,
            };
            await db.outbox.add({ day: part[0]?.day ?? '', payload: batch });
          }
          const cursor = rows[rows.length - 1]?.seq ?? state.cursor;
          await writeState({ ...state, cursor, reported });
        }
        return signals;
      },
    );
  }

  async function post(config: SyncConfig, batch: SignalBatch): Promise<Response> {
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

  let running: Promise<SyncStatus> | null = null;

  async function deliver(force: boolean): Promise<SyncStatus> {
    const { config } = await effective();
    if (!config) return status();
    let state = await readState();
    if (!force && now() < state.nextAttemptAt) return status();
    await aggregateNew(true, force);
    state = await readState();
    const fail = async (message: string, waitMs: number) => {
      state = { ...state, attempts: state.attempts + 1, lastError: message };
      state.nextAttemptAt = now() + waitMs;
      await writeState(state);
    };
    const origin = new URL(config.endpointUrl).origin;
    if ((await db.outbox.count()) > 0 && !(await maySend(origin))) {
      await fail(permissionProblem(origin), backoffMs(state.attempts + 1, random));
      return status();
    }
    for (const row of await db.outbox.orderBy('id').toArray()) {
      const batch = row.payload as SignalBatch;
      let response: Response;
      try {
        response = await post(config, batch);
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        await fail(
          timedOut
            ? `The endpoint did not answer within ${Math.round(config.timeoutMs / 1000)} s`
            : 'The endpoint could not be reached (offline, or the address is wrong)',
          backoffMs(state.attempts + 1, random),
        );
        break;
      }
      if (response.ok) {
        await db.outbox.delete(row.id as number);
        state = { ...state, attempts: 0, nextAttemptAt: 0, lastError: null, lastSuccessAt: now() };
        await writeState(state);
        continue;
      }
      const message = await describeFailure(response);
      if (response.status === 429) {
        await fail(
          message,
          retryAfterMs(response.headers.get('retry-after'), now()) ??
            backoffMs(state.attempts + 1, random),
        );
        break;
      }
      if (response.status === 400 || response.status === 413 || response.status === 415) {
        // The endpoint will never take this batch; keeping it would block every later one.
        await db.outbox.delete(row.id as number);
        state = { ...state, lastError: `A batch was refused and dropped. ${message}` };
        await writeState(state);
        continue;
      }
      await fail(
        response.status === 401 || response.status === 403
          ? `${message}. Check the ingest token in the options.`
          : message,
        backoffMs(state.attempts + 1, random),
      );
      break;
    }
    return status();
  }

  async function status(): Promise<SyncStatus> {
    const [sync, state, rows] = await Promise.all([effective(), readState(), db.outbox.toArray()]);
    const origin = sync.endpointUrl ? new URL(sync.endpointUrl).origin : null;
    return {
      configured: Boolean(sync.config),
      endpointUrl: sync.endpointUrl,
      permissionNeeded: origin && !(await maySend(origin)) ? origin : null,
      incomplete: sync.incomplete,
      pendingBatches: rows.length,
      pendingSignals: rows.reduce((n, row) => n + (row.payload as SignalBatch).signals.length, 0),
      attempts: state.attempts,
      nextAttemptAt: state.nextAttemptAt || null,
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
    };
  }

  return {
    /** Delivers what is due; `force` ignores the backoff (the user pressed "Sync now"). */
    run(force = false): Promise<SyncStatus> {
      if (running && !force) return running;
      // "Sync now" is about the outbox as it is now: it follows a delivery already under way (an
      // alarm's retry) instead of answering with that delivery's outcome.
      const before = running?.catch(() => undefined) ?? Promise.resolve();
      const delivery: Promise<SyncStatus> = before
        .then(() => deliver(force))
        .finally(() => {
          if (running === delivery) running = null;
        });
      running = delivery;
      return delivery;
    },
    status,
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
      const queued = (await db.outbox.orderBy('id').toArray()).map(
        (row) => row.payload as SignalBatch,
      );
      return { queued, upcoming: await aggregateNew(false, true) };
    },

    testConnection: (typedUrl: string, typedToken: string) =>
      testConnection(fetch, policy(), typedUrl, typedToken),
  };
}

export type Sync = ReturnType<typeof createSync>;
