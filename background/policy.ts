/**
 * The organisation's managed policy, as it applies now: read from `storage.managed` (Chrome's
 * `3rdparty` extension policy, Firefox's `policies.json`), checked key by key, and followed when
 * IT changes it. A policy value wins over the user's own setting; what does not pass is ignored
 * with its reason, and the rest still applies.
 */
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import type { Policy } from '../core/policy';
import type { PolicyView } from '../core/messages';
import {
  formatPolicyProblem,
  orgFromPolicy,
  parsePolicy,
  type PolicyProblem,
} from '../core/policyRules';

/** The part of `browser.storage` the policy needs (the real one, or a fake in tests). */
export interface ManagedStorage {
  managed: { get(keys?: null): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(callback: (changes: Record<string, unknown>, areaName: string) => void): void;
  };
}

export interface PolicyState {
  policy: Policy;
  org: OrgConfig;
  problems: PolicyProblem[];
  /** Why managed storage could not be read at all; null when it was read (or there is none). */
  readError: string | null;
}

const EMPTY: PolicyState = { policy: {}, org: DEFAULT_ORG, problems: [], readError: null };

/**
 * Firefox rejects `storage.managed.get` when no policy names the extension; that is simply no
 * policy, not a failure worth showing.
 */
function isNoPolicy(error: unknown): boolean {
  return /managed storage manifest not found/i.test(String((error as Error)?.message ?? error));
}

export function stateOf(raw: unknown, base: OrgConfig = DEFAULT_ORG): PolicyState {
  const { policy, problems } = parsePolicy(raw);
  const org = Object.keys(policy).length === 0 ? base : orgFromPolicy(policy, base);
  return { policy, org, problems, readError: null };
}

/** Where the last policy read is kept, so that a new service worker applies it at once. */
export interface PolicyCache {
  read(): Promise<unknown>;
  write(raw: unknown): Promise<void>;
}

export interface PolicyDeps {
  storage: ManagedStorage | undefined;
  cache?: PolicyCache;
  base?: OrgConfig;
  /** The browser's language, used when the policy sets none. */
  browserLocale?: string;
  /** How long a read of managed storage may take before it counts as failed. */
  timeoutMs?: number;
  /**
   * Whether an organisation deployed this installation, so that its policy may apply from the
   * first page. Where it did not (a store install or an unpacked build), a new install answers CRM
   * pages at once instead of waiting seconds for the browser's first policy answer. Default: it may.
   */
  mayBeManaged?: () => Promise<boolean>;
  /**
   * How long a new install that may be managed believes an empty first answer: Chromium answers
   * a force-installed extension at once with nothing and delivers its policy seconds later.
   */
  settleMs?: number;
}

/** Whether managed storage held any value at all (Chrome answers `{}` where it holds none). */
const isSomething = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && Object.keys(raw).length > 0;

/** The same policy, as far as anything that applies it can tell. */
const sameState = (a: PolicyState, b: PolicyState) =>
  JSON.stringify([a.policy, a.problems, a.readError]) ===
  JSON.stringify([b.policy, b.problems, b.readError]);

/** The managed values, or why they could not be read (null: there is no policy). */
async function readManaged(
  storage: PolicyDeps['storage'],
  timeoutMs: number,
): Promise<{ raw: unknown } | { error: string }> {
  if (!storage?.managed) return { raw: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const raw = await Promise.race([
      storage.managed.get(null),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      }),
    ]);
    return { raw };
  } catch (error) {
    if (isNoPolicy(error)) return { raw: null };
    console.error('[waymark] the managed policy could not be read', error);
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`, or at once when `first` is kept earlier. */
async function atMost(first: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([first, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Chrome answers `storage.managed` only once its policy service has loaded the extension's
 * policy, which takes seconds after the browser starts. CRM pages must not wait for that: the
 * policy last read is kept (`cache`) and applies at once (`ready`); the fresh read follows
 * (`loaded`) and, when it differs, the listeners hear about it as about any change.
 */
export function createPolicy({
  storage,
  cache,
  base = DEFAULT_ORG,
  browserLocale = 'en',
  timeoutMs = 10_000,
  mayBeManaged = async () => true,
  settleMs = 10_000,
}: PolicyDeps) {
  let state: PolicyState = { ...EMPTY, org: base };
  const listeners = new Set<(next: PolicyState, before: PolicyState) => void>();
  // Reads run one after another, so a slow early read never overwrites a later one.
  let queue: Promise<void> = Promise.resolve();
  // Whether the last read found any value, and a promise kept by the first read that does.
  let readSomething = false;
  let foundSomething: () => void = () => undefined;
  const somethingFound = new Promise<void>((resolve) => (foundSomething = resolve));

  const apply = (next: PolicyState, notify: boolean) => {
    const before = state;
    state = next;
    if (!notify || sameState(before, next)) return;
    for (const problem of next.problems) {
      console.warn(`[waymark] policy value ignored: ${formatPolicyProblem(problem)}`);
    }
    for (const listener of listeners) listener(next, before);
  };

  /** Reads managed storage; what could not be read keeps the policy that applied before. */
  const reload = (): Promise<void> => {
    queue = queue.then(async () => {
      const result = await readManaged(storage, timeoutMs);
      if ('error' in result) {
        apply(
          { ...state, readError: `The managed policy could not be read: ${result.error}` },
          true,
        );
        return;
      }
      readSomething = isSomething(result.raw);
      if (readSomething) foundSomething();
      apply(stateOf(result.raw, base), true);
      await cache?.write(result.raw ?? null).catch((error: unknown) => {
        console.error('[waymark] the managed policy could not be kept', error);
      });
    });
    return queue;
  };

  storage?.onChanged.addListener((_changes, areaName) => {
    if (areaName === 'managed') void reload();
  });
  // None rejects: a cache or storage that fails leaves the policy that applied before.
  const kept: Promise<boolean> = (async () => {
    try {
      const cached = await cache?.read();
      if (cached !== undefined) apply(stateOf(cached, base), false);
      return cached !== undefined;
    } catch (error) {
      console.error('[waymark] the kept managed policy could not be read', error);
      return false;
    }
  })();
  const loaded: Promise<void> = kept.then(reload);
  // Before the first read ever (a new install) nothing is kept: the defaults would show
  // guidance in an organisation that wants none, so pages wait for that read (within timeoutMs),
  // unless no organisation can have installed this one. An empty answer is believed only after
  // settleMs, as a force-installed extension's policy arrives seconds after a first empty one.
  const ready: Promise<void> = kept.then(async (found) => {
    if (found) return;
    const managed = await mayBeManaged().catch(() => true);
    if (!managed) return;
    await loaded;
    if (!readSomething) await atMost(somethingFound, settleMs);
  });

  return {
    /**
     * The policy last read applies (fast: CRM pages wait for this only); on a new install, the
     * first read.
     */
    ready,
    /** Managed storage has been read (seconds after a browser start). */
    loaded,
    /** Reads the policy again (storage.onChanged does this by itself). */
    reload,
    current: (): PolicyState => state,
    policy: (): Policy => state.policy,
    org: (): OrgConfig => state.org,
    /** Called after every read that changed what applies (the first one too). */
    onChange(listener: (next: PolicyState, before: PolicyState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** What the options page shows: every value that applies (the token only as "set"). */
    view(): PolicyView {
      const { ingestToken, ...values } = state.policy;
      return {
        values: {
          ...values,
          ...(ingestToken !== undefined ? { ingestToken: 'set' as const } : {}),
        },
        problems: state.problems,
        readError: state.readError,
        locale: state.policy.locale ?? browserLocale,
      };
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicy>;
