/**
 * The outbox: new local events become anonymous daily counters, queued as batches that each keep
 * a fixed random id, so that a batch sent again is counted once.
 */
import { aggregateSignals } from '../core/aggregate';
import { SIGNAL_SCHEMA_VERSION, type Signal, type SignalBatch } from '../core/signals';
import type { WaymarkDb } from './db';
import { readSyncState, writeSyncState } from './syncState';

const MAX_SIGNALS_PER_BATCH = 500;

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function queueBatches(db: WaymarkDb, signals: Signal[]): Promise<void> {
  for (const part of chunk(signals, MAX_SIGNALS_PER_BATCH)) {
    const batch: SignalBatch = {
      schemaVersion: SIGNAL_SCHEMA_VERSION,
      batchId: crypto.randomUUID(),
      signals: part,
    };
    await db.outbox.add({ day: part[0]?.day ?? '', payload: batch });
  }
}

/**
 * Counters for the events the outbox does not hold yet; `commit` queues them. Unless
 * `includeToday`, only days that are over are taken: one delivery per active day keeps what a
 * user sends small and says nothing about when in the day they worked.
 */
export async function aggregateNew(
  db: WaymarkDb,
  now: number,
  commit: boolean,
  includeToday: boolean,
): Promise<Signal[]> {
  const todayStart = new Date(now).setUTCHours(0, 0, 0, 0);
  return db.transaction(commit ? 'rw' : 'r', db.settings, db.eventBatches, db.outbox, async () => {
    const state = await readSyncState(db);
    const all = await db.eventBatches.where('seq').above(state.cursor).toArray();
    const firstOfToday = all.findIndex((row) => row.lastAt >= todayStart);
    const rows = includeToday || firstOfToday < 0 ? all : all.slice(0, firstOfToday);
    if (rows.length === 0) return [];
    const { signals, reported } = aggregateSignals(
      rows.flatMap((row) => row.events),
      state.reported,
    );
    if (commit) {
      await queueBatches(db, signals);
      const cursor = rows[rows.length - 1]?.seq ?? state.cursor;
      await writeSyncState(db, { ...state, cursor, reported });
    }
    return signals;
  });
}

/** The batches waiting in the outbox, oldest first. */
export async function queuedBatches(db: WaymarkDb): Promise<SignalBatch[]> {
  return (await db.outbox.orderBy('id').toArray()).map((row) => row.payload as SignalBatch);
}
