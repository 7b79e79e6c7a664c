/** The rep's own view of what Waymark keeps about them: see it, export it, erase it. */
import { aggregateSignals, EMPTY_REPORTED } from '../core/aggregate';
import { checklistsOf } from '../core/guide/checklists';
import { localizedTitle } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import type {
  ActivityExport,
  ActivitySummary,
  GuideProgress,
  LocalSnapshot,
} from '../core/messages';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import { buildSnapshot, type CounterRow, type Period } from '../core/snapshot';
import type { WaymarkDb } from './db';
import { readSettings } from './settings';
import type { UsageLog } from './usageLog';

const RECENT_EVENTS = 200;

export function createActivity(
  db: WaymarkDb,
  usage: UsageLog,
  guides: () => readonly Guide[],
  locale: string,
  org: () => OrgConfig = () => DEFAULT_ORG,
) {
  return {
    async summary(): Promise<ActivitySummary> {
      const [{ role }, runs, recent, totalEvents] = await Promise.all([
        readSettings(db, org()),
        db.runs.orderBy('updatedAt').reverse().toArray(),
        usage.recent(RECENT_EVENTS),
        usage.count(),
      ]);
      const progress: GuideProgress[] = runs.map((run) => {
        const guide = guides().find((g) => g.id === run.guideId);
        return {
          guideId: run.guideId,
          title: guide ? localizedTitle(guide, locale) : run.guideId,
          status: run.status,
          stepIndex: run.stepIndex,
          stepCount: guide?.steps.length ?? run.stepIndex + 1,
          startedAt: run.startedAt,
          updatedAt: run.updatedAt,
        };
      });
      return { role, progress, recent, totalEvents };
    },

    async export(): Promise<ActivityExport> {
      const [{ role }, runs, events] = await Promise.all([
        readSettings(db, org()),
        db.runs.toArray(),
        usage.all(),
      ]);
      return { exportedAt: new Date().toISOString(), role, runs, events };
    },

    /**
     * The dashboard's views over this browser's own events: the same aggregation that sync
     * sends, counted as if everything were reported at once, with nothing suppressed (k = 1).
     */
    async snapshot(choice: { period: Period; baseline: Period | null }): Promise<LocalSnapshot> {
      const { signals } = aggregateSignals(await usage.all(), EMPTY_REPORTED);
      const rows: CounterRow[] = signals.map(({ contributor, ...s }) => ({
        ...s,
        contributors: contributor,
      }));
      const list = guides();
      const snapshot = buildSnapshot(rows, {
        period: choice.period,
        baseline: choice.baseline,
        k: 1,
        stepOrder: Object.fromEntries(list.map((g) => [g.id, g.steps.map((s) => s.id)])),
        checklists: checklistsOf(list),
      });
      return {
        snapshot,
        labels: {
          // Past events may name roles the organisation no longer allows: they keep their names.
          roles: Object.fromEntries(
            [...DEFAULT_ORG.roles, ...org().roles].map((r) => [r.id, r.label]),
          ),
          guides: Object.fromEntries(list.map((g) => [g.id, localizedTitle(g, locale)])),
        },
      };
    },

    /** Erases the event log, walkthrough progress and anything waiting to be synced. */
    async erase(): Promise<{ erased: number }> {
      const erased = await usage.count();
      await db.transaction('rw', db.eventBatches, db.runs, db.outbox, async () => {
        await Promise.all([usage.clear(), db.runs.clear(), db.outbox.clear()]);
      });
      return { erased };
    },
  };
}
