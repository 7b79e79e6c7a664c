/**
 * The local usage event log: appended in arrival order, bounded by age and size, and never
 * allowed to break guidance. Events are stored a batch per row (see EventBatchRow). When the
 * browser's storage quota is hit, the oldest events go first and the log records that it
 * dropped them.
 */
import type { StoredEvent, UsageEvent } from '../core/usage';
import { DAY_MS } from '../core/days';
import type { EventBatchRow, WaymarkDb } from './db';

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

/** Batches never hold more events than this, so an event's number is batch × this + index. */
const BATCH_LIMIT = 10_000;

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

function batchOf(events: UsageEvent[]): EventBatchRow {
  const times = events.map((e) => e.at);
  return { firstAt: Math.min(...times), lastAt: Math.max(...times), events };
}

function numbered(batch: EventBatchRow): StoredEvent[] {
  return batch.events.map((event, i) => ({ ...event, seq: (batch.seq ?? 0) * BATCH_LIMIT + i }));
}

/** Removes the oldest `count` events (whole batches, then the front of the next one). */
async function dropOldest(db: WaymarkDb, count: number): Promise<number> {
  let dropped = 0;
  await db.transaction('rw', db.eventBatches, async () => {
    const doomed: number[] = [];
    let partial: EventBatchRow | undefined;
    await db.eventBatches
      .orderBy('seq')
      .until(() => dropped >= count)
      .each((batch) => {
        const left = count - dropped;
        if (batch.events.length <= left) {
          doomed.push(batch.seq as number);
          dropped += batch.events.length;
        } else {
          partial = { ...batch, ...batchOf(batch.events.slice(left)), seq: batch.seq };
          dropped += left;
        }
      });
    await db.eventBatches.bulkDelete(doomed);
    if (partial) await db.eventBatches.put(partial);
  });
  return dropped;
}

export function createUsageLog(
  db: WaymarkDb,
  now: () => number = Date.now,
  policy: RetentionPolicy = DEFAULT_RETENTION,
) {
  async function count(): Promise<number> {
    let total = 0;
    await db.eventBatches.each((batch) => (total += batch.events.length));
    return total;
  }

  /** Makes room after a quota error; returns the trace event saying how much was dropped. */
  async function trimForQuota(template: UsageEvent): Promise<UsageEvent> {
    const share = Math.ceil((await count()) * policy.quotaTrimShare);
    const dropped = await dropOldest(db, Math.max(1, share));
    const { role, crm, pageType } = template;
    return { at: now(), kind: 'log.trimmed', role, crm, pageType, count: dropped };
  }

  return {
    /**
     * Appends events in order. `prepare` runs inside the same transaction (it may read
     * settings), so batches are written in the order their calls were made.
     */
    async append(prepare: () => Promise<UsageEvent[]> | UsageEvent[]): Promise<void> {
      let events: UsageEvent[] = [];
      try {
        await db.transaction('rw', db.settings, db.eventBatches, async () => {
          events = (await prepare()).slice(0, BATCH_LIMIT);
          if (events.length > 0) await db.eventBatches.add(batchOf(events));
        });
      } catch (error) {
        if (!isQuotaError(error) || events.length === 0) throw error;
        try {
          const trace = await trimForQuota(events[0] as UsageEvent);
          await db.eventBatches.add(batchOf([trace, ...events]));
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
      let expired = 0;
      await db.transaction('rw', db.eventBatches, async () => {
        const old = await db.eventBatches.where('firstAt').below(cutoff).toArray();
        for (const batch of old) {
          const kept = batch.events.filter((e) => e.at >= cutoff);
          expired += batch.events.length - kept.length;
          if (kept.length === 0) await db.eventBatches.delete(batch.seq as number);
          else await db.eventBatches.put({ ...batch, ...batchOf(kept), seq: batch.seq });
        }
      });
      const overflow = await dropOldest(db, (await count()) - policy.maxEvents);
      return { expired, overflow };
    },

    /** The newest events, newest first. */
    async recent(limit: number): Promise<StoredEvent[]> {
      const found: StoredEvent[] = [];
      await db.eventBatches
        .orderBy('seq')
        .reverse()
        .until(() => found.length >= limit)
        .each((batch) => found.push(...numbered(batch).reverse()));
      return found.slice(0, limit);
    },

    async all(): Promise<StoredEvent[]> {
      return (await db.eventBatches.orderBy('seq').toArray()).flatMap(numbered);
    },

    count,

    clear: () => db.eventBatches.clear(),
  };
}

export type UsageLog = ReturnType<typeof createUsageLog>;
