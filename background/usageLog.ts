/**
 * The local usage event log: appended in arrival order, bounded by age and size, and never
 * allowed to break guidance. When the browser's storage quota is hit, the oldest events go first
 * and the log records that it dropped them.
 */
import type { UsageEvent, StoredEvent } from '../core/usage';
import type { WaymarkDb } from './db';

export interface RetentionPolicy {
  /** Events older than this are deleted by compaction. */
  maxAgeDays: number;
  /** The log never keeps more than this many events. */
  maxEvents: number;
  /** Share of the log dropped (oldest first) when storage is full. */
  quotaTrimShare: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  maxAgeDays: 90,
  maxEvents: 200_000,
  quotaTrimShare: 0.1,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function isQuotaError(error: unknown): boolean {
  for (
    let e = error as { name?: string; inner?: unknown } | undefined;
    e;
    e = e.inner as typeof e
  ) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

async function dropOldest(db: WaymarkDb, count: number): Promise<number> {
  if (count <= 0) return 0;
  const keys = await db.events.orderBy('seq').limit(count).primaryKeys();
  await db.events.bulkDelete(keys);
  return keys.length;
}

export function createUsageLog(
  db: WaymarkDb,
  now: () => number = Date.now,
  policy: RetentionPolicy = DEFAULT_RETENTION,
) {
  /** Makes room after a quota error; returns the trace event saying how much was dropped. */
  async function trimForQuota(template: UsageEvent | undefined): Promise<UsageEvent[]> {
    const total = await db.events.count();
    const dropped = await dropOldest(db, Math.max(1, Math.ceil(total * policy.quotaTrimShare)));
    if (!template) return [];
    const { role, crm, pageType } = template;
    return [{ at: now(), kind: 'log.trimmed', role, crm, pageType, count: dropped }];
  }

  return {
    /**
     * Appends events in order. `prepare` runs inside the same transaction (it may read settings),
     * so batches are written in the order their calls were made.
     */
    async append(prepare: () => Promise<UsageEvent[]> | UsageEvent[]): Promise<void> {
      let events: UsageEvent[] = [];
      try {
        await db.transaction('rw', db.settings, db.events, async () => {
          events = await prepare();
          await db.events.bulkAdd(events);
        });
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        try {
          const trace = await trimForQuota(events[0]);
          await db.events.bulkAdd([...trace, ...events]);
        } catch (again) {
          // Still full: this batch is lost, but guidance goes on.
          if (!isQuotaError(again)) throw again;
          console.warn('[waymark] storage is full; usage events dropped:', events.length);
        }
      }
    },

    /** Deletes what is past its age, then the oldest beyond the size bound. */
    async compact(): Promise<{ expired: number; overflow: number }> {
      const cutoff = now() - policy.maxAgeDays * DAY_MS;
      const expired = await db.events.where('at').below(cutoff).delete();
      const overflow = await dropOldest(db, (await db.events.count()) - policy.maxEvents);
      return { expired, overflow };
    },

    async recent(limit: number): Promise<StoredEvent[]> {
      return db.events.orderBy('seq').reverse().limit(limit).toArray();
    },

    async all(): Promise<StoredEvent[]> {
      return db.events.orderBy('seq').toArray();
    },

    count(): Promise<number> {
      return db.events.count();
    },
  };
}

export type UsageLog = ReturnType<typeof createUsageLog>;
