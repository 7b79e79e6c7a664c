/**
 * The runs of walkthroughs (db.runs), kept here so they survive navigation, reloads and tabs:
 * the active one, its moves (start, advance, abandon) and the usage events each move records.
 * Whether the user may see a guide is settled before a move is asked for.
 */
import { adapterById } from '../core/adapters';
import type { Guide } from '../core/guide/schema';
import type { PageContext } from '../core/match';
import type { ActiveRun } from '../core/messages';
import { advanceRun, startRun, type GuideRun, type RunAction } from '../core/guideRun';
import { taskTimedEvent } from '../core/taskTime';
import { ABANDON_AFTER_MS, type EventKind, type UsageEvent } from '../core/usage';
import type { WaymarkDb } from './db';
import type { UsageLog } from './usageLog';
import { WORKFLOW_KEY_PREFIX } from './workflows';

/** Where an action happened, for its usage event; unknown when the sender had no CRM page. */
export const NO_PAGE: PageContext = { crm: 'generic', pageType: 'unknown', path: '' };

function withAnchors(run: GuideRun, guide: Guide): ActiveRun {
  const adapter = adapterById(guide.crm);
  const anchors: Record<string, string> = {};
  for (const step of guide.steps) {
    const anchor = 'target' in step ? step.target.anchor : undefined;
    if (anchor) anchors[anchor] = adapter.anchorSelector(anchor);
  }
  return { run, guide, anchors };
}

/** What an action records once it moved the run: the step's outcome, and the guide's if it ended. */
function movedEventKinds(action: RunAction, moved: GuideRun): EventKind[] {
  const kinds: EventKind[] = [];
  if (action === 'next') kinds.push('step.completed');
  if (action === 'skip') kinds.push('step.skipped');
  if (action === 'exit' || action === 'never') kinds.push('guide.dismissed');
  if (action === 'snooze') kinds.push('guide.snoozed');
  if (moved.status === 'completed') kinds.push('guide.completed');
  return kinds;
}

export interface GuideRunsDeps {
  db: WaymarkDb;
  usage: UsageLog;
  /** Every guide, to name the step where a run stopped. */
  guides: () => readonly Guide[];
  now: () => number;
}

/** The usage events the moves of runs record. */
function runEvents(guides: () => readonly Guide[], now: () => number) {
  /** A usage event about a guide (and one of its steps), on the page where it happened. */
  function event(
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
  return {
    event,
    timed: (run: GuideRun, role: string, page: PageContext, guide: Guide): UsageEvent =>
      taskTimedEvent(run, guide, role, page.crm, now()),
    /** guide.abandoned for each run whose guide (at its version) is still known. */
    abandoned: (
      runs: readonly GuideRun[],
      role: string,
      pageOf: (run: GuideRun, guide: Guide) => PageContext,
    ): UsageEvent[] =>
      runs.flatMap((run) => {
        const guide = guides().find((g) => g.id === run.guideId && g.version === run.version);
        return guide
          ? [event('guide.abandoned', role, pageOf(run, guide), guide, run.stepIndex)]
          : [];
      }),
  };
}

export function createGuideRuns({ db, usage, guides, now }: GuideRunsDeps) {
  const events = runEvents(guides, now);

  return {
    /** The most recent active run of a guide this user still may see, at its current version. */
    async activeRun(allowed: readonly Guide[]): Promise<ActiveRun | null> {
      const runs = await db.runs.where('status').equals('active').reverse().sortBy('updatedAt');
      for (const run of runs) {
        const guide = allowed.find((g) => g.id === run.guideId && g.version === run.version);
        if (guide) return withAnchors(run, guide);
      }
      return null;
    },

    /**
     * Closes walkthroughs left without progress for ABANDON_AFTER_MS, recording guide.abandoned
     * on the step where they stopped.
     */
    async sweepAbandoned(role: string): Promise<number> {
      const cutoff = now() - ABANDON_AFTER_MS;
      const stale = await db.runs
        .where('status')
        .equals('active')
        .filter((run) => run.updatedAt < cutoff)
        .toArray();
      if (stale.length === 0) return 0;
      await db.runs.bulkPut(stale.map((run) => ({ ...run, status: 'abandoned' as const })));
      const abandoned = events.abandoned(stale, role, (run, guide) => ({
        ...NO_PAGE,
        crm: guide.crm,
        pageType: run.pageType ?? 'unknown',
      }));
      await usage.append(() => abandoned);
      return stale.length;
    },

    /**
     * Starts a run, abandoning whatever other walkthrough was still active. An auto-launch is
     * `admitted` (or not, and then nothing changes) within the same transaction, so two tabs
     * launching at once are weighed one after the other.
     */
    async start(
      guide: Guide,
      role: string,
      page: PageContext,
      admitted?: (past: GuideRun | undefined) => Promise<boolean>,
    ): Promise<ActiveRun | null> {
      const run: GuideRun = {
        ...startRun(guide, now()),
        pageType: page.pageType,
        ...(admitted ? { auto: true as const } : {}),
      };
      const replaced = await db.transaction('rw', db.runs, db.settings, async () => {
        if (admitted && !(await admitted(await db.runs.get(guide.id)))) return null;
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
      if (!replaced) return null;
      await usage.append(() => [
        ...events.abandoned(replaced, role, () => page),
        events.event('guide.started', role, page, guide, 0),
      ]);
      return withAnchors(run, guide);
    },

    /**
     * Applies an action to the step it was taken on. An action on a step the run already left
     * (another tab moved on first) changes nothing, records nothing, and returns where the run
     * is now.
     */
    async advance(
      guide: Guide,
      role: string,
      stepIndex: number,
      action: RunAction,
      page: PageContext,
    ): Promise<ActiveRun | null> {
      const result = await db.transaction('rw', db.runs, async () => {
        const run = await db.runs.get(guide.id);
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
        const kinds = movedEventKinds(action, result.run);
        const run = result.run;
        await usage.append(() => [
          ...kinds.map((kind) => events.event(kind, role, page, guide, stepIndex)),
          ...(run.status === 'completed' ? [events.timed(run, role, page, guide)] : []),
        ]);
      }
      return withAnchors(result.run, guide);
    },
  };
}

export type GuideRuns = ReturnType<typeof createGuideRuns>;
