/**
 * The background's side of guidance: which guides fit a page for this user, and the runs of
 * walkthroughs in progress. The user's view (./guidanceAudience.ts) decides what they may see;
 * the page answers (./pageAnswers.ts) and the run moves (./guideRuns.ts) work within it.
 */
import { pageTypeOf } from '../core/adapters';
import type { CustomCrm } from '../core/adapters/routes';
import type { Guide } from '../core/guide/schema';
import type { PageContext } from '../core/match';
import type { ActiveRun } from '../core/messages';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import type { GuideRun, RunAction } from '../core/guideRun';
import type { Closing } from '../core/fatigue';
import type { Cohort } from '../core/usage';
import { isWorkflow } from '../core/workflow';
import { isAnnouncement } from '../core/announcements';
import { createAnnouncements } from './announcements';
import type { WaymarkDb } from './db';
import { createGuidanceAudience } from './guidanceAudience';
import { createHelpAnswers, startAddress, startOf } from './helpAnswers';
import { createGuideRuns, NO_PAGE } from './guideRuns';
import { createLaunchFatigue } from './launchFatigue';
import { createPageAnswers } from './pageAnswers';
import type { UserSettings } from './settings';
import type { UsageLog } from './usageLog';

/**
 * The page as its CRM adapter sees it (or the organisation's route templates, for its own CRMs);
 * null for URLs Waymark never runs on.
 */
export function pageContextOf(
  url: string,
  customCrms: readonly CustomCrm[] = [],
): PageContext | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return {
    ...pageTypeOf(parsed, customCrms),
    path: parsed.pathname + parsed.hash,
    origin: parsed.origin,
  };
}

/** The actions that close a run, as fatigue control weighs them. */
const CLOSINGS: Partial<Record<RunAction, Closing>> = {
  exit: 'dismissed',
  snooze: 'snoozed',
  never: 'never',
};

export interface GuidanceDeps {
  db: WaymarkDb;
  usage: UsageLog;
  guides: () => readonly Guide[];
  now?: () => number;
  locale?: string;
  /** The organisation as it applies now (its policy can change while the worker runs). */
  org?: OrgConfig | (() => OrgConfig);
  /** The installation's cohort (core/cohort.ts); `observe` and `control` are shown nothing. */
  cohort?: (settings: UserSettings) => Cohort;
  /** The organisation's own CRMs, whose route templates give their pages' types. */
  customCrms?: () => readonly CustomCrm[];
}

export function createGuidance({
  db,
  usage,
  guides,
  // Read at each call, so that a test can move the service worker's clock.
  now = () => Date.now(),
  locale = 'en',
  org = DEFAULT_ORG,
  cohort = () => 'guided',
  customCrms = () => [],
}: GuidanceDeps) {
  const audience = createGuidanceAudience({
    db,
    guides,
    now,
    org: typeof org === 'function' ? org : () => org,
    cohort,
  });
  const runs = createGuideRuns({ db, usage, guides, now });
  const pageAt = (url: string) => pageContextOf(url, customCrms());
  const announcements = createAnnouncements({ db, usage, audience, now, locale });
  const fatigue = createLaunchFatigue({ db, now, org: audience.org });
  const answers = createPageAnswers({
    db,
    usage,
    audience,
    runs,
    announcements,
    fatigue,
    pageAt,
    now,
    locale,
  });
  const help = createHelpAnswers({ db, audience, pageAt });

  /**
   * A guide this user may start, if their cohort is shown guidance. An announcement is a bar,
   * never a walkthrough.
   */
  async function startable(guideId: string) {
    const { settings, guides: allowed } = await audience.visibleGuides();
    const guide = allowed.find((g) => g.id === guideId);
    return guide && !isAnnouncement(guide) && audience.guided(settings)
      ? { guide, role: settings.role, paused: settings.paused }
      : null;
  }

  return {
    pageGuides: answers.pageGuides,
    announcements,

    /**
     * Starts a guide this user may see, if their cohort is shown guidance. One walkthrough runs
     * at a time: one left unfinished for another is abandoned. An auto-launch (`auto`, with the
     * tab's auto-launches since its page view) starts only if fatigue control lets it; a start by
     * hand always does.
     */
    async start(
      guideId: string,
      page: PageContext = NO_PAGE,
      auto?: { tabLaunches: number },
    ): Promise<ActiveRun | null> {
      const found = await startable(guideId);
      if (!found || (auto && found.paused)) return null;
      const admitted = auto
        ? (past: GuideRun | undefined) => fatigue.admit(found.guide, past, auto.tabLaunches)
        : undefined;
      return runs.start(found.guide, found.role, page, admitted);
    },

    /**
     * Starts a guide from the help panel on the page at `url`. A guide that starts elsewhere and
     * names its start page answers that page's address, for the tab to open; its run waits there.
     */
    async startFromHelp(
      guideId: string,
      url: string,
    ): Promise<{ active: ActiveRun | null; open?: string }> {
      const page = pageAt(url);
      const found = page ? await startable(guideId) : null;
      if (!page || !found) return { active: null };
      const active = await runs.start(found.guide, found.role, page);
      const open = startOf(found.guide, page).here ? null : startAddress(found.guide, page);
      return open ? { active, open } : { active };
    },

    helpState: help.helpState,
    searchGuides: help.search,

    /** Applies an action to the step it was taken on, recorded under the user's role now. */
    async advance(
      guideId: string,
      stepIndex: number,
      action: RunAction,
      page: PageContext = NO_PAGE,
    ): Promise<ActiveRun | null> {
      const guide = guides().find((g) => g.id === guideId);
      if (!guide) return null;
      const { role } = await audience.settings();
      const moved = await runs.advance(guide, role, stepIndex, action, page);
      const closing = CLOSINGS[action];
      if (closing && moved?.run.status === 'dismissed') await fatigue.closed(guide, closing);
      return moved;
    },

    sweepAbandoned: async () => runs.sweepAbandoned((await audience.settings()).role),

    /**
     * The user's workflow guides not shown to them now, for passive tracking: all of their
     * role's in a cohort without guidance (a baseline needs no rollout), else every one but the
     * walkthrough running.
     */
    async trackedWorkflows(): Promise<{ role: string; guides: Guide[] }> {
      const { settings, guides: allowed } = await audience.visibleGuides();
      const mine = guides().filter((g) => g.roles.includes(settings.role) && isWorkflow(g));
      if (!audience.guided(settings)) return { role: settings.role, guides: mine };
      const running = await runs.activeRun(allowed);
      return {
        role: settings.role,
        guides: mine.filter((g) => g.id !== running?.guide.id),
      };
    },

    popupState: answers.popupState,
  };
}

export type Guidance = ReturnType<typeof createGuidance>;
