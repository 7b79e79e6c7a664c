/**
 * One browser's day in the CRM: whether its person works, how many pages they go through, and at
 * which of them they set out to run a guide or to do a guide's workflow on their own.
 */
import { shouldAutoLaunch } from '../../core/guideRun';
import { between, pick, type Browser } from './browsers';
import type { GuidePlan } from './demoPack';
import { doWorkflow, runGuide, toGuidePage } from './guideActivity';
import { isEdit, MINUTE, SECOND, WorkingDay, type DayContext, type EventSink } from './workingDay';

// ---- What each role does in the CRM ----

type Weights = readonly (readonly [string, number])[];

/** Where each role spends its day (record pages lead to edit pages, see EDIT_AFTER_RECORD). */
const PAGE_MIX: Readonly<Record<string, Weights>> = {
  rep: [
    ['home', 3],
    ['opportunity:list', 4],
    ['opportunity:record', 6],
    ['account:list', 1],
    ['account:record', 2],
    ['report:pipeline', 0.6],
    ['settings', 0.1],
  ],
  manager: [
    ['home', 2],
    ['opportunity:list', 4],
    ['opportunity:record', 3],
    ['account:record', 1],
    ['report:home', 1],
    ['report:pipeline', 3],
    ['report:activity', 2],
    ['settings', 0.1],
  ],
  service: [
    ['home', 3],
    ['account:list', 4],
    ['account:record', 6],
    ['opportunity:list', 0.5],
    ['opportunity:record', 1],
    ['settings', 0.1],
  ],
  admin: [
    ['home', 3],
    ['settings', 4],
    ['report:home', 1],
    ['account:list', 1],
    ['account:record', 1],
    ['opportunity:list', 1],
    ['opportunity:record', 1],
  ],
};

/** Share of record views that go on to edit the record, per role. */
const EDIT_AFTER_RECORD: Readonly<Record<string, number>> = {
  rep: 0.4,
  manager: 0.15,
  service: 0.45,
  admin: 0.3,
};

/** Page views on an active weekday, before each person's own pace. */
const VIEWS_PER_DAY: Readonly<Record<string, number>> = {
  rep: 30,
  manager: 24,
  service: 36,
  admin: 16,
};

/** Chance of working on a weekend day (service desks keep weekend shifts). */
const WEEKEND_ACTIVE: Readonly<Record<string, number>> = {
  rep: 0.07,
  manager: 0.05,
  service: 0.3,
  admin: 0.04,
};

/** The chance a person sets out to do a guide's workflow on their own on a working day. */
const WORKFLOW_PER_DAY = 0.6;

/**
 * The page reps drift away from: from the roll-out on, most reps keep the pipeline in their own
 * spreadsheets, and where they opened the pipeline report they now open the report list only, to
 * export from it. One rep in DRIFT_KEPT still opens the report as before, so it is opened rarely,
 * not never, which the dashboard's "What goes unused" shows against the weeks before. Who stays
 * is who they are, not a draw, and the list is no guide's page, so every other figure stays.
 */
const DRIFT = { role: 'rep', from: 'report:pipeline', to: 'report:home' } as const;
const DRIFT_KEPT = 8;

function drifted(day: WorkingDay, pageType: string): string {
  const { person, ctx } = day;
  if (person.role !== DRIFT.role || pageType !== DRIFT.from || ctx.dayIndex < ctx.rollout) {
    return pageType;
  }
  return person.index % DRIFT_KEPT === 0 ? pageType : DRIFT.to;
}

function nextPage(role: string, current: string, random: () => number): string {
  if (current.endsWith(':record') && random() < (EDIT_AFTER_RECORD[role] ?? 0.2)) {
    return current.replace(/:record$/, ':edit');
  }
  if (isEdit(current)) return current.replace(/:edit$/, ':record');
  return pick(PAGE_MIX[role] ?? PAGE_MIX.rep ?? [['home', 1]], random);
}

/** Leaving an edit page mostly saves it; now and then the edit is cancelled. */
function leave(day: WorkingDay, pageType: string): void {
  if (isEdit(pageType) && day.person.random() < 0.85) day.save(pageType);
}

function worksToday(b: Browser, ctx: DayContext): boolean {
  if (ctx.dayIndex < b.joins) return false;
  const presence = ctx.weekend ? (WEEKEND_ACTIVE[b.role] ?? 0.05) * b.presence : 0.93 * b.presence;
  return b.random() < presence;
}

function pageViews(day: WorkingDay): number {
  const { person, ctx } = day;
  const busier = 1 + 0.1 * day.ramp; // the CRM itself gets used more as people settle in
  return Math.max(
    1,
    Math.round(
      (VIEWS_PER_DAY[person.role] ?? 20) *
        person.pace *
        busier *
        between(person.random, 0.7, 1.3) *
        (ctx.weekend ? 0.5 : 1),
    ),
  );
}

/**
 * The workflows this person does on their own today (any cohort). Each is keyed by a draw made
 * before the day's length is known, which places it on one of the day's page views.
 */
function workflowDraws(day: WorkingDay): Map<number, GuidePlan> {
  const { random, role, affinity } = day.person;
  const draws = new Map<number, GuidePlan>();
  for (const g of day.ctx.guides) {
    if (!g.workflow || !g.guide.roles.includes(role)) continue;
    if (random() < WORKFLOW_PER_DAY * (0.5 + 0.5 * affinity)) {
      draws.set(Math.floor(random() * 1_000_000), g);
    }
  }
  return draws;
}

/** The page view each workflow comes at; of two drawn for the same one, the first is done. */
function workflowsByView(
  draws: ReadonlyMap<number, GuidePlan>,
  views: number,
): Map<number, GuidePlan> {
  const byView = new Map<number, GuidePlan>();
  for (const [draw, g] of draws) {
    const slot = draw % views;
    if (!byView.has(slot)) byView.set(slot, g);
  }
  return byView;
}

/** The guides this person sets out to run today, by the page view they set out at. */
function guidesByView(day: WorkingDay, views: number): Map<number, GuidePlan> {
  const { person, ctx, ramp } = day;
  const byView = new Map<number, GuidePlan>();
  for (const g of day.guides) {
    const past = person.runs.get(g.guide.id);
    const again = !past ? 1 : past.status === 'completed' ? g.use.again : 0.5;
    const base = ctx.monday && g.use.mondays !== undefined ? g.use.mondays : g.use.perDay;
    // Checklist guides are in plain sight; the others only in the launcher of their pages.
    const found = g.guide.checklist ? 1 : 0.5;
    const p = base * again * found * (0.5 + 0.5 * person.affinity) * (0.25 + 0.75 * ramp);
    if (person.random() < p) {
      const slot = Math.floor(person.random() * views);
      if (!byView.has(slot)) byView.set(slot, g);
    }
  }
  return byView;
}

/** The guide that launches itself on this page, then the one the person meant to run now. */
function guidesHere(day: WorkingDay, intent: GuidePlan | undefined): void {
  if (intent && !intent.pages.includes(day.page)) {
    // Started from the checklist, which opens the guide's page; else it waits for that page.
    if (!intent.guide.checklist) return;
    toGuidePage(day, intent);
  }
  const auto = day.guides.find(
    (g) => g.pages.includes(day.page) && shouldAutoLaunch(g.guide, day.person.runs.get(g.guide.id)),
  );
  if (auto) {
    day.wait(1, 4, SECOND);
    runGuide(day, auto, true);
  }
  if (intent && intent !== auto) {
    day.wait(5, 60, SECOND);
    runGuide(day, intent, false);
  }
}

/** One browser's day in the CRM; false when this person did not work that day. */
export function simulateDay(b: Browser, ctx: DayContext, record: EventSink): boolean {
  if (!worksToday(b, ctx)) return false;
  const day = new WorkingDay(b, ctx, record);
  const workflowsDrawn = workflowDraws(day);
  const views = pageViews(day);
  const guidesAt = guidesByView(day, views);
  const workflowsAt = workflowsByView(workflowsDrawn, views);
  const guidanceAt = (view: number) => {
    guidesHere(day, guidesAt.get(view));
    const plan = workflowsAt.get(view);
    if (plan?.workflow) doWorkflow(day, plan, plan.workflow);
  };

  day.view('home');
  guidanceAt(0);
  for (let i = 1; i < views; i++) {
    day.wait(1, 12, MINUTE);
    const from = day.page;
    day.view(drifted(day, nextPage(b.role, from, b.random)));
    leave(day, from);
    guidanceAt(i);
  }
  leave(day, day.page);
  return true;
}
