/**
 * The organisation's own CRMs (self-hosted or unlisted): named by the policy (`customCrms`) or by
 * a trainer in the options page. The browser is asked for exactly their origins (optional host
 * permissions, from a click in the options page), and the content script is registered at run
 * time for the origins granted, so no new build is needed for a new CRM.
 */
import { browser } from '../platform/browser';
import {
  hostMatches,
  originPattern,
  pageTypeOfTemplate,
  type CustomCrm,
} from '../core/adapters/routes';
import type { CustomCrmView } from '../core/messages';
import { customCrmsSchema } from '../core/policy';
import { describeIssues } from '../core/guide/problems';
import type { WaymarkDb } from './db';

/** Where the CRMs a trainer named in the options page are kept. */
export const CUSTOM_CRMS_KEY = 'customCrms';
/** The run-time registration of the launcher for those CRMs. */
const SCRIPT_ID = 'waymark-custom-crms';

/** The part of the extension API this needs (the real one, or a fake in tests). */
export interface CrmScriptApi {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    onAdded: { addListener(cb: () => void): void };
    onRemoved: { addListener(cb: () => void): void };
  };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    registerContentScripts(
      scripts: {
        id: string;
        matches: string[];
        js: string[];
        allFrames: boolean;
        runAt: 'document_idle';
        persistAcrossSessions: boolean;
      }[],
    ): Promise<void>;
  };
}

export interface CustomCrmDeps {
  db: WaymarkDb;
  /** The policy's CRMs, as they apply now. */
  fromPolicy: () => readonly CustomCrm[];
  /** The launcher's file, as the manifest names it for the CRMs Waymark knows. */
  contentScript: string;
  api?: CrmScriptApi;
}

const sameHost = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createCustomCrms({
  db,
  fromPolicy,
  contentScript,
  api = browser as unknown as CrmScriptApi,
}: CustomCrmDeps) {
  let local: CustomCrm[] = [];
  const ready: Promise<void> = db.settings.get(CUSTOM_CRMS_KEY).then(
    (row) => {
      const parsed = customCrmsSchema.safeParse(row?.value ?? []);
      local = parsed.success ? parsed.data : [];
    },
    (error: unknown) => console.error('[waymark] the self-hosted CRMs could not be read', error),
  );

  /** The policy's CRMs, then the trainer's for hosts the policy does not name. */
  const all = (): CustomCrm[] => {
    const named = [...fromPolicy()];
    return [...named, ...local.filter((crm) => !named.some((p) => sameHost(p.host, crm.host)))];
  };

  const granted = async (host: string) =>
    api.permissions.contains({ origins: [originPattern(host)] }).catch(() => false);

  // Registrations run one after another: two at once would both find none and both register.
  let queue: Promise<void> = Promise.resolve();
  const register = (): Promise<void> => {
    queue = queue.then(async () => {
      await ready;
      const origins: string[] = [];
      for (const crm of all()) if (await granted(crm.host)) origins.push(originPattern(crm.host));
      const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
      if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      if (origins.length === 0) return;
      await api.scripting.registerContentScripts([
        {
          id: SCRIPT_ID,
          matches: origins,
          js: [contentScript],
          allFrames: true,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    });
    return queue.catch((error: unknown) =>
      console.error('[waymark] the launcher could not be registered for self-hosted CRMs', error),
    );
  };
  api.permissions.onAdded.addListener(() => void register());
  api.permissions.onRemoved.addListener(() => void register());

  return {
    ready,
    all,
    /** Re-registers the launcher (after a policy change). */
    register,
    /** Whether a page's host is one of the organisation's CRMs. */
    names: (url: string): boolean => {
      try {
        const { hostname, protocol } = new URL(url);
        return protocol === 'https:' && all().some((crm) => hostMatches(crm.host, hostname));
      } catch {
        return false;
      }
    },
    async view(): Promise<CustomCrmView[]> {
      await ready;
      const policy = fromPolicy();
      return Promise.all(
        all().map(async (crm) => ({
          host: crm.host,
          routes: crm.routes.map((r) => ({ route: r.route, pageType: pageTypeOfTemplate(r) })),
          origin: originPattern(crm.host),
          setBy: policy.some((p) => sameHost(p.host, crm.host))
            ? ('policy' as const)
            : ('options' as const),
          granted: await granted(crm.host),
        })),
      );
    },
    /** Keeps the trainer's CRMs (all of them, replacing the last list); refused whole if wrong. */
    async save(input: unknown): Promise<{ ok: true } | { ok: false; problem: string }> {
      const parsed = customCrmsSchema.safeParse(input);
      if (!parsed.success) {
        const [first] = describeIssues('', parsed.error.issues);
        return { ok: false, problem: first ? `${first.path} ${first.message}`.trim() : 'invalid' };
      }
      local = parsed.data;
      await db.settings.put({ key: CUSTOM_CRMS_KEY, value: local });
      await register();
      return { ok: true };
    },
  };
}

export type CustomCrms = ReturnType<typeof createCustomCrms>;
