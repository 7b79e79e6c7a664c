/**
 * What guidance answers a CRM page (its guides, the one that launches by itself, the active run,
 * the field rules to check) and the popup opened over it.
 */
import { adapterById } from '../core/adapters';
import { OTHER } from '../core/adapters/ids';
import { localizedTitle } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import { globMatch, guidesForPage, type PageContext } from '../core/match';
import type { ChecklistItem, PageGuides, PopupState } from '../core/messages';
import { fieldKeyOf, patternOf, type FieldCheck } from '../core/fieldRules';
import { showsGuidance } from '../core/cohort';
import { isAnnouncement, walkthroughsOf } from '../core/announcements';
import type { Announcements } from './announcements';
import type { WaymarkDb } from './db';
import type { GuidanceAudience } from './guidanceAudience';
import type { GuideRuns } from './guideRuns';
import type { LaunchFatigue } from './launchFatigue';
import type { UsageLog } from './usageLog';

/** The field rules of the page's CRM whose page pattern takes in this page type. */
function fieldChecksOn(allowed: readonly Guide[], page: PageContext): FieldCheck[] {
  return allowed
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
}

/**
 * The first guide fitting the page that launches by itself, given how its past run went and
 * what fatigue control allows (`tabLaunches`: auto-launches in the tab since its page view).
 */
async function autoLaunchAmong(
  db: WaymarkDb,
  fatigue: LaunchFatigue,
  fitting: readonly Guide[],
  tabLaunches: number,
): Promise<Guide | null> {
  const past = await db.runs.bulkGet(fitting.map((g) => g.id));
  return fatigue.choose(fitting, past, tabLaunches);
}

/** The checklist's guides and how far the user got in each; a run of an older version is none. */
export async function checklistOf(
  db: WaymarkDb,
  allowed: readonly Guide[],
  locale: string,
): Promise<ChecklistItem[]> {
  const listed = allowed.filter((g) => g.checklist && !isAnnouncement(g));
  const runs = await db.runs.bulkGet(listed.map((g) => g.id));
  return listed.map((g, i) => {
    const run = runs[i]?.version === g.version ? runs[i] : undefined;
    return {
      guideId: g.id,
      title: localizedTitle(g, locale),
      status: run?.status ?? 'not-started',
      stepIndex: run?.stepIndex ?? 0,
      stepCount: g.steps.length,
    };
  });
}

export interface PageAnswersDeps {
  db: WaymarkDb;
  usage: UsageLog;
  audience: GuidanceAudience;
  runs: GuideRuns;
  announcements: Announcements;
  fatigue: LaunchFatigue;
  /** The page at a URL; null for URLs Waymark never runs on. */
  pageAt: (url: string) => PageContext | null;
  now: () => number;
  locale: string;
}

export function createPageAnswers({
  db,
  usage,
  audience,
  runs,
  announcements,
  fatigue,
  pageAt,
  now,
  locale,
}: PageAnswersDeps) {
  /**
   * The help button, where the organisation shows it and this user's guides include some for the
   * page's CRM: on a CRM the role has no guide for, it would open an empty panel. Not on a page
   * the CRM's adapter does not know (`other`): a setup area, or another tool on the same host,
   * such as the endpoint's dashboard beside the demo CRM.
   */
  const launcher = (page: PageContext, allowed: readonly Guide[], hidden: boolean) => {
    const { shown = true, corner = 'bottom-right' } = audience.org().launcher ?? {};
    const known = page.pageType !== OTHER;
    return shown && !hidden && known && walkthroughsOf(allowed).some((g) => g.crm === page.crm)
      ? { launcher: { corner } }
      : {};
  };

  return {
    /**
     * What to show on a page; `viewed` also records the page view (page type only).
     * `tabLaunches`: guides launched by themselves in the tab since its last page view.
     */
    async pageGuides(url: string, viewed = false, tabLaunches = 0): Promise<PageGuides> {
      const page = pageAt(url) ?? { crm: 'generic', pageType: 'other', path: '' };
      const { settings, guides: allowed } = await audience.visibleGuides();
      await runs.sweepAbandoned(settings.role);
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
      const quiet = !audience.guided(settings);
      const active = quiet ? null : await runs.activeRun(allowed);
      const autoLaunch =
        active || settings.paused || quiet
          ? null
          : await autoLaunchAmong(
              db,
              fatigue,
              guidesForPage(allowed, page, audience.audienceOf(settings)),
              tabLaunches,
            );
      const adapter = adapterById(page.crm);
      const fields = fieldChecksOn(allowed, page);
      const announcement = quiet ? null : await announcements.forPage(settings, allowed, page);
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
        champion: audience.championOf(settings),
        ...(quiet ? { quiet } : {}),
        ...launcher(page, allowed, settings.paused || quiet),
        ...(announcement ? { announcement } : {}),
      };
    },

    async popupState(url: string): Promise<PopupState> {
      const { settings, guides: all } = await audience.visibleGuides();
      const cohort = audience.cohort(settings);
      // A cohort measured without guidance lists nothing to start.
      const allowed = showsGuidance(cohort) ? all : [];
      const page = pageAt(url);
      const fitting = page
        ? walkthroughsOf(guidesForPage(allowed, page, audience.audienceOf(settings)))
        : [];
      const checklist = await checklistOf(db, allowed, locale);
      const active = await runs.activeRun(allowed);
      return {
        role: settings.role,
        roleLocked: settings.roleLocked,
        roles: audience.org().roles,
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
        champion: page ? audience.championOf(settings) : null,
        cohort,
      };
    },
  };
}
