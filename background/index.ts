/** Wires the background: storage, guides, messages and SPA route reports. */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../platform/browser';
import type { Guide } from '../core/guide/schema';
import type { Handlers, Request, ToBackground, ToTab } from '../core/messages';
import { createActivity } from './activity';
import { createAuthoring } from './authoring';
import { openDb } from './db';
import { createGuidance, pageContextOf } from './guidance';
import { bundledGuides } from './guidePack';
import { afterRegistryLoad, assertExtensionPage, createGuideLibrary } from './guideLibrary';
import { routeMessage } from './messageRouter';
import { readSettings, writeSettings } from './settings';
import { createSync } from './sync';
import { createUsageLog } from './usageLog';

const COMPACT_ALARM = 'usage:compact';
const SYNC_ALARM = 'sync:tick';
const RETRY_ALARM = 'sync:retry';
const SYNC_EVERY_MINUTES = 5;

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
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, info);
}

export function startBackground(): void {
  const db = openDb();
  const usage = createUsageLog(db);
  // Served from memory; the registry in the database is the record (bundled and imported guides,
  // later synced packs), read by the guide library at start and after each import or removal.
  const pack = bundledGuides();
  let guides: readonly Guide[] = pack;
  const library = createGuideLibrary({
    db,
    pack,
    locale: navigator.language,
    onGuides: (registered) => (guides = registered),
  });
  const extensionBase = browser.runtime.getURL('/');
  const authoring = createAuthoring(db);
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
  });
  const activity = createActivity(db, usage, () => guides, navigator.language);
  const sync = createSync({ db });
  /** Runs a delivery and, if it failed, wakes up again exactly when the backoff ends. */
  const syncAndSchedule = async (force = false) => {
    const status = await sync.run(force);
    if (status.nextAttemptAt)
      void browser.alarms.create(RETRY_ALARM, { when: status.nextAttemptAt });
    return status;
  };
  const pageOf = (sender: { url?: string }) => pageContextOf(sender.url ?? '') ?? undefined;

  const handlers: Handlers<ToBackground> = {
    'page:guides': ({ url, viewed }) => guidance.pageGuides(url, viewed),
    'ui:load': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('ui:load comes from a tab');
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/guide-ui.js'],
      });
    },
    'run:start': async ({ guideId }, sender) => {
      const started = await guidance.start(guideId, pageOf(sender));
      void refreshAllTabs(sender.tab?.id);
      return started;
    },
    'run:advance': async ({ guideId, stepIndex, action }, sender) => {
      const next = await guidance.advance(guideId, stepIndex, action, pageOf(sender));
      void refreshAllTabs(sender.tab?.id);
      return next;
    },
    'popup:state': ({ url }) => guidance.popupState(url),
    'popup:launch': async ({ tabId, guideId }) => {
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
      await writeSettings(db, change);
      void refreshAllTabs();
      const { role, paused } = await readSettings(db);
      return { role, paused };
    },
    'usage:record': ({ events }) =>
      recorded.append(async () => {
        const { role } = await readSettings(db);
        return events.map((event) => ({ ...event, role }));
      }),
    'activity:get': () => activity.summary(),
    'activity:export': () => activity.export(),
    'activity:snapshot': (choice) => activity.snapshot(choice),
    'sync:get': async () => {
      const [status, preview, tokenSet] = [
        await sync.status(),
        await sync.preview(),
        await sync.hasToken(),
      ];
      return { status, tokenSet, ...preview };
    },
    'sync:configure': async (change) => {
      await sync.configure(change);
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
    'guides:list': async () => ({ guides: await library.list() }),
    'guides:import': async ({ files }, sender) => {
      assertExtensionPage(sender, extensionBase);
      const result = await library.import(files);
      if (result.imported.length > 0) void refreshAllTabs();
      return result;
    },
    'guides:remove': async ({ id }, sender) => {
      assertExtensionPage(sender, extensionBase);
      const result = await library.remove(id);
      if (result.removed) void refreshAllTabs();
      return result;
    },
    'activity:erase': async () => {
      const result = await activity.erase();
      void refreshAllTabs();
      return result;
    },
  };

  const answered = afterRegistryLoad(handlers, library.ready);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return routeMessage(answered, message, sender);
  });

  // Retention and abandoned walkthroughs are looked after even when no CRM page is open.
  void ensureAlarm(COMPACT_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  void ensureAlarm(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === COMPACT_ALARM) {
      void library.ready.then(() => usage.compact()).then(() => guidance.sweepAbandoned());
    }
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void syncAndSchedule();
  });
  // A browser restart may drop alarms: whatever waited in the outbox goes now.
  void syncAndSchedule();

  // Browsers without the Navigation API still report SPA navigation here.
  const forwardRoute = ({ tabId, frameId, url }: { tabId: number; frameId: number; url: string }) =>
    void sendToTab(tabId, 'tab:route', { url }, frameId).catch(() => undefined);
  browser.webNavigation.onHistoryStateUpdated.addListener(forwardRoute);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(forwardRoute);
}
