/**
 * The background's side of guidance: which guides fit a page for this user, and the runs of
 * walkthroughs in progress (kept here so they survive navigation, reloads and tabs).
 */
import { adapterById, adapterFor } from '../core/adapters';
import { localizedTitle } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import { guidesForAudience, guidesForPage, type Audience, type PageContext } from '../core/match';
import type { ActiveRun, ChecklistItem, PageGuides, PopupState } from '../core/messages';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import {
  advanceRun,
  shouldAutoLaunch,
  startRun,
  type GuideRun,
  type RunAction,
} from '../core/walkthrough';
import type { WaymarkDb } from './db';
import { readSettings, type UserSettings } from './settings';

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The page as its CRM adapter sees it; null for URLs Waymark never runs on. */
export function pageContextOf(url: string): PageContext | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const adapter = adapterFor(parsed);
  return {
    crm: adapter.id,
    pageType: adapter.pageTypeOf(parsed),
    path: parsed.pathname + parsed.hash,
  };
}

function withAnchors(run: GuideRun, guide: Guide): ActiveRun {
  const adapter = adapterById(guide.crm);
  const anchors: Record<string, string> = {};
  for (const step of guide.steps) {
    const anchor = 'target' in step ? step.target.anchor : undefined;
    if (anchor) anchors[anchor] = adapter.anchorSelector(anchor);
  }
  return { run, guide, anchors };
}

export interface GuidanceDeps {
  db: WaymarkDb;
  guides: () => readonly Guide[];
  now?: () => number;
  locale?: string;
  org?: OrgConfig;
}

export function createGuidance({
  db,
  guides,
  now = Date.now,
  locale = 'en',
  org = DEFAULT_ORG,
}: GuidanceDeps) {
  const audienceOf = (s: UserSettings): Audience => ({
    role: s.role,
    cohorts: s.cohorts,
    seed: s.seed,
    today: localDay(new Date(now())),
  });
  const visibleGuides = async () => {
    const settings = await readSettings(db, org);
    return { settings, guides: guidesForAudience(guides(), audienceOf(settings)) };
  };

  /** The most recent active run of a guide this user still may see, at its current version. */
  async function activeRun(allowed: readonly Guide[]): Promise<ActiveRun | null> {
    const runs = await db.runs.where('status').equals('active').reverse().sortBy('updatedAt');
    for (const run of runs) {
      const guide = allowed.find((g) => g.id === run.guideId && g.version === run.version);
      if (guide) return withAnchors(run, guide);
    }
    return null;
  }

  return {
    async pageGuides(url: string): Promise<PageGuides> {
      const page = pageContextOf(url) ?? { crm: 'generic', pageType: 'other', path: '' };
      const { settings, guides: allowed } = await visibleGuides();
      const active = await activeRun(allowed);
      let autoLaunch: Guide | null = null;
      if (!active && !settings.paused) {
        const fitting = guidesForPage(allowed, page, audienceOf(settings));
        const past = await db.runs.bulkGet(fitting.map((g) => g.id));
        autoLaunch = fitting.find((g, i) => shouldAutoLaunch(g, past[i])) ?? null;
      }
      return { page, role: settings.role, paused: settings.paused, active, autoLaunch };
    },

    /** Starts a guide; any other walkthrough in progress is closed, one runs at a time. */
    async start(guideId: string): Promise<ActiveRun | null> {
      const { guides: allowed } = await visibleGuides();
      const guide = allowed.find((g) => g.id === guideId);
      if (!guide) return null;
      const run = startRun(guide, now());
      await db.transaction('rw', db.runs, async () => {
        const others = await db.runs.where('status').equals('active').toArray();
        await db.runs.bulkPut(
          others.map((r) => ({ ...r, status: 'dismissed' as const, updatedAt: run.startedAt })),
        );
        await db.runs.put(run);
      });
      return withAnchors(run, guide);
    },

    /**
     * Applies an action to the step it was taken on. An action on a step the run already left
     * (another tab moved on first) changes nothing and returns where the run is now.
     */
    async advance(
      guideId: string,
      stepIndex: number,
      action: RunAction,
    ): Promise<ActiveRun | null> {
      const guide = guides().find((g) => g.id === guideId);
      if (!guide) return null;
      return db.transaction('rw', db.runs, async () => {
        const run = await db.runs.get(guideId);
        if (!run || run.version !== guide.version) return null;
        if (run.status !== 'active' || run.stepIndex !== stepIndex) return withAnchors(run, guide);
        const next: GuideRun = advanceRun(run, guide, action, now());
        await db.runs.put(next);
        return withAnchors(next, guide);
      });
    },

    async popupState(url: string): Promise<PopupState> {
      const { settings, guides: allowed } = await visibleGuides();
      const page = pageContextOf(url);
      const fitting = page ? guidesForPage(allowed, page, audienceOf(settings)) : [];
      const listed = allowed.filter((g) => g.checklist);
      const runs = await db.runs.bulkGet(listed.map((g) => g.id));
      const checklist: ChecklistItem[] = listed.map((g, i) => {
        const run = runs[i]?.version === g.version ? runs[i] : undefined;
        return {
          guideId: g.id,
          title: localizedTitle(g, locale),
          status: run?.status ?? 'not-started',
          stepIndex: run?.stepIndex ?? 0,
          stepCount: g.steps.length,
        };
      });
      const active = await activeRun(allowed);
      return {
        role: settings.role,
        roles: org.roles,
        paused: settings.paused,
        page,
        pageGuides: fitting.map((g) => ({
          id: g.id,
          title: localizedTitle(g, locale),
          description: g.description,
        })),
        checklist,
        active: active
          ? { guideId: active.guide.id, title: localizedTitle(active.guide, locale) }
          : null,
      };
    },
  };
}

export type Guidance = ReturnType<typeof createGuidance>;
