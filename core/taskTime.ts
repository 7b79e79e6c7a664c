/**
 * Time on task: how long a workflow took, from its first step to its last, measured in the
 * browser and sent only as one of a few coarse buckets, never as a time or a duration.
 */
import type { CrmId } from './adapters';
import type { UsageEvent } from './usage';

/** The buckets, shortest first: under 30 s, 30 s to 2 min, 2 to 10 min, over 10 min. */
export const TASK_TIME_BUCKETS = ['under-30s', '30s-2m', '2m-10m', 'over-10m'] as const;
export type TaskTimeBucket = (typeof TASK_TIME_BUCKETS)[number];

/** Upper bounds (exclusive) of every bucket but the last, in milliseconds. */
const BUCKET_ENDS_MS = [30_000, 120_000, 600_000] as const;

/** The bucket of a task that took `ms` milliseconds (a negative time, from a clock set back, is 0). */
export function taskTimeBucket(ms: number): TaskTimeBucket {
  const i = BUCKET_ENDS_MS.findIndex((end) => Math.max(0, ms) < end);
  return TASK_TIME_BUCKETS[i < 0 ? TASK_TIME_BUCKETS.length - 1 : i] as TaskTimeBucket;
}

export function isTaskTimeBucket(text: string): text is TaskTimeBucket {
  return (TASK_TIME_BUCKETS as readonly string[]).includes(text);
}

/**
 * The `task.timed` event, recorded at `at`, of a guide run or a workflow completed: the time from
 * its start to its last progress, only as the bucket, of the guide as a whole (no step, no page),
 * so its counter says nothing finer than "this guide took about this long".
 */
export function taskTimedEvent(
  task: { startedAt: number; updatedAt: number },
  guide: { id: string; version: number },
  role: string,
  crm: CrmId,
  at: number,
): UsageEvent {
  return {
    at,
    kind: 'task.timed',
    role,
    crm,
    pageType: '',
    guideId: guide.id,
    guideVersion: guide.version,
    field: taskTimeBucket(task.updatedAt - task.startedAt),
  };
}
