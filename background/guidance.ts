/**
 * The background's side of guidance: which guides fit a page for this user, and the runs of
 * walkthroughs in progress (kept here so they survive navigation, reloads and tabs).
 */
import { adapterById, pageTypeOf } from '../core/adapters';
import type { CustomCrm } from '../core/adapters/routes';
import { localizedTitle } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import {
  globMatch,
  guidesForAudience,
  guidesForPage,
  type Audience,
  type PageContext,
} from '../core/match';
import type { ActiveRun, ChecklistItem, PageGuides, PopupState } from '../core/messages';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import { championFor } from '../core/policyRules';
import {
  advanceRun,
  shouldAutoLaunch,
  startRun,
  type GuideRun,
  type RunAction,
} from '../core/walkthrough';
import { fieldKeyOf, patternOf, type FieldCheck } from '../core/fieldRules';
import { ABANDON_AFTER_MS, type Cohort, type EventKind, type UsageEvent } from '../core/usage';
import { showsGuidance } from '../core/cohort';
import { isWorkflow } from '../core/workflow';
import type { WaymarkDb } from './db';
import { readSettings, type UserSettings } from './settings';
import type { UsageLog } from './usageLog';
import { WORKFLOW_KEY_PREFIX } from './workflows';

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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

function withAnchors(run: GuideRun, guide: Guide): ActiveRun {
  const adapter = adapterById(guide.crm);
  const anchors: Record<string, string> = {};
  for (const step of guide.steps) {
    const anchor = 'target' in step ? step.target.anchor : undefined;
    if (anchor) anchors[anchor] = adapter.anchorSelector(anchor);
  }
  return { run, guide, anchors };
}

/** Where an action happened, for its usage event; unknown when the sender had no CRM page. */
const NO_PAGE: PageContext = { crm: 'generic', pageType: 'unknown', path: '' };

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
  now = Date.now,
  locale = 'en',
  org = DEFAULT_ORG,
  cohort = () => 'guided',
  customCrms = () => [],
}: GuidanceDeps) {
  const pageAt = (url: string) => pageContextOf(url, customCrms());
  const orgNow = typeof org === 'function' ? org : () => org;
  const audienceOf = (s: UserSettings): Audience => ({
    role: s.role,
    cohorts: s.cohorts,
    seed: s.seed,
    today: localDay(new Date(now())),
  });
  const visibleGuides = async () => {
    const settings = await readSettings(db, orgNow());
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

  /** A usage event about a guide (and one of its steps), on the page where it happened. */
  function guideEvent(
    kind: EventKind,
    role: string,
    page: PageContext,
    guide: Guide,
    stepIndex: number,
  ): UsageEvent {
    return {
      at: now(),
      kind,
      role,
      crm: page.crm,
      pageType: page.pageType,
      guideId: guide.id,
      guideVersion: guide.version,
      stepId: guide.steps[stepIndex]?.id,
    };
  }

  /**
   * Closes walkthroughs left without progress for ABANDON_AFTER_MS, recording guide.abandoned
   * on the step where they stopped.
   */
  async function sweepAbandoned(role: string): Promise<number> {
    const cutoff = now() - ABANDON_AFTER_MS;
    const stale = await db.runs
      .where('status')
      .equals('active')
      .filter((run) => run.updatedAt < cutoff)
      .toArray();
    if (stale.length === 0) return 0;
    await db.runs.bulkPut(stale.map((run) => ({ ...run, status: 'abandoned' as const })));
    const events = stale.flatMap((run) => {
      const guide = guides().find((g) => g.id === run.guideId && g.version === run.version);
      const page = {
        ...NO_PAGE,
        crm: guide?.crm ?? NO_PAGE.crm,
        pageType: run.pageType ?? 'unknown',
      };
      return guide ? [guideEvent('guide.abandoned', role, page, guide, run.stepIndex)] : [];
    });
    await usage.append(() => events);
    return stale.length;
  }

  /** The peer this user asks when stuck: name and link only, as the step card shows them. */
  const championOf = (settings: UserSettings) => {
    const found = championFor(orgNow().champions, settings.role, settings.team ?? undefined);
    return found ? { name: found.name, link: found.link } : null;
  };

  return {
    /** What to show on a page; `viewed` also records the page view (page type only). */
    async pageGuides(url: string, viewed = false): Promise<PageGuides> {
      const page = pageAt(url) ?? { crm: 'generic', pageType: 'other', path: '' };
      const { settings, guides: allowed } = await visibleGuides();
      await sweepAbandoned(settings.role);
      if (viewed) {
        await usage.append(() => [
          {
            at: now(),
            kind: 'page.viewed',
            role: settings.role,
            crm: page.crm,
            pageType: page.pageType,
          },
        ]);
      }
      const quiet = !showsGuidance(cohort(settings));
      const active = quiet ? null : await activeRun(allowed);
      let autoLaunch: Guide | null = null;
      if (!active && !settings.paused && !quiet) {
        const fitting = guidesForPage(allowed, page, audienceOf(settings));
        const past = await db.runs.bulkGet(fitting.map((g) => g.id));
        autoLaunch = fitting.find((g, i) => shouldAutoLaunch(g, past[i])) ?? null;
      }
      const adapter = adapterById(page.crm);
      const fields: FieldCheck[] = allowed
        .filter((g) => g.crm === page.crm)
        .flatMap((g) =>
          (g.fields ?? [])
            .filter((rule) => globMatch(rule.page, page.pageType))
            .map((rule) => ({
              key: fieldKeyOf(rule),
              guideId: g.id,
              guideVersion: g.version,
              target: rule.target,
              required: rule.required ?? false,
              pattern: patternOf(rule),
              message: rule.message,
            })),
        );
      const fieldAnchors: Record<string, string> = {};
      for (const { target } of fields) {
        if (target.anchor) fieldAnchors[target.anchor] = adapter.anchorSelector(target.anchor);
      }
      return {
        page,
        role: settings.role,
        paused: settings.paused,
        active,
        autoLaunch,
        fields: settings.paused ? [] : fields,
        saveSelector: adapter.saveSelector,
        fieldAnchors,
        champion: championOf(settings),
        ...(quiet ? { quiet } : {}),
      };
    },

    /**
     * Starts a guide. One walkthrough runs at a time: one left unfinished for another is
     * abandoned.
     */
    async start(guideId: string, page: PageContext = NO_PAGE): Promise<ActiveRun | null> {
      const { settings, guides: allowed } = await visibleGuides();
      const guide = allowed.find((g) => g.id === guideId);
      if (!guide || !showsGuidance(cohort(settings))) return null;
      const run: GuideRun = { ...startRun(guide, now()), pageType: page.pageType };
      const replaced = await db.transaction('rw', db.runs, db.settings, async () => {
        const others = await db.runs.where('status').equals('active').toArray();
        await db.runs.bulkPut(
          others.map((r) => ({ ...r, status: 'abandoned' as const, updatedAt: run.startedAt })),
        );
        await db.runs.put(run);
        // Shown from here on: the guide's own events measure this attempt, so the workflow the
        // rep began unguided ends without an event rather than being swept as abandoned later.
        await db.settings.delete(`${WORKFLOW_KEY_PREFIX}${guide.id}`);
        return others;
      });
      await usage.append(() => [
        ...replaced.flatMap((r) => {
          const other = guides().find((g) => g.id === r.guideId && g.version === r.version);
          return other
            ? [guideEvent('guide.abandoned', settings.role, page, other, r.stepIndex)]
            : [];
        }),
        guideEvent('guide.started', settings.role, page, guide, 0),
      ]);
      return withAnchors(run, guide);
    },

    /**
     * Applies an action to the step it was taken on. An action on a step the run already left
     * (another tab moved on first) changes nothing, records nothing, and returns where the run
     * is now.
     */
    async advance(
      guideId: string,
      stepIndex: number,
      action: RunAction,
      page: PageContext = NO_PAGE,
    ): Promise<ActiveRun | null> {
      const guide = guides().find((g) => g.id === guideId);
      if (!guide) return null;
      const { role } = await readSettings(db, orgNow());
      const result = await db.transaction('rw', db.runs, async () => {
        const run = await db.runs.get(guideId);
        if (!run || run.version !== guide.version) return null;
        if (run.status !== 'active' || run.stepIndex !== stepIndex) return { run, moved: false };
        const next: GuideRun = {
          ...advanceRun(run, guide, action, now()),
          pageType: page.pageType,
        };
        await db.runs.put(next);
        return { run: next, moved: true };
      });
      if (!result) return null;
      if (result.moved) {
        const kinds: EventKind[] = [];
        if (action === 'next') kinds.push('step.completed');
        if (action === 'skip') kinds.push('step.skipped');
        if (action === 'exit') kinds.push('guide.dismissed');
        if (result.run.status === 'completed') kinds.push('guide.completed');
        await usage.append(() =>
          kinds.map((kind) => guideEvent(kind, role, page, guide, stepIndex)),
        );
      }
      return withAnchors(result.run, guide);
    },

    sweepAbandoned: async () => sweepAbandoned((await readSettings(db, orgNow())).role),

    /**
     * The user's workflow guides not shown to them now, for passive tracking: all of their
     * role's in a cohort without guidance (a baseline needs no rollout), else every one but the
     * walkthrough running.
     */
    async trackedWorkflows(): Promise<{ role: string; guides: Guide[] }> {
      const { settings, guides: allowed } = await visibleGuides();
      const mine = guides().filter((g) => g.roles.includes(settings.role) && isWorkflow(g));
      if (!showsGuidance(cohort(settings))) return { role: settings.role, guides: mine };
      const running = await activeRun(allowed);
      return {
        role: settings.role,
        guides: mine.filter((g) => g.id !== running?.guide.id),
      };
    },

    async popupState(url: string): Promise<PopupState> {
      const { settings, guides: all } = await visibleGuides();
      const currentCohort = cohort(settings);
      // A cohort measured without guidance lists nothing to start.
      const allowed = showsGuidance(currentCohort) ? all : [];
      const page = pageAt(url);
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
        roleLocked: settings.roleLocked,
        roles: orgNow().roles,
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
        champion: page ? championOf(settings) : null,
        cohort: currentCohort,
      };
    },
  };
}

export type Guidance = ReturnType<typeof createGuidance>;
