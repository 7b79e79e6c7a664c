/**
 * The organisation's remote guide pack: fetched from the policy's `guidePackUrl`, else from the
 * sync endpoint's `/v1/guides`, on start and hourly, with `If-None-Match` so an unchanged pack
 * costs a 304. Every guide of a new pack is checked with the same checks as `guides:check`
 * (file naming and layout aside); a pack with any problem is refused as a whole. A refused pack,
 * an error answer or a network failure keeps the last good pack in use and records when and why.
 * Only checked guides ever reach the registry, where they are `remote` guides (see
 * guideRegistry.ts for how they rank against bundled and imported ones).
 */
import { checkGuideFiles } from '../core/guide/checkGuides';
import { formatProblem } from '../core/guide/problems';
import { GUIDE_SCHEMA_VERSION, guideSchema, type Guide } from '../core/guide/schema';
import type { RemotePackStatus } from '../core/messages';
import type { WaymarkDb } from './db';
import { registerRemoteGuides } from './guideRegistry';

/** Where the pack comes from, and the token to send there (only to the organisation's endpoint). */
export interface PackSource {
  url: string;
  token: string | null;
}

/**
 * Where the pack comes from: the policy's `guidePackUrl`, else the endpoint's `/v1/guides`. The
 * ingest token goes only to the endpoint's own origin: a pack address elsewhere (a file server,
 * a CDN) never receives it.
 */
export function packSourceOf(
  guidePackUrl: string | undefined,
  endpoint: { endpointUrl: string; ingestToken: string } | null,
): PackSource | null {
  const endpointOrigin = endpoint ? new URL(endpoint.endpointUrl).origin : null;
  if (guidePackUrl) {
    const sameOrigin = endpointOrigin !== null && new URL(guidePackUrl).origin === endpointOrigin;
    return { url: guidePackUrl, token: sameOrigin && endpoint ? endpoint.ingestToken : null };
  }
  if (!endpoint || !endpointOrigin) return null;
  return { url: `${endpointOrigin}/v1/guides`, token: endpoint.ingestToken };
}

interface PackRecord {
  /** The source of the last attempt: a new source is fetched at once. */
  url: string | null;
  /** The source of the kept pack, its ETag and its guides (all checked). */
  from: string | null;
  etag: string | null;
  guides: Guide[];
  updatedAt: number | null;
  checkedAt: number | null;
  lastAttemptAt: number | null;
  lastError: { at: number; reason: string } | null;
}

export const PACK_KEY = 'guidePack.remote';

const EMPTY_RECORD: PackRecord = {
  url: null,
  from: null,
  etag: null,
  guides: [],
  updatedAt: null,
  checkedAt: null,
  lastAttemptAt: null,
  lastError: null,
};

export const PACK_LIMITS = {
  /** A pack of 500 long guides stays well below this. */
  bytes: 5 * 1024 * 1024,
  guides: 500,
} as const;

/**
 * A service worker starts many times a day; on start the pack is fetched again only when the
 * last attempt is older than this (or the source changed). The hourly alarm does the rest.
 */
export const START_REFRESH_AFTER_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 15_000;
const PROBLEMS_SHOWN = 3;

/** How a guide of the pack is named in problems: its place in the list, and its id if it has one. */
function guideLabel(guide: unknown, index: number): string {
  const id = (guide as { id?: unknown } | null)?.id;
  return `guides[${index}]${typeof id === 'string' ? ` "${id.slice(0, 64)}"` : ''}`;
}

/** Checks a downloaded pack: every guide, or nothing. */
export function checkPack(text: string): { guides: Guide[] } | { problem: string } {
  if (text.length > PACK_LIMITS.bytes) {
    return { problem: `The pack is larger than ${PACK_LIMITS.bytes / 1024 / 1024} MB` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `The pack is not valid JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problem: 'The pack is not a guide pack (expected an object with "guides")' };
  }
  const { schemaVersion, guides } = data as { schemaVersion?: unknown; guides?: unknown };
  if (schemaVersion !== GUIDE_SCHEMA_VERSION) {
    return {
      problem: `The pack is for guide schema version ${JSON.stringify(schemaVersion ?? null)}; this Waymark reads version ${GUIDE_SCHEMA_VERSION}`,
    };
  }
  if (!Array.isArray(guides)) return { problem: 'The pack has no "guides" list' };
  if (guides.length > PACK_LIMITS.guides) {
    return {
      problem: `The pack has ${guides.length} guides; at most ${PACK_LIMITS.guides} are read`,
    };
  }
  const checked = checkGuideFiles(
    guides.map((guide, i) => ({ file: guideLabel(guide, i), text: JSON.stringify(guide) })),
    { fileConventions: false },
  );
  const { problems } = checked;
  if (problems.length > 0) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map(formatProblem).join('; ');
    const more =
      problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : '';
    return {
      problem: `The pack was refused (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}): ${shown}${more}`,
    };
  }
  return { guides: checked.guides.map((g) => g.guide) };
}

async function describeAnswer(response: Response, origin: string): Promise<string> {
  let message = '';
  try {
    message = ((await response.json()) as { message?: string }).message ?? '';
  } catch {
    // Not JSON: the status says enough.
  }
  const hint = response.status === 401 || response.status === 403 ? '. Check the ingest token' : '';
  return `${origin} answered ${response.status}${message ? `: ${message}` : ''}${hint}`;
}

export interface RemotePackDeps {
  db: WaymarkDb;
  /** The guides built into this release: what comes back when a remote guide goes. */
  bundled: readonly Guide[];
  /** Where to fetch from now; null when neither the policy nor the sync settings name a place. */
  source: () => Promise<PackSource | null>;
  /** Called after the registry changed. */
  onRegistered: () => Promise<void>;
  /** Whether the extension may reach an origin (host permission); reaching it fails otherwise. */
  canReach?: (origin: string) => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
}

export function createRemotePack({
  db,
  bundled,
  source,
  onRegistered,
  canReach = async () => true,
  fetch = globalThis.fetch,
  now = Date.now,
}: RemotePackDeps) {
  const read = async (): Promise<PackRecord> => ({
    ...EMPTY_RECORD,
    ...((await db.settings.get(PACK_KEY))?.value as Partial<PackRecord> | undefined),
  });
  const write = (record: PackRecord) => db.settings.put({ key: PACK_KEY, value: record });

  const originOf = (url: string): string | null => {
    try {
      return new URL(url).origin;
    } catch {
      return null;
    }
  };

  const statusOf = async (
    record: PackRecord,
    current: PackSource | null,
  ): Promise<RemotePackStatus> => {
    const origin = current ? originOf(current.url) : null;
    return {
      url: current?.url ?? null,
      from: record.from,
      guides: record.guides.length,
      updatedAt: record.updatedAt,
      checkedAt: record.checkedAt,
      lastAttemptAt: record.lastAttemptAt,
      lastError: record.lastError,
      permissionNeeded: origin && !(await canReach(origin)) ? origin : null,
    };
  };

  async function failed(record: PackRecord, url: string, reason: string): Promise<PackRecord> {
    const at = now();
    const next = { ...record, url, lastAttemptAt: at, lastError: { at, reason } };
    await write(next);
    console.warn(`[waymark] guide pack from ${url} not updated: ${reason}`);
    return next;
  }

  async function attempt(force: boolean): Promise<RemotePackStatus> {
    const current = await source();
    let record = await read();
    if (!current) return statusOf(record, null);
    const { url, token } = current;
    const recent =
      record.lastAttemptAt !== null && now() - record.lastAttemptAt < START_REFRESH_AFTER_MS;
    if (!force && recent && record.url === url) return statusOf(record, current);
    const origin = originOf(url);
    if (!origin) {
      return statusOf(await failed(record, url, `"${url}" is not a web address`), current);
    }
    if (!(await canReach(origin))) {
      record = await failed(
        record,
        url,
        `Waymark is not allowed to reach ${origin} yet: press "Allow" in the Guides section of Waymark's options`,
      );
      return statusOf(record, current);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    // Only a pack kept from this very source may be confirmed by a 304.
    if (record.etag && record.from === url) headers['if-none-match'] = record.etag;
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        // The ETag is handled here: the HTTP cache must neither answer nor rewrite a 304.
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `${origin} did not answer within ${TIMEOUT_MS / 1000} s`
          : `${origin} could not be reached (offline, or the address is wrong)`;
      return statusOf(await failed(record, url, reason), current);
    }
    const at = now();
    if (response.status === 304 && headers['if-none-match']) {
      record = { ...record, url, checkedAt: at, lastAttemptAt: at, lastError: null };
      await write(record);
      return statusOf(record, current);
    }
    if (!response.ok) {
      return statusOf(await failed(record, url, await describeAnswer(response, origin)), current);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > PACK_LIMITS.bytes) {
      const reason = `The pack is larger than ${PACK_LIMITS.bytes / 1024 / 1024} MB`;
      return statusOf(await failed(record, url, reason), current);
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return statusOf(
        await failed(record, url, `${origin} broke off while sending the pack`),
        current,
      );
    }
    const checked = checkPack(text);
    if ('problem' in checked) return statusOf(await failed(record, url, checked.problem), current);
    const next: PackRecord = {
      url,
      from: url,
      etag: response.headers.get('etag'),
      guides: checked.guides,
      updatedAt: at,
      checkedAt: at,
      lastAttemptAt: at,
      lastError: null,
    };
    // The registry and the record change together: the kept pack is always what is registered.
    const changed = await db.transaction('rw', db.guides, db.settings, async () => {
      const registered = await registerRemoteGuides(db, next.guides, bundled);
      await write(next);
      return registered;
    });
    if (changed) await onRegistered();
    return statusOf(next, current);
  }

  let running: Promise<RemotePackStatus> | null = null;

  return {
    /**
     * Fetches the pack unless it was tried moments ago from the same source; `force` fetches
     * anyway (a new source, the hourly alarm, "Check for new guides").
     */
    refresh(force = false): Promise<RemotePackStatus> {
      running ??= attempt(force).finally(() => (running = null));
      return running;
    },

    async status(): Promise<RemotePackStatus> {
      return statusOf(await read(), await source());
    },

    /** The kept pack's guides (already checked). */
    async guides(): Promise<Guide[]> {
      return (await read()).guides;
    },

    /**
     * Registers the kept pack again at start, after the bundled pack. Each guide is checked again:
     * a new release may check more than the one that downloaded it, and an unchecked guide must
     * never run. A kept pack that no longer passes is dropped and downloaded again.
     */
    async reapply(): Promise<void> {
      const record = await read();
      const parsed = record.guides.map((guide) => guideSchema.safeParse(guide));
      if (parsed.every((p) => p.success)) {
        await registerRemoteGuides(
          db,
          parsed.map((p) => p.data as Guide),
          bundled,
        );
        return;
      }
      const at = now();
      await db.transaction('rw', db.guides, db.settings, async () => {
        await registerRemoteGuides(db, [], bundled);
        await write({
          ...record,
          from: null,
          etag: null,
          guides: [],
          lastAttemptAt: null,
          lastError: {
            at,
            reason:
              'The kept pack does not pass the checks of this version of Waymark; it is downloaded again',
          },
        });
      });
    },
  };
}

export type RemotePack = ReturnType<typeof createRemotePack>;
