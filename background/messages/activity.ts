/** The rep's own data: what Waymark keeps about them, exported, summed up, or erased. */
import { z } from 'zod';
import type { ActivityExport, ActivitySummary, LocalSnapshot } from '../../core/messages';
import { MAX_PERIOD_DAYS, periodDays, type Period } from '../../core/snapshot';
import { message, type HandlersOf } from './declare';
import { nothing } from './schemas';
import type { Services } from '../services';

const period = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();

export const activityMessages = {
  'activity:get': message('extension', nothing).answers<ActivitySummary>(),
  'activity:export': message('extension', nothing).answers<ActivityExport>(),
  /** This browser's own snapshot, computed from its event log (k = 1: it is the rep's data). */
  'activity:snapshot': message(
    'extension',
    z
      .object({ period, baseline: period.nullable() })
      .strict()
      .refine(
        (q) => [q.period, ...(q.baseline ? [q.baseline] : [])].every((p) => p.from <= p.to),
        'a period ends before it starts',
      )
      .refine(
        (q) =>
          [q.period, ...(q.baseline ? [q.baseline] : [])].every(
            (p: Period) => periodDays(p) <= MAX_PERIOD_DAYS,
          ),
        `a period spans at most ${MAX_PERIOD_DAYS} days`,
      ),
  ).answers<LocalSnapshot>(),
  /** Erases the event log, walkthrough progress and the sync outbox (the role stays). */
  'activity:erase': message('extension', nothing).answers<{ erased: number }>(),
};

export function activityHandlers(s: Services): HandlersOf<typeof activityMessages> {
  const { activity } = s;
  return {
    'activity:get': () => activity.summary(),
    'activity:export': () => activity.export(),
    'activity:snapshot': (choice) => activity.snapshot(choice),
    'activity:erase': async () => {
      const result = await activity.erase();
      await s.workflows.clear();
      void s.refreshAllTabs();
      return result;
    },
  };
}
