/**
 * Wires the background: its services (./services.ts), the messages it answers (./messages/),
 * the alarms that keep retention, sync and the guide pack going, and SPA route reports.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser } from '../platform/browser';
import { createHandlers } from './messages';
import { FRESH, heldUntilReady, routeMessage } from './messages/router';
import { readSettings, recordCrmUser } from './settings';
import { createServices, RETRY_ALARM } from './services';

const COMPACT_ALARM = 'usage:compact';
const SYNC_ALARM = 'sync:tick';
const PACK_ALARM = 'guides:fetch';
const PACK_EVERY_MINUTES = 60;

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

export function startBackground(): void {
  const services = createServices();
  const { db, org, policy, library, customCrms, usage, guidance, workflows, sync, remote } =
    services;
  const { syncAndSchedule, refreshAllTabs, sendToTab } = services;
  const extensionBase = browser.runtime.getURL('/');
  const handlers = createHandlers(services);
  const answered = heldUntilReady(
    heldUntilReady(handlers, Promise.all([policy.ready, library.ready, customCrms.ready])),
    policy.loaded,
    FRESH,
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
