/**
 * A CRM page asks what to show: its guides, the guide UI and the formats' engine injected into
 * it, the workflow steps to watch, and what it shows of the signed-in user (for role rules).
 */
import { z } from 'zod';
import { adapterById } from '../../core/adapters';
import type { PageContext } from '../../core/match';
import type { PageGuides, WatchedStepInfo } from '../../core/messages';
import { readSettings, recordCrmUser } from '../settings';
import { message, type HandlersOf, type MessageSender } from './declare';
import { id, nothing, url } from './schemas';
import type { Services } from '../services';

const MAX_CRM_NAME = 200;

export const pageMessages = {
  /** `viewed`: the user navigated here (records page.viewed, by page type only). */
  'page:guides': message(
    'page',
    z.object({ url, viewed: z.boolean().optional() }),
  ).answers<PageGuides>(),
  /**
   * What the CRM page shows about the signed-in user, in the order `PageGuides.user` asked:
   * bounded, and read only for role rules.
   */
  'page:user': message(
    'page',
    z.object({ values: z.array(z.string().max(1000).nullable()).max(2) }).strict(),
  ).answers<void>(),
  /** Injects the guide UI into the sending frame (see runtime/launcher.ts). */
  'ui:load': message('page', nothing).answers<void>(),
  /** Injects the field formats' engine (RE2) into the asking frame. */
  'ui:formats': message('page', nothing).answers<void>(),
  /** The injected workflow observer asks which steps to watch on its page, and their anchors. */
  'workflow:watch': message('page', nothing).answers<{
    steps: WatchedStepInfo[];
    anchors: Record<string, string>;
  }>(),
  /** The user performed a watched workflow step on this page. */
  'workflow:step': message('page', z.object({ guideId: id, stepId: id }).strict()).answers<void>(),
};

/** A CRM name as the page showed it: bounded, trimmed, nothing when empty. */
function crmName(value: string | null | undefined): string | undefined {
  const name = value?.trim().slice(0, MAX_CRM_NAME);
  return name ? name : undefined;
}

export function pageHandlers(s: Services): HandlersOf<typeof pageMessages> {
  const { db, org, allowedHere, pageContextOf, guidance, workflows, tabs } = s;
  const pageOf = (sender: { url?: string }) => pageContextOf(sender.url ?? '') ?? undefined;

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
      await s.scripting.executeScript({ target, files: ['/observer.js'] });
    } else if (before !== undefined) {
      await tabs.setObserved(tabId, frameId, undefined);
      await s.scripting.executeScript({
        target,
        func: () => {
          const global = globalThis as { __waymarkObserver?: AbortController };
          global.__waymarkObserver?.abort();
        },
      });
    }
  };

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

  return {
    'page:guides': async ({ url, viewed }, sender) => {
      if (!allowedHere(url, sender.url)) return nothingHere(url);
      const tabId = sender.tab?.id;
      // A page view of the tab's top frame starts its count of auto-launches again.
      if (viewed && tabId !== undefined && (sender.frameId ?? 0) === 0) {
        await tabs.setAutoLaunches(tabId, 0);
      }
      const answer = await guidance.pageGuides(
        url,
        viewed,
        tabId === undefined ? 0 : await tabs.autoLaunches(tabId),
      );
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
      if (changed && (await readSettings(db, org())).role !== before) void s.refreshAllTabs();
    },
    'ui:load': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('ui:load comes from a tab');
      if (!allowedHere(sender.url)) {
        throw new Error('Your organization does not run Waymark on this site.');
      }
      await s.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: ['/guide-ui.js'],
      });
    },
    'ui:formats': async (_, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !allowedHere(sender.url)) return;
      await s.scripting.executeScript({
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
  };
}
