/** Wires the background: policy, storage, guides, messages and SPA route reports. */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../platform/browser';
import { syncConsented } from '../platform/dataCollection';
import { adapterById } from '../core/adapters';
import type { Guide } from '../core/guide/schema';
import type { PageContext } from '../core/match';
import type {
  Handlers,
  MessageSender,
  PageGuides,
  Request,
  ToBackground,
  ToTab,
} from '../core/messages';
import { hostAllowed } from '../core/policyRules';
import { cohortOf } from '../core/cohort';
import { createActivity } from './activity';
import { createAuthoring } from './authoring';
import { openDb } from './db';
import { createCustomCrms } from './customCrms';
import { createGuidance, pageContextOf as pageContextAt } from './guidance';
import { bundledGuides } from './guidePack';
import { afterRegistryLoad, createGuideLibrary } from './guideLibrary';
import { routeMessage } from './messageRouter';
import { createPolicy } from './policy';
import { createRemotePack, packSourceOf } from './remotePack';
import { readSettings, recordCrmUser, writeSettings } from './settings';
import { createSync } from './sync';
import { createUsageLog } from './usageLog';
import { createTabMemory } from './tabMemory';
import { createWorkflows } from './workflows';

const COMPACT_ALARM = 'usage:compact';
const SYNC_ALARM = 'sync:tick';
const RETRY_ALARM = 'sync:retry';
const PACK_ALARM = 'guides:fetch';
const PACK_EVERY_MINUTES = 60;
const MAX_CRM_NAME = 200;
const POLICY_CACHE_KEY = 'policy.cache';

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

/**
 * Creates a periodic alarm unless it exists: the service worker starts many times a day, and
 * re-creating an alarm restarts its period, so it would never fire.
 */
async function ensureAlarm(
  name: string,
  info: { periodInMinutes: number; delayInMinutes?: number },
) {
  const alarm = await browser.alarms.get(name);
  // A period the policy changed is the one exception: the alarm then follows it.
  if (!alarm || alarm.periodInMinutes !== info.periodInMinutes) {
    await browser.alarms.create(name, info);
  }
}

/** Whether the extension may reach an origin: host permissions, or the user's later grant. */
async function canReach(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [`${origin}/*`] });
  } catch {
    // A browser that cannot say: let the request itself tell.
    return true;
  }
}

/** A CRM name as the page showed it: bounded, trimmed, nothing when empty. */
function crmName(value: string | null | undefined): string | undefined {
  const name = value?.trim().slice(0, MAX_CRM_NAME);
  return name ? name : undefined;
}

export function startBackground(): void {
  const db = openDb();
  const policy = createPolicy({
    storage: browser.storage,
    cache: {
      read: async () => (await db.settings.get(POLICY_CACHE_KEY))?.value,
      write: async (raw) => void (await db.settings.put({ key: POLICY_CACHE_KEY, value: raw })),
    },
    browserLocale: navigator.language,
    // A store install ("normal") is the rep's own: IT deploys by policy ("admin"), and unpacked
    // or side-loaded builds are how policies are tried out.
    mayBeManaged: async () => (await browser.management.getSelf()).installType !== 'normal',
  });
  const org = () => policy.org();
  const customCrms = createCustomCrms({
    db,
    fromPolicy: () => org().customCrms ?? [],
    // The same launcher the manifest runs on the CRMs Waymark knows.
    contentScript: browser.runtime.getManifest().content_scripts?.[0]?.js?.[0] ?? '',
  });
  /**
   * Waymark does nothing on CRM hosts the policy's `crmHosts` leaves out; the organisation's own
   * CRMs it named are in.
   */
  const allowedHere = (...urls: (string | undefined)[]) =>
    urls.every(
      (url) =>
        url === undefined || hostAllowed(policy.policy().crmHosts, url) || customCrms.names(url),
    );
  /** A page as Waymark records it, with the organisation's route templates for its own CRMs. */
  const pageContextOf = (url: string) => pageContextAt(url, customCrms.all());
  const log = createUsageLog(db);
  /** This installation's cohort: only its label travels with events and counters. */
  const cohortNow = async () => {
    const { cohorts, controlDraw } = await readSettings(db, org());
    return cohortOf(policy.policy(), cohorts, controlDraw);
  };
  const usage: typeof log = {
    ...log,
    append: (make) =>
      log.append(async () => {
        const events = await make();
        if (events.length === 0) return events;
        const cohort = await cohortNow();
        return events.map((event) => ({ ...event, cohort }));
      }),
  };
  const sync = createSync({
    db,
    policy: () => policy.policy(),
    canReach,
    consented: syncConsented,
  });
  // Served from memory; the registry in the database is the record (bundled, imported and remote
  // guides), read by the guide library at start and after each import, removal or new pack.
  const pack = bundledGuides();
  let guides: readonly Guide[] = pack;
  const remote = createRemotePack({
    db,
    bundled: pack,
    source: async () => packSourceOf(policy.policy().guidePackUrl, await sync.endpoint()),
    canReach,
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
    // The kept remote pack goes back over a new release's guides before anything is served.
    afterBundled: () =>
      remote
        .reapply()
        .catch((error: unknown) =>
          console.error('[waymark] the kept guide pack could not be registered', error),
        ),
    remoteGuides: () => remote.guides(),
  });
  const extensionBase = browser.runtime.getURL('/');
  const authoring = createAuthoring(db, org, customCrms.all);
  // A trainer previewing a draft is not adoption: its events are never recorded.
  const recorded: typeof usage = {
    ...usage,
    append: (make) =>
      usage.append(async () => (await make()).filter((e) => !authoring.isPreview(e.guideId))),
  };
  const guidance = createGuidance({
    db,
    usage: recorded,
    guides: () => authoring.withPreview(guides),
    locale: navigator.language,
    org,
    cohort: ({ cohorts, controlDraw }) => cohortOf(policy.policy(), cohorts, controlDraw),
    customCrms: customCrms.all,
  });
  const workflows = createWorkflows({
    db,
    usage: recorded,
    guides: () => guides,
    tracked: () => guidance.trackedWorkflows(),
  });
  const tabs = createTabMemory(browser.storage.session);
  browser.tabs.onRemoved.addListener((tabId) => void tabs.forgetTab(tabId));
  /**
   * Passive workflow tracking on a page just checked: route steps are performed here, and the
   * observer is injected where a click or edit step could be performed (and stopped where none
   * can, after a navigation inside the CRM's single page).
   */
  const trackWorkflows = async (sender: MessageSender, page: PageContext, viewed: boolean) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frameId = sender.frameId ?? 0;
    const target = { tabId, frameIds: [frameId] };
    if (viewed && frameId === 0) {
      const previous = await tabs.lastPageType(tabId);
      await tabs.setPageType(tabId, page.pageType);
      await workflows.routed(page, previous);
    }
    const { steps } = await workflows.watch(page);
    const watching = steps.length > 0 ? JSON.stringify(steps) : undefined;
    const before = await tabs.observed(tabId, frameId);
    if (watching !== undefined) {
      // A page view is a new document, or a new route with steps of its own; a refresh that
      // changes none of the steps leaves the running observer as it is.
      if (!viewed && watching === before) return;
      await tabs.setObserved(tabId, frameId, watching);
      await browser.scripting.executeScript({ target, files: ['/observer.js'] });
    } else if (before !== undefined) {
      await tabs.setObserved(tabId, frameId, undefined);
      await browser.scripting.executeScript({
        target,
        func: () => {
          const global = globalThis as { __waymarkObserver?: AbortController };
          global.__waymarkObserver?.abort();
        },
      });
    }
  };
  const activity = createActivity(db, usage, () => guides, navigator.language, org);
  /** Runs a delivery and, if it failed, wakes up again exactly when the backoff ends. */
  const syncAndSchedule = async (force = false) => {
    // Deliveries can wait for the fresh policy: they must go where it says.
    await policy.loaded;
    const status = await sync.run(force);
    if (status.nextAttemptAt)
      void browser.alarms.create(RETRY_ALARM, { when: status.nextAttemptAt });
    return status;
  };
  const pageOf = (sender: { url?: string }) => pageContextOf(sender.url ?? '') ?? undefined;

  /** The answer for a page on a host the policy leaves out: nothing to show, nothing recorded. */
  const nothingHere = async (url: string): Promise<PageGuides> => ({
    page: pageContextOf(url) ?? { crm: 'generic', pageType: 'other', path: '' },
    role: (await readSettings(db, org())).role,
    paused: true,
    active: null,
    autoLaunch: null,
    champion: null,
    fields: [],
    saveSelector: '',
    fieldAnchors: {},
  });

  const handlers: Handlers<ToBackground> = {
    'page:guides': async ({ url, viewed }, sender) => {
      if (!allowedHere(url, sender.url)) return nothingHere(url);
      const answer = await guidance.pageGuides(url, viewed);
      // Measurement never holds up what the page is shown.
      void trackWorkflows(sender, answer.page, viewed === true).catch((error: unknown) =>
        console.debug('[waymark] workflow tracking', error),
      );
      // Role rules need the CRM's word on the user's team or profile: ask only then, and only
      // where the CRM shows it.
      const probe = org().roleRules ? adapterById(answer.page.crm).userProbe : undefined;
      if (probe) {
        answer.user = {
          selector: probe.selector,
          attributes: [probe.team ?? '', probe.profile ?? ''],
        };
      }
      return answer;
    },
    'page:user': async ({ values }, sender) => {
      const page = pageContextOf(sender.url ?? '');
      if (!page || !org().roleRules || !allowedHere(sender.url)) return;
      if (!adapterById(page.crm).userProbe) return;
      const [team, profile] = [crmName(values[0]), crmName(values[1])];
      // A frame or a moment without the user chip says nothing: what was seen before stays.
      if (team === undefined && profile === undefined) return;
      const before = (await readSettings(db, org())).role;
      const changed = await recordCrmUser(db, {
        crm: page.crm,
        ...(team !== undefined ? { team } : {}),
        ...(profile !== undefined ? { profile } : {}),
      });
      if (changed && (await readSettings(db, org())).role !== before) void refreshAllTabs();
    },
    'ui:load': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('ui:load comes from a tab');
      if (!allowedHere(sender.url)) {
        throw new Error('Your organization does not run Waymark on this site.');
      }
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/guide-ui.js'],
      });
    },
    'ui:formats': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !allowedHere(sender.url)) return;
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/field-formats.js'],
      });
    },
    'workflow:watch': async (_, sender) => {
      const page = pageOf(sender);
      if (!page || !allowedHere(sender.url)) return { steps: [], anchors: {} };
      return workflows.watch(page);
    },
    'workflow:step': async ({ guideId, stepId }, sender) => {
      const page = pageOf(sender);
      if (!page || !allowedHere(sender.url)) return;
      await workflows.perform(guideId, stepId, page);
    },
    'run:start': async ({ guideId }, sender) => {
      if (!allowedHere(sender.url)) return null;
      const started = await guidance.start(guideId, pageOf(sender));
      void refreshAllTabs(sender.tab?.id);
      return started;
    },
    'run:advance': async ({ guideId, stepIndex, action }, sender) => {
      const next = await guidance.advance(guideId, stepIndex, action, pageOf(sender));
      void refreshAllTabs(sender.tab?.id);
      return next;
    },
    // On a host the policy leaves out, the popup reads as on any page Waymark does not run on.
    'popup:state': ({ url }) => guidance.popupState(allowedHere(url) ? url : ''),
    'popup:launch': async ({ tabId, guideId }) => {
      if ((await cohortNow()) !== 'guided') {
        return { ok: false, error: 'Guidance is not shown for this installation.' };
      }
      try {
        await sendToTab(tabId, 'tab:launch', { guideId });
        return { ok: true };
      } catch {
        return {
          ok: false,
          error: 'Waymark is not running on this page yet. Reload the tab and try again.',
        };
      }
    },
    'settings:update': async (change) => {
      if (change.role !== undefined) authoring.endPreview();
      await writeSettings(db, change, org());
      void refreshAllTabs();
      const { role, paused } = await readSettings(db, org());
      return { role, paused };
    },
    'settings:get': async () => {
      const { role, roleLocked, paused, locale } = await readSettings(db, org());
      return {
        role,
        roleLocked,
        paused,
        locale: locale ?? navigator.language,
        localeSetBy: locale ? 'policy' : 'browser',
      };
    },
    'policy:get': () => policy.view(),
    'champion:asked': async ({ url }) => {
      const page = pageContextOf(url);
      if (!page || !allowedHere(url)) return;
      await recorded.append(async () => [
        {
          at: Date.now(),
          kind: 'champion.asked',
          role: (await readSettings(db, org())).role,
          crm: page.crm,
          pageType: page.pageType,
        },
      ]);
    },
    'usage:record': async ({ events }, sender) => {
      if (!allowedHere(sender.url)) return;
      await recorded.append(async () => {
        const { role } = await readSettings(db, org());
        return events.map((event) => ({ ...event, role }));
      });
    },
    'activity:get': () => activity.summary(),
    'activity:export': () => activity.export(),
    'activity:snapshot': (choice) => activity.snapshot(choice),
    'sync:get': async () => {
      const [status, preview, tokenSet] = [
        await sync.status(),
        await sync.preview(),
        await sync.hasToken(),
      ];
      return { status, tokenSet, ...preview, locks: sync.locks() };
    },
    'sync:configure': async (change) => {
      await sync.configure(change);
      // A new endpoint may serve a guide pack: fetch it now rather than within the hour.
      void remote.refresh(true);
      return syncAndSchedule(true);
    },
    'sync:test': ({ endpointUrl, ingestToken }) => sync.testConnection(endpointUrl, ingestToken),
    'sync:now': () => syncAndSchedule(true),
    'author:open': async ({ tabId }) => {
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: ['/authoring.js'] });
        return { ok: true };
      } catch {
        return { ok: false, error: 'Waymark cannot write guides on this page.' };
      }
    },
    'author:context': ({ url }) => authoring.context(url),
    'author:load': () => authoring.load(),
    'author:save': ({ draft }) => authoring.save(draft),
    'author:preview': async ({ guide }, sender) => {
      const problems = await authoring.setPreview(guide);
      const tabId = sender.tab?.id;
      if (guide !== null && problems.length === 0 && tabId !== undefined) {
        const id = (guide as { id: string }).id;
        await sendToTab(tabId, 'tab:refresh', {}).catch(() => undefined);
        await sendToTab(tabId, 'tab:launch', { guideId: id });
      }
      return { ok: problems.length === 0, problems };
    },
    'guides:list': async () => ({ guides: await library.list(), pack: await remote.status() }),
    'guides:fetch': () => remote.refresh(true),
    'guides:import': async ({ files }) => {
      const result = await library.import(files);
      if (result.imported.length > 0) void refreshAllTabs();
      return result;
    },
    'guides:remove': async ({ id }) => {
      const result = await library.remove(id);
      if (result.removed) void refreshAllTabs();
      return result;
    },
    'crms:get': () => customCrms.view(),
    'crms:save': async ({ crms }) => {
      const result = await customCrms.save(crms);
      if (result.ok) void refreshAllTabs();
      return result;
    },
    'activity:erase': async () => {
      const result = await activity.erase();
      await workflows.clear();
      void refreshAllTabs();
      return result;
    },
  };

  // CRM pages are answered with the policy last read; what shows or changes settings the
  // organisation may lock waits for the fresh read (seconds, right after a browser start only).
  const fresh: (keyof ToBackground)[] = [
    'policy:get',
    'settings:get',
    'settings:update',
    'popup:state',
    'sync:get',
    'sync:configure',
    'sync:test',
    'sync:now',
    'guides:list',
    'guides:fetch',
    'author:context',
    'crms:get',
    'crms:save',
  ];
  const answered = afterRegistryLoad(
    afterRegistryLoad(handlers, Promise.all([policy.ready, library.ready, customCrms.ready])),
    policy.loaded,
    fresh,
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return routeMessage(answered, message, sender, extensionBase);
  });

  /** The pack is fetched from where the fresh policy says, into a loaded registry. */
  const packReady = Promise.all([library.ready, policy.loaded]);
  // Deliveries follow the policy's interval; a team's CRM names are kept only for role rules.
  const followPolicy = async () => {
    await ensureAlarm(SYNC_ALARM, { periodInMinutes: sync.intervalMinutes() });
    if (!org().roleRules) await recordCrmUser(db, null);
  };
  // The launcher follows the organisation's own CRMs as the policy names them.
  void policy.loaded.then(() => customCrms.register());
  policy.onChange(() => {
    void customCrms.register();
    void followPolicy();
    // A new pack address or endpoint is fetched at once; the same one only if it is due.
    void packReady.then(() => remote.refresh());
    void syncAndSchedule();
    // Roles, hosts and cohorts may have changed: every CRM tab asks again.
    void refreshAllTabs();
  });

  // Retention and abandoned walkthroughs are looked after even when no CRM page is open.
  void ensureAlarm(COMPACT_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  void ensureAlarm(PACK_ALARM, { periodInMinutes: PACK_EVERY_MINUTES });
  void policy.loaded.then(followPolicy);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COMPACT_ALARM) {
      void library.ready
        .then(() => usage.compact())
        .then(() => guidance.sweepAbandoned())
        .then(async () => workflows.sweep((await readSettings(db, org())).role));
    }
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void syncAndSchedule();
    if (alarm.name === PACK_ALARM) void packReady.then(() => remote.refresh(true));
  });
  // A browser restart may drop alarms: whatever waited in the outbox goes now.
  void syncAndSchedule();
  // The organisation's guide pack, unless it was fetched moments ago.
  void packReady.then(() => remote.refresh());

  // Browsers without the Navigation API still report SPA navigation here.
  const forwardRoute = ({ tabId, frameId, url }: { tabId: number; frameId: number; url: string }) =>
    void sendToTab(tabId, 'tab:route', { url }, frameId).catch(() => undefined);
  browser.webNavigation.onHistoryStateUpdated.addListener(forwardRoute);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(forwardRoute);
}
