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
import {
  GUIDE_SCHEMA_VERSION,
  guideSchema,
  rolloutSchema,
  type Guide,
  type Rollout,
} from '../core/guide/schema';
import { withPilots, type Audience, type Pilot } from '../core/match';
import type { OrgGuidePackStatus } from '../core/messages';
import type { WaymarkDb } from './db';
import { describeAnswer } from './endpointAnswer';
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
  /** The kept pack's pilots: which of them this browser runs is chosen when it is registered. */
  pilots: Pilot[];
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
  pilots: [],
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
const TOO_LARGE = `The pack is larger than ${PACK_LIMITS.bytes / 1024 / 1024} MB`;

/** How a guide of the pack is named in problems: its place in the list, and its id if it has one. */
function guideLabel(guide: unknown, place: string): string {
  const id = (guide as { id?: unknown } | null)?.id;
  return `${place}${typeof id === 'string' ? ` "${id.slice(0, 64)}"` : ''}`;
}

/** A pilot of the pack, checked: its rollout, and its guide among the guides checked. */
function pilotRollout(pilot: unknown, index: number): Rollout | string {
  const rollout = rolloutSchema.safeParse((pilot as { rollout?: unknown } | null)?.rollout);
  return rollout.success ? rollout.data : `pilots[${index}].rollout: not a rollout`;
}

/** Checks a downloaded pack: every guide and pilot, or nothing. */
export function checkPack(
  text: string,
): { guides: Guide[]; pilots: Pilot[] } | { problem: string } {
  if (text.length > PACK_LIMITS.bytes) {
    return { problem: TOO_LARGE };
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
  const {
    schemaVersion,
    guides,
    pilots = [],
  } = data as { schemaVersion?: unknown; guides?: unknown; pilots?: unknown };
  if (schemaVersion !== GUIDE_SCHEMA_VERSION) {
    return {
      problem: `The pack is for guide schema version ${JSON.stringify(schemaVersion ?? null)}; this Waymark reads version ${GUIDE_SCHEMA_VERSION}`,
    };
  }
  if (!Array.isArray(guides)) return { problem: 'The pack has no "guides" list' };
  if (!Array.isArray(pilots)) return { problem: 'The pack\'s "pilots" is not a list' };
  if (guides.length + pilots.length > PACK_LIMITS.guides) {
    return {
      problem: `The pack has ${guides.length + pilots.length} guides; at most ${PACK_LIMITS.guides} are read`,
    };
  }
  const pilotGuides = pilots.map((p: unknown) => (p as { guide?: unknown } | null)?.guide);
  // Guides and pilots are checked apart: a pilot has the id of the live guide it replaces.
  const checked = checkGuideFiles(
    guides.map((guide, i) => ({
      file: guideLabel(guide, `guides[${i}]`),
      text: JSON.stringify(guide),
    })),
    { fileConventions: false },
  );
  const checkedPilots = checkGuideFiles(
    pilotGuides.map((guide, i) => ({
      file: guideLabel(guide, `pilots[${i}].guide`),
      text: JSON.stringify(guide ?? null),
    })),
    { fileConventions: false },
  );
  const rollouts = pilots.map(pilotRollout);
  const problems = [
    ...checked.problems.map(formatProblem),
    ...checkedPilots.problems.map(formatProblem),
    ...rollouts.filter((r): r is string => typeof r === 'string'),
  ];
  if (problems.length > 0) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
    const more =
      problems.length > PROBLEMS_SHOWN ? `; and ${problems.length - PROBLEMS_SHOWN} more` : '';
    return {
      problem: `The pack was refused (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}): ${shown}${more}`,
    };
  }
  return {
    guides: checked.guides.map((g) => g.guide),
    pilots: checkedPilots.guides.map((g, i) => ({
      rollout: rollouts[i] as Rollout,
      guide: g.guide,
    })),
  };
}

export interface OrgGuidePackDeps {
  db: WaymarkDb;
  /** The guides built into this release: what comes back when a remote guide goes. */
  bundled: readonly Guide[];
  /** Where to fetch from now; null when neither the policy nor the sync settings name a place. */
  source: () => Promise<PackSource | null>;
  /** Called after the registry changed. */
  onRegistered: () => Promise<void>;
  /** Whether the extension may reach an origin (host permission); reaching it fails otherwise. */
  canReach?: (origin: string) => Promise<boolean>;
  /** This user as pilots see them (cohorts, slot seed, today); null runs no pilot. */
  audience?: () => Promise<Omit<Audience, 'role'> | null>;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The pack's dependencies, defaults filled in. */
type PackDeps = Required<OrgGuidePackDeps>;

async function readRecord(db: WaymarkDb): Promise<PackRecord> {
  return {
    ...EMPTY_RECORD,
    ...((await db.settings.get(PACK_KEY))?.value as Partial<PackRecord> | undefined),
  };
}

function writeRecord(db: WaymarkDb, record: PackRecord) {
  return db.settings.put({ key: PACK_KEY, value: record });
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function packStatus(
  { canReach }: PackDeps,
  record: PackRecord,
  current: PackSource | null,
): Promise<OrgGuidePackStatus> {
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
}

/** Records why the pack from `url` was not taken; the pack kept before stays in use. */
async function recordFailure(
  { db, now }: PackDeps,
  record: PackRecord,
  url: string,
  reason: string,
): Promise<PackRecord> {
  const at = now();
  const next = { ...record, url, lastAttemptAt: at, lastError: { at, reason } };
  await writeRecord(db, next);
  console.warn(`[waymark] guide pack from ${url} not updated: ${reason}`);
  return next;
}

/** Asks for the pack; with the ETag of the pack kept from there, an unchanged one answers 304. */
function requestPack(
  fetch: typeof globalThis.fetch,
  { url, token }: PackSource,
  etag: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (etag) headers['if-none-match'] = etag;
  return fetch(url, {
    headers,
    // The ETag is handled here: the HTTP cache must neither answer nor rewrite a 304.
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** The text of the pack an answer brings, or why there is none to check. */
async function readPack(
  response: Response,
  origin: string,
): Promise<{ text: string } | { problem: string }> {
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403 ? '. Check the ingest token' : '';
    return { problem: `${await describeAnswer(response, origin)}${hint}` };
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > PACK_LIMITS.bytes) return { problem: TOO_LARGE };
  try {
    return { text: await response.text() };
  } catch {
    return { problem: `${origin} broke off while sending the pack` };
  }
}

async function keepPack(
  { db, bundled, onRegistered, audience }: PackDeps,
  next: PackRecord,
): Promise<PackRecord> {
  // Chosen again whenever the pack is confirmed: a pilot's dates or the user's cohort may move.
  const guides = withPilots(next.guides, next.pilots, await audience());
  // The registry and the record change together: the kept pack is always what is registered.
  const changed = await db.transaction('rw', db.guides, db.settings, async () => {
    const registered = await registerRemoteGuides(db, guides, bundled);
    await writeRecord(db, next);
    return registered;
  });
  if (changed) await onRegistered();
  return next;
}

/** Fetches the pack from `source` and keeps what came of it: the record as it is now. */
async function fetchPack(
  deps: PackDeps,
  record: PackRecord,
  source: PackSource,
): Promise<PackRecord> {
  const { url } = source;
  const origin = originOf(url);
  if (!origin) return recordFailure(deps, record, url, `"${url}" is not a web address`);
  if (!(await deps.canReach(origin))) {
    const reason = `Waymark is not allowed to reach ${origin} yet: press "Allow" in the Guides section of Waymark's options`;
    return recordFailure(deps, record, url, reason);
  }
  // Only a pack kept from this very source may be confirmed by a 304.
  const etag = record.etag && record.from === url ? record.etag : null;
  let response: Response;
  try {
    response = await requestPack(deps.fetch, source, etag);
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `${origin} did not answer within ${TIMEOUT_MS / 1000} s`
        : `${origin} could not be reached (offline, or the address is wrong)`;
    return recordFailure(deps, record, url, reason);
  }
  const at = deps.now();
  if (response.status === 304 && etag) {
    const confirmed = { ...record, url, checkedAt: at, lastAttemptAt: at, lastError: null };
    return keepPack(deps, confirmed);
  }
  const body = await readPack(response, origin);
  if ('problem' in body) return recordFailure(deps, record, url, body.problem);
  const checked = checkPack(body.text);
  if ('problem' in checked) return recordFailure(deps, record, url, checked.problem);
  return keepPack(deps, {
    url,
    from: url,
    etag: response.headers.get('etag'),
    guides: checked.guides,
    pilots: checked.pilots,
    updatedAt: at,
    checkedAt: at,
    lastAttemptAt: at,
    lastError: null,
  });
}

async function refresh(deps: PackDeps, force: boolean): Promise<OrgGuidePackStatus> {
  const current = await deps.source();
  const record = await readRecord(deps.db);
  if (!current) return packStatus(deps, record, null);
  const recent =
    record.lastAttemptAt !== null && deps.now() - record.lastAttemptAt < START_REFRESH_AFTER_MS;
  if (!force && recent && record.url === current.url) return packStatus(deps, record, current);
  return packStatus(deps, await fetchPack(deps, record, current), current);
}

export function createOrgGuidePack({
  db,
  bundled,
  source,
  onRegistered,
  canReach = async () => true,
  audience = async () => null,
  fetch = globalThis.fetch,
  now = Date.now,
}: OrgGuidePackDeps) {
  const deps: PackDeps = { db, bundled, source, onRegistered, canReach, audience, fetch, now };
  let running: Promise<OrgGuidePackStatus> | null = null;

  return {
    /**
     * Fetches the pack unless it was tried moments ago from the same source; `force` fetches
     * anyway (a new source, the hourly alarm, "Check for new guides").
     */
    refresh(force = false): Promise<OrgGuidePackStatus> {
      running ??= refresh(deps, force).finally(() => (running = null));
      return running;
    },

    async status(): Promise<OrgGuidePackStatus> {
      return packStatus(deps, await readRecord(db), await source());
    },

    /** The kept pack's guides (already checked), with the pilots this user runs. */
    async guides(): Promise<Guide[]> {
      const record = await readRecord(db);
      return withPilots(record.guides, record.pilots, await audience());
    },

    /**
     * Registers the kept pack again at start, after the bundled pack. Each guide is checked again:
     * a new release may check more than the one that downloaded it, and an unchecked guide must
     * never run. A kept pack that no longer passes is dropped and downloaded again.
     */
    async reapply(): Promise<void> {
      const record = await readRecord(db);
      const parsed = record.guides.map((guide) => guideSchema.safeParse(guide));
      const pilots = record.pilots.map((pilot) => ({
        guide: guideSchema.safeParse(pilot.guide),
        rollout: rolloutSchema.safeParse(pilot.rollout),
      }));
      if (
        parsed.every((p) => p.success) &&
        pilots.every((p) => p.guide.success && p.rollout.success)
      ) {
        const chosen = withPilots(
          parsed.map((p) => p.data as Guide),
          pilots.map((p) => ({ guide: p.guide.data as Guide, rollout: p.rollout.data as Rollout })),
          await audience(),
        );
        await registerRemoteGuides(db, chosen, bundled);
        return;
      }
      const at = now();
      await db.transaction('rw', db.guides, db.settings, async () => {
        await registerRemoteGuides(db, [], bundled);
        await writeRecord(db, {
          ...record,
          from: null,
          etag: null,
          guides: [],
          pilots: [],
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

export type OrgGuidePack = ReturnType<typeof createOrgGuidePack>;
