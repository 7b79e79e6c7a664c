/**
 * The background's services, made once when the service worker starts: policy, storage, guides,
 * usage, sync and the tabs. Message handlers (./messages/) and the alarms (./index.ts) use them.
 */
import type { Scripting } from 'webextension-polyfill';
import { browser } from '../platform/browser';
import { syncConsented } from '../platform/dataCollection';
import type { Guide } from '../core/guide/schema';
import type { PageContext } from '../core/match';
import type { Request, SyncStatus, ToTab } from '../core/messages';
import type { OrgConfig } from '../core/org';
import { hostAllowed } from '../core/policyRules';
import { cohortOf } from '../core/cohort';
import { reachPattern } from '../core/endpointAddress';
import type { Cohort } from '../core/usage';
import { createActivity } from './activity';
import { createAuthoring } from './authoring';
import { createPublishing, type Publishing } from './publishing';
import { openDb, type WaymarkDb } from './db';
import { createCustomCrms, type CustomCrms } from './customCrms';
import { createGuidance, pageContextOf as pageContextAt, type Guidance } from './guidance';
import { bundledGuides } from './bundledGuides';
import { createGuideLibrary, type GuideLibrary } from './guideLibrary';
import { createPolicy, type PolicyService } from './policy';
import { createOrgGuidePack, packSourceOf, type OrgGuidePack } from './orgGuidePack';
import { localDay } from './guidanceAudience';
import { readSettings } from './settings';
import { createSync, type Sync } from './sync';
import { createUsageLog, type UsageLog } from './usageLog';
import { createTabMemory, type TabMemory } from './tabMemory';
import { createWorkflows, type Workflows } from './workflows';

const POLICY_CACHE_KEY = 'policy.cache';
/** Wakes the service worker when a failed delivery's backoff ends. */
export const RETRY_ALARM = 'sync:retry';

export interface Services {
  db: WaymarkDb;
  policy: PolicyService;
  org: () => OrgConfig;
  customCrms: CustomCrms;
  /**
   * Waymark does nothing on CRM hosts the policy's `crmHosts` leaves out; the organisation's own
   * CRMs it named are in.
   */
  allowedHere(...urls: (string | undefined)[]): boolean;
  /** A page as Waymark records it, with the organisation's route templates for its own CRMs. */
  pageContextOf(url: string): PageContext | null;
  /** The event log, each event labelled with this installation's cohort. */
  usage: UsageLog;
  /** The same, without the events of a trainer's preview (not adoption). */
  recorded: UsageLog;
  cohortNow(): Promise<Cohort>;
  sync: Sync;
  /** Runs a delivery and, if it failed, wakes up again exactly when the backoff ends. */
  syncAndSchedule(force?: boolean): Promise<SyncStatus>;
  remote: OrgGuidePack;
  library: GuideLibrary;
  authoring: ReturnType<typeof createAuthoring>;
  publishing: Publishing;
  guidance: Guidance;
  workflows: Workflows;
  tabs: TabMemory;
  activity: ReturnType<typeof createActivity>;
  /** Tells every CRM tab (but one) to ask again what to show. */
  refreshAllTabs(exceptTabId?: number): Promise<void>;
  scripting: Pick<Scripting.Static, 'executeScript'>;
  /** Opens an address of the tab's own CRM site in that tab (the help panel's start page). */
  openInTab(tabId: number, url: string): Promise<void>;
  /** Opens "My activity" of the options page in a tab of its own. */
  openActivity(): Promise<void>;
  sendToTab<K extends keyof ToTab>(
    tabId: number,
    type: K,
    data: Request<ToTab, K>,
    frameId?: number,
  ): Promise<unknown>;
}

function sendToTab<K extends keyof ToTab>(
  tabId: number,
  type: K,
  data: Request<ToTab, K>,
  frameId = 0,
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type, data }, { frameId });
}

/** Tells every CRM tab to ask again what to show (tabs without Waymark just refuse). */
async function refreshAllTabs(exceptTabId?: number): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(
    tabs
      .filter((tab) => tab.id !== undefined && tab.id !== exceptTabId)
      .map((tab) => sendToTab(tab.id as number, 'tab:refresh', {})),
  );
}

/** Whether the extension may reach an origin: host permissions, or the user's later grant. */
async function canReach(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [reachPattern(origin)] });
  } catch {
    // A browser that cannot say: let the request itself tell.
    return true;
  }
}

/** Install types an organisation deploys; only these wait for the first policy read. */
const MANAGED_INSTALLS = new Set<string>(['admin', 'sideload']);

/**
 * The organisation's policy and what follows from it here: the CRMs Waymark runs on, how it reads
 * their pages, and this installation's cohort.
 */
function policyServices(
  db: WaymarkDb,
): Pick<Services, 'policy' | 'org' | 'customCrms' | 'allowedHere' | 'pageContextOf' | 'cohortNow'> {
  const policy = createPolicy({
    storage: browser.storage,
    cache: {
      read: async () => (await db.settings.get(POLICY_CACHE_KEY))?.value,
      write: async (raw) => void (await db.settings.put({ key: POLICY_CACHE_KEY, value: raw })),
    },
    browserLocale: navigator.language,
    // An organisation that sets a policy deploys the extension with it: force-installed by policy
    // ("admin") or put on the machine by its own installer ("sideload"). A store install or an
    // unpacked build is someone's own, and its first page must not wait seconds for Chrome.
    mayBeManaged: async () =>
      MANAGED_INSTALLS.has((await browser.management.getSelf()).installType),
  });
  const org = () => policy.org();
  const customCrms = createCustomCrms({
    db,
    fromPolicy: () => org().customCrms ?? [],
    // The same launcher the manifest runs on the CRMs Waymark knows.
    contentScript: browser.runtime.getManifest().content_scripts?.[0]?.js?.[0] ?? '',
  });
  return {
    policy,
    org,
    customCrms,
    allowedHere: (...urls) =>
      urls.every(
        (url) =>
          url === undefined || hostAllowed(policy.policy().crmHosts, url) || customCrms.names(url),
      ),
    pageContextOf: (url) => pageContextAt(url, customCrms.all()),
    // Only the cohort's label travels with events and counters.
    cohortNow: async () => {
      const { cohorts, controlDraw } = await readSettings(db, org());
      return cohortOf(policy.policy(), cohorts, controlDraw);
    },
  };
}

/** The event log, each event labelled with the installation's cohort as it is when recorded. */
function labelledWithCohort(log: UsageLog, cohortNow: () => Promise<Cohort>): UsageLog {
  return {
    ...log,
    append: (make) =>
      log.append(async () => {
        const events = await make();
        if (events.length === 0) return events;
        const cohort = await cohortNow();
        return events.map((event) => ({ ...event, cohort }));
      }),
  };
}

/**
 * Where guides come from: built into this release, imported, or the organisation's guide pack.
 * Served from memory; the registry in the database is the record, read by the guide library at
 * start and after each import, removal or new pack.
 */
function guideSources(
  db: WaymarkDb,
  policy: PolicyService,
  sync: Sync,
): { remote: OrgGuidePack; library: GuideLibrary; guides: () => readonly Guide[] } {
  const pack = bundledGuides();
  let guides: readonly Guide[] = pack;
  const remote = createOrgGuidePack({
    db,
    bundled: pack,
    source: async () => packSourceOf(policy.policy().guidePackUrl, await sync.endpoint()),
    canReach,
    // Pilots are chosen as guides' own rollouts are: by cohort, date and the install's slot.
    audience: async () => {
      const { cohorts, seed } = await readSettings(db, policy.org());
      return { cohorts, seed, today: localDay(new Date()) };
    },
    onRegistered: async () => {
      await library.reload();
      void refreshAllTabs();
    },
  });
  const library = createGuideLibrary({
    db,
    pack,
    locale: navigator.language,
    onGuides: (registered) => (guides = registered),
    // The organisation's kept pack goes back over a new release's guides before anything is served.
    afterBundled: () =>
      remote
        .reapply()
        .catch((error: unknown) =>
          console.error('[waymark] the kept guide pack could not be registered', error),
        ),
    remoteGuides: () => remote.guides(),
  });
  return { remote, library, guides: () => guides };
}

export function createServices(): Services {
  const db = openDb();
  const { policy, org, customCrms, allowedHere, pageContextOf, cohortNow } = policyServices(db);
  const usage = labelledWithCohort(createUsageLog(db), cohortNow);
  const sync = createSync({
    db,
    policy: () => policy.policy(),
    canReach,
    consented: syncConsented,
  });
  const { remote, library, guides } = guideSources(db, policy, sync);
  const authoring = createAuthoring(db, org, customCrms.all);
  const publishing = createPublishing({
    db,
    endpointUrl: async () => (await sync.endpoint())?.endpointUrl ?? null,
    canReach,
    // Fetched at once, so the trainer's own browser runs a pilot it is in without waiting an hour.
    published: () => remote.refresh(true),
  });
  // A trainer previewing a draft is not adoption: its events are never recorded.
  const recorded: UsageLog = {
    ...usage,
    append: (make) =>
      usage.append(async () => (await make()).filter((e) => !authoring.isPreview(e.guideId))),
  };
  const guidance = createGuidance({
    db,
    usage: recorded,
    guides: () => authoring.withPreview(guides()),
    locale: navigator.language,
    org,
    cohort: ({ cohorts, controlDraw }) => cohortOf(policy.policy(), cohorts, controlDraw),
    customCrms: customCrms.all,
  });
  const workflows = createWorkflows({
    db,
    usage: recorded,
    guides,
    tracked: () => guidance.trackedWorkflows(),
  });
  const tabs = createTabMemory(browser.storage.session);
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forgetTab(tabId));
  const activity = createActivity(db, usage, guides, navigator.language, org);
  /** Runs a delivery and, if it failed, wakes up again exactly when the backoff ends. */
  const syncAndSchedule = async (force = false) => {
    // Deliveries can wait for the fresh policy: they must go where it says.
    await policy.loaded;
    const status = await sync.run(force);
    if (status.nextAttemptAt)
      void browser.alarms.create(RETRY_ALARM, { when: status.nextAttemptAt });
    return status;
  };
  return {
    db,
    policy,
    org,
    customCrms,
    allowedHere,
    pageContextOf,
    usage,
    recorded,
    cohortNow,
    sync,
    syncAndSchedule,
    remote,
    library,
    authoring,
    publishing,
    guidance,
    workflows,
    tabs,
    activity,
    refreshAllTabs,
    sendToTab,
    scripting: browser.scripting,
    openInTab: async (tabId, url) => void (await browser.tabs.update(tabId, { url })),
    // The options page's "My activity" is its first section after the organisation's.
    openActivity: async () =>
      void (await browser.tabs.create({ url: browser.runtime.getURL('/options.html#app') })),
  };
}
