import { fileURLToPath } from 'node:url';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { SignalStore } from './types';

export interface StoreOptions {
  /** PostgreSQL when set; the SQLite file otherwise. */
  databaseUrl?: string;
  sqlitePath?: string;
  poolSize?: number;
}

/** Where the SQLite file lives when nothing says otherwise (git-ignored). */
export const DEFAULT_SQLITE_PATH = fileURLToPath(
  new URL('../data/waymark.sqlite', import.meta.url),
);

export async function openStore(options: StoreOptions): Promise<SignalStore> {
  if (options.databaseUrl) {
    return openPostgresStore({
      connectionString: options.databaseUrl,
      poolSize: options.poolSize,
    });
  }
  return openSqliteStore(options.sqlitePath ?? DEFAULT_SQLITE_PATH);
}
