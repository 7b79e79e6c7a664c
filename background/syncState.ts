/**
 * Where sync stands, kept in the settings table: how far local events were turned into counters,
 * and how the delivery of the outbox went.
 */
import { EMPTY_REPORTED, type ReportedState } from '../core/aggregate';
import type { WaymarkDb } from './db';

export interface SyncState {
  /** The last event batch already turned into counters. */
  cursor: number;
  reported: ReportedState;
  attempts: number;
  nextAttemptAt: number;
  lastSuccessAt: number | null;
  lastError: string | null;
}

const STATE_KEY = 'sync.state';

const INITIAL_STATE: SyncState = {
  cursor: 0,
  reported: EMPTY_REPORTED,
  attempts: 0,
  nextAttemptAt: 0,
  lastSuccessAt: null,
  lastError: null,
};

/** A delivery that starts afresh: no failed attempt counts against it, nothing to wait for. */
export const FRESH_DELIVERY = { attempts: 0, nextAttemptAt: 0, lastError: null } as const;

export async function readSyncState(db: WaymarkDb): Promise<SyncState> {
  return {
    ...INITIAL_STATE,
    ...((await db.settings.get(STATE_KEY))?.value as Partial<SyncState> | undefined),
  };
}

export function writeSyncState(db: WaymarkDb, state: SyncState) {
  return db.settings.put({ key: STATE_KEY, value: state });
}
