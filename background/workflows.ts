/**
 * The background's side of passive workflow tracking: which workflow steps the observer watches
 * on a page, the progress of each workflow (settings rows `workflow:<guide id>`), and the
 * workflow.* events. Route steps are seen here, from the page views the background already
 * hears; click and edit steps are reported by the injected observer (runtime/observeWorkflows).
 */
import { adapterById } from '../core/adapters';
import type { Guide, Step } from '../core/guide/schema';
import { globMatch, guideMatchesPage, type PageContext } from '../core/match';
import type { WatchedStepInfo } from '../core/messages';
import {
  performStep,
  sweepWorkflow,
  workflowSteps,
  type WorkflowEvent,
  type WorkflowProgress,
} from '../core/workflow';
import { taskTimedEvent } from '../core/taskTime';
import type { UsageEvent } from '../core/usage';
import type { WaymarkDb } from './db';
import type { UsageLog } from './usageLog';

export const WORKFLOW_KEY_PREFIX = 'workflow:';
const keyOf = (guideId: string) => `${WORKFLOW_KEY_PREFIX}${guideId}`;

export interface TrackedWorkflows {
  role: string;
  /** The user's workflow guides that are not being shown to them right now. */
  guides: readonly Guide[];
}

export interface WorkflowDeps {
  db: WaymarkDb;
  usage: UsageLog;
  /** Every guide, to name the step where an abandoned workflow stopped. */
  guides: () => readonly Guide[];
  tracked: () => Promise<TrackedWorkflows>;
  now?: () => number;
}

/**
 * Where a step is performed: its own `page`, else a page the guide matches. A step after a
 * route step names its page in a guide that spans pages, so this holds for those too.
 */
function stepOnPage(guide: Guide, step: Step, page: PageContext): boolean {
  if (guide.crm !== page.crm) return false;
  return step.page !== undefined
    ? globMatch(step.page, page.pageType)
    : guideMatchesPage(guide, page);
}

function isWatched(step: Step): step is Step & { target: WatchedStepInfo['target'] } {
  const on = step.advance?.on;
  return 'target' in step && (on === 'click' || on === 'input' || on === 'change');
}

/** The click and edit steps of these workflows to watch on a page, with their anchors' CSS. */
function watchedOn(
  workflows: readonly Guide[],
  page: PageContext,
): { steps: WatchedStepInfo[]; anchors: Record<string, string> } {
  const steps: WatchedStepInfo[] = [];
  const anchors: Record<string, string> = {};
  const adapter = adapterById(page.crm);
  for (const guide of workflows) {
    for (const step of workflowSteps(guide)) {
      if (!isWatched(step) || !stepOnPage(guide, step, page)) continue;
      steps.push({
        guideId: guide.id,
        stepId: step.id,
        on: step.advance?.on as WatchedStepInfo['on'],
        target: step.target,
      });
      if (step.target.anchor) {
        anchors[step.target.anchor] = adapter.anchorSelector(step.target.anchor);
      }
    }
  }
  return { steps, anchors };
}

/**
 * The route steps of a guide that reaching `page` from a page of `previousPageType` performs: a
 * route step is done by leaving its own page (when it names one) for its target.
 */
function routeStepsReached(
  guide: Guide,
  page: PageContext,
  previousPageType: string | undefined,
): string[] {
  if (guide.crm !== page.crm) return [];
  return workflowSteps(guide)
    .filter((step) => {
      const advance = step.advance;
      if (advance?.on !== 'route' || previousPageType === undefined) return false;
      if (step.page !== undefined && !globMatch(step.page, previousPageType)) return false;
      return advance.page !== undefined
        ? globMatch(advance.page, page.pageType)
        : previousPageType !== page.pageType;
    })
    .map((step) => step.id);
}

/** Runs each task once the one before it has settled, whatever its outcome. */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
}

export function createWorkflows({ db, usage, guides, tracked, now = Date.now }: WorkflowDeps) {
  // Reports arrive per keystroke and click: one at a time, so no progress write is lost.
  const serially = oneAtATime();

  const toUsage = (
    events: WorkflowEvent[],
    guide: Guide,
    role: string,
    page: Pick<PageContext, 'crm' | 'pageType'>,
  ): UsageEvent[] =>
    events.map((event) => ({
      at: now(),
      kind: event.kind,
      role,
      crm: page.crm,
      pageType: page.pageType,
      guideId: guide.id,
      guideVersion: guide.version,
      stepId: event.stepId || undefined,
    }));

  /** Applies performed steps of one guide in order; records what they started or completed. */
  async function apply(guide: Guide, stepIds: string[], role: string, page: PageContext) {
    const row = await db.settings.get(keyOf(guide.id));
    let progress = row?.value as WorkflowProgress | undefined;
    const events: WorkflowEvent[] = [];
    const timed: UsageEvent[] = [];
    for (const stepId of stepIds) {
      const result = performStep(progress, guide, stepId, now());
      progress = result.progress;
      events.push(...result.events);
      if (progress && result.events.some((e) => e.kind === 'workflow.completed')) {
        timed.push(taskTimedEvent(progress, guide, role, page.crm, now()));
      }
    }
    if (progress && progress !== row?.value) {
      await db.settings.put({ key: keyOf(guide.id), value: progress });
    }
    if (events.length > 0) {
      await usage.append(() => [...toUsage(events, guide, role, page), ...timed]);
    }
  }

  /** Abandons one workflow where it stopped if it was left untouched too long. */
  async function sweepOne(key: string, progress: WorkflowProgress, role: string) {
    const guide = guides().find((g) => g.id === progress.guideId && g.version === progress.version);
    const result = sweepWorkflow(progress, guide, now());
    if (result.progress === progress) return;
    await db.settings.put({ key, value: result.progress });
    if (result.events.length === 0) return;
    const page = { crm: guide?.crm ?? 'generic', pageType: 'unknown' } as const;
    await usage.append(() =>
      toUsage(
        result.events,
        guide ?? ({ id: progress.guideId, version: progress.version } as Guide),
        role,
        page,
      ),
    );
  }

  return {
    /** What the observer watches on a page, for the workflows tracked now. */
    async watch(
      page: PageContext,
    ): Promise<{ steps: WatchedStepInfo[]; anchors: Record<string, string> }> {
      const { guides: workflows } = await tracked();
      return watchedOn(workflows, page);
    },

    /** The observer saw the user perform a step. */
    perform: (guideId: string, stepId: string, page: PageContext) =>
      serially(async () => {
        const { role, guides: workflows } = await tracked();
        const guide = workflows.find((g) => g.id === guideId);
        const step = guide?.steps.find((s) => s.id === stepId);
        // Only a step that can be done on this page counts: the report comes from a page.
        if (!guide || !step || !isWatched(step) || !stepOnPage(guide, step, page)) return;
        await apply(guide, [stepId], role, page);
      }),

    /**
     * The user reached a page: route steps whose page this is (or, without one, any change of
     * page type) are performed.
     */
    routed: (page: PageContext, previousPageType: string | undefined) =>
      serially(async () => {
        const { role, guides: workflows } = await tracked();
        for (const guide of workflows) {
          const reached = routeStepsReached(guide, page, previousPageType);
          if (reached.length > 0) await apply(guide, reached, role, page);
        }
      }),

    /** Workflows left untouched too long are abandoned where they stopped (hourly). */
    sweep: (role: string) =>
      serially(async () => {
        const rows = await db.settings.where('key').startsWith(WORKFLOW_KEY_PREFIX).toArray();
        for (const row of rows) await sweepOne(row.key, row.value as WorkflowProgress, role);
      }),

    /** Forgets every workflow's progress (the rep erased their activity). */
    clear: () => serially(() => db.settings.where('key').startsWith(WORKFLOW_KEY_PREFIX).delete()),
  };
}

export type Workflows = ReturnType<typeof createWorkflows>;
