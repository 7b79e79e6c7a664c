/**
 * Waymark's one database, in the extension's origin (never the CRM page's). Only the background
 * and extension pages open it. Versions are only ever appended.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { GuideRun } from '../core/walkthrough';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type WaymarkDb = Dexie & {
  /** The latest run of each guide for this user. */
  runs: EntityTable<GuideRun, 'guideId'>;
  settings: EntityTable<SettingRow, 'key'>;
};

export function openDb(name = 'waymark'): WaymarkDb {
  const db = new Dexie(name) as WaymarkDb;
  db.version(1).stores({
    runs: 'guideId, status, updatedAt',
    settings: 'key',
  });
  return db;
}
