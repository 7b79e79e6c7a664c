/**
 * Sync's settings as they apply: the organisation's policy wins over the user's. An endpoint
 * address, ingest token or sync on/off the policy sets is used as is, and `configure` refuses to
 * change it with a sentence saying so; what the policy leaves open, the user sets in the options
 * page. Whether counters may go to an endpoint is decided here too.
 */
import { endpointProblem } from '../core/endpointAddress';
import type { SyncLocks } from '../core/messages';
import type { Policy } from '../core/policy';
import type { WaymarkDb } from './db';

export interface SyncConfig {
  endpointUrl: string;
  ingestToken: string;
  /** How long one request may take before it counts as failed. */
  timeoutMs: number;
}

const CONFIG_KEY = 'sync.config';
/** The user turned sync off although the policy names an endpoint or token (and leaves on/off open). */
const OFF_KEY = 'sync.off';
export const DEFAULT_SYNC_MINUTES = 5;
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Sync as it applies: the policy's values over the user's. */
export interface EffectiveSync {
  /** What deliveries use; null while sync is off or something is missing. */
  config: SyncConfig | null;
  endpointUrl: string | null;
  ingestToken: string | null;
  /** Sync is on but cannot run yet: what is missing. */
  incomplete: string | null;
}

export interface SyncSettingsDeps {
  db: WaymarkDb;
  policy: () => Policy;
  canReach: (origin: string) => Promise<boolean>;
  consented: () => Promise<boolean>;
  /** Runs inside the transaction that saves new settings: the delivery starts afresh. */
  resetDelivery: () => Promise<unknown>;
}

async function readLocalConfig(db: WaymarkDb): Promise<SyncConfig | undefined> {
  return (await db.settings.get(CONFIG_KEY))?.value as SyncConfig | undefined;
}

/** What sync that is on still needs before it can run, as a sentence; null when nothing. */
function incompleteReason(
  p: Policy,
  enabled: boolean,
  endpointUrl: string | null,
  ingestToken: string | null,
): string | null {
  const missing = [
    ...(endpointUrl ? [] : ['the endpoint address']),
    ...(ingestToken ? [] : ['the ingest token']),
  ];
  if (!enabled || missing.length === 0) return null;
  const what = missing.join(' and ');
  const them = missing.length > 1 ? 'them' : 'it';
  return p.syncEnabled
    ? `Your organization turned sync on, but ${what} ${missing.length > 1 ? 'are' : 'is'} not set: enter ${them} below.`
    : `Sync needs ${what}: enter ${them} below.`;
}

async function effectiveSync(db: WaymarkDb, policy: () => Policy): Promise<EffectiveSync> {
  const [local, off] = await Promise.all([
    readLocalConfig(db),
    db.settings.get(OFF_KEY).then((row) => row?.value === true),
  ]);
  const p = policy();
  const endpointUrl = p.endpointUrl ? new URL(p.endpointUrl).origin : local?.endpointUrl || null;
  const ingestToken = p.ingestToken ?? (local?.ingestToken || null);
  const enabled =
    p.syncEnabled ??
    (local !== undefined || (!off && (p.endpointUrl !== undefined || p.ingestToken !== undefined)));
  const config =
    enabled && endpointUrl && ingestToken
      ? { endpointUrl, ingestToken, timeoutMs: local?.timeoutMs ?? DEFAULT_TIMEOUT_MS }
      : null;
  return {
    config,
    endpointUrl,
    ingestToken,
    incomplete: incompleteReason(p, enabled, endpointUrl, ingestToken),
  };
}

function syncLocks(p: Policy): SyncLocks {
  return {
    endpointUrl: p.endpointUrl ? new URL(p.endpointUrl).origin : null,
    ingestToken: p.ingestToken !== undefined,
    syncEnabled: p.syncEnabled ?? null,
    intervalMinutes: p.syncIntervalMinutes ?? null,
  };
}

async function turnOff(db: WaymarkDb, p: Policy): Promise<void> {
  if (p.syncEnabled === true) {
    throw new Error('Sync is turned on by your organization; it cannot be turned off here.');
  }
  await db.transaction('rw', db.settings, async () => {
    await db.settings.delete(CONFIG_KEY);
    await db.settings.put({ key: OFF_KEY, value: true });
  });
}

/** The endpoint address the user keeps: the typed one, unless the policy sets the address. */
function endpointToKeep(p: Policy, typedUrl: string, kept: string): string {
  if (p.endpointUrl) {
    const locked = new URL(p.endpointUrl).origin;
    const typed = typedUrl && !endpointProblem(typedUrl) ? new URL(typedUrl).origin : typedUrl;
    if (typed && typed !== locked) {
      throw new Error(
        `The endpoint address is set by your organization (${locked}); it cannot be changed here.`,
      );
    }
    return kept;
  }
  const problem = endpointProblem(typedUrl);
  if (problem) throw new Error(problem);
  return new URL(typedUrl).origin;
}

/** The ingest token the user keeps: the typed one, unless the policy sets the token. */
function tokenToKeep(p: Policy, typedToken: string, kept: string): string {
  if (p.ingestToken !== undefined) {
    if (typedToken && typedToken !== p.ingestToken) {
      throw new Error('The ingest token is set by your organization; it cannot be changed here.');
    }
    return kept;
  }
  if (!typedToken) throw new Error('Enter the ingest token your admin gave you');
  return typedToken;
}

export function createSyncSettings({
  db,
  policy,
  canReach,
  consented,
  resetDelivery,
}: SyncSettingsDeps) {
  const effective = () => effectiveSync(db, policy);

  /** Whether counters may go to `origin`: reachable, and consented to unless the policy decided. */
  async function maySend(origin: string): Promise<boolean> {
    const p = policy();
    const organisationDecided = p.syncEnabled === true || p.endpointUrl !== undefined;
    return (await canReach(origin)) && (organisationDecided || (await consented()));
  }

  return {
    effective,
    maySend,
    hasToken: async () => Boolean((await effective()).ingestToken),

    /** What the policy decides about sync, for the options page to show as locked. */
    locks: (): SyncLocks => syncLocks(policy()),

    /** Minutes between deliveries: the policy's, else Waymark's. */
    intervalMinutes: (): number => policy().syncIntervalMinutes ?? DEFAULT_SYNC_MINUTES,

    /**
     * The endpoint and token known now (policy or user), whether or not counters are sent: the
     * organisation's guide pack comes from there too.
     */
    async endpoint(): Promise<{ endpointUrl: string; ingestToken: string } | null> {
      const { endpointUrl, ingestToken } = await effective();
      return endpointUrl && ingestToken ? { endpointUrl, ingestToken } : null;
    },

    /**
     * The user's sync settings; null turns sync off. Values the policy sets may be left empty
     * (or repeated as they are); changing one is refused, and then nothing is changed.
     */
    async configure(
      change: { endpointUrl: string; ingestToken: string; timeoutMs?: number } | null,
    ): Promise<void> {
      const p = policy();
      if (!change) return turnOff(db, p);
      if (p.syncEnabled === false) {
        throw new Error('Sync is turned off by your organization; it cannot be turned on here.');
      }
      const local = await readLocalConfig(db);
      // Only the user's own values are stored: when the policy goes, they are what is left.
      const config: SyncConfig = {
        endpointUrl: endpointToKeep(p, change.endpointUrl.trim(), local?.endpointUrl ?? ''),
        ingestToken: tokenToKeep(p, change.ingestToken.trim(), local?.ingestToken ?? ''),
        timeoutMs: change.timeoutMs ?? local?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      };
      await db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: CONFIG_KEY, value: config });
        await db.settings.delete(OFF_KEY);
        await resetDelivery();
      });
    },
  };
}

export type SyncSettings = ReturnType<typeof createSyncSettings>;
