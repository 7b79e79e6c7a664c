/**
 * Waymark's one database, in the extension's origin (never the CRM page's). Only the background
 * and extension pages open it. Versions are only ever appended; each has a migration test.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Guide } from '../core/guide/schema';
import type { UsageEvent } from '../core/usage';
import type { GuideRun } from '../core/guideRun';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface GuideRow {
  id: string;
  version: number;
  /**
   * Where the guide came from: built into the extension, imported in the options page, or the
   * organisation's remote guide pack (see guideRegistry.ts for which one wins).
   */
  source: 'bundled' | 'imported' | 'remote';
  guide: Guide;
  /** When an imported guide was imported (not indexed: no schema change). */
  importedAt?: number;
}

/**
 * Usage events are stored a batch per row, in arrival order: IndexedDB costs about the same per
 * row whatever its size, so one row per event would cap the log at a few thousand events a
 * second, while a row per batch writes hundreds of thousands.
 */
export interface EventBatchRow {
  seq?: number;
  /** Earliest and latest `at` in the batch, for retention by age. */
  firstAt: number;
  lastAt: number;
  events: UsageEvent[];
}

/** Anonymous daily counters waiting to be synced (filled and sent by the sync). */
export interface OutboxRow {
  id?: number;
  day: string;
  payload: unknown;
}

export type WaymarkDb = Dexie & {
  /** The latest run of each guide for this user (walkthrough progress). */
  runs: EntityTable<GuideRun, 'guideId'>;
  settings: EntityTable<SettingRow, 'key'>;
  /** The local usage event log, a batch of events per row. */
  eventBatches: EntityTable<EventBatchRow, 'seq'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  /** The guide registry. */
  guides: EntityTable<GuideRow, 'id'>;
};

/** Every schema version, oldest first. Append; never edit a published one. */
export const SCHEMA_VERSIONS: Record<string, string | null>[] = [
  { runs: 'guideId, status, updatedAt', settings: 'key' },
  { eventBatches: '++seq, firstAt', outbox: '++id, day', guides: 'id, source' },
];

export function openDb(name = 'waymark', versions = SCHEMA_VERSIONS.length): WaymarkDb {
  const db = new Dexie(name) as WaymarkDb;
  SCHEMA_VERSIONS.slice(0, versions).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
