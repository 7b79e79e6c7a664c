/**
 * The cohort in the counter key, on both stores: a database of schema version 1 (counters
 * without cohort) is migrated in place, its rows keep their sums with cohort '', and from then on
 * a key counts each cohort apart. Batches without `cohort` (older extensions) still count, as ''.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalBatchSchema } from '../../../../core/signals';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../../../server/stores/migrations';
import { openPostgresStore } from '../../../../server/stores/postgres';
import { openSqliteStore } from '../../../../server/stores/sqlite';
import type { SignalStore } from '../../../../server/stores/types';
import { batch, signal } from '../helpers';
import { startTestDatabase, type TestDatabase } from '../../../../scripts/postgres';

const V1 = MIGRATIONS.filter((m) => m.version === 1);
const DAY = { from: '2026-05-04', to: '2026-05-04' };
const OLD_ROW = [
  'acme',
  '2026-05-04',
  'rep',
  'demo',
  'workflow.started',
  'demo-log-call',
  1,
  'open',
  'opportunity:record',
  '',
  7,
  5,
  0,
];

interface Backend {
  name: string;
  /** A database at schema version 1 holding OLD_ROW, and how to open the store on it. */
  prepare(): Promise<() => Promise<SignalStore>>;
  cleanup(): Promise<void>;
}

let sqliteDir = '';
let database: TestDatabase | undefined;

const backends: Backend[] = [
  {
    name: 'SQLite',
    async prepare() {
      sqliteDir = mkdtempSync(join(tmpdir(), 'waymark-cohort-'));
      const path = join(sqliteDir, 'v1.sqlite');
      const db = new Database(path);
      db.exec(MIGRATIONS_TABLE);
      for (const m of V1) for (const sql of m.statements('sqlite')) db.exec(sql);
      db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-05-01')").run();
      db.prepare(`INSERT INTO counters VALUES (${OLD_ROW.map(() => '?').join(', ')})`).run(
        ...OLD_ROW,
      );
      db.close();
      return async () => openSqliteStore(path);
    },
    async cleanup() {
      if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
    },
  },
  {
    name: 'PostgreSQL',
    async prepare() {
      database = await startTestDatabase();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(MIGRATIONS_TABLE);
        for (const m of V1) for (const sql of m.statements('postgres')) await client.query(sql);
        await client.query("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-05-01')");
        await client.query(
          `INSERT INTO counters VALUES (${OLD_ROW.map((_, i) => `$${i + 1}`).join(', ')})`,
          OLD_ROW,
        );
      } finally {
        await client.end();
      }
      const url = database.url;
      return () => openPostgresStore({ connectionString: url });
    },
    async cleanup() {
      await database?.stop();
    },
  },
];

describe.each(backends)('cohort counters on $name', (backend) => {
  let store: SignalStore;

  beforeAll(async () => {
    const open = await backend.prepare();
    store = await open();
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  }, 30_000);

  it('migrates version 1 counters in place, with cohort empty', async () => {
    expect(await store.counters('acme', DAY)).toEqual([
      expect.objectContaining({ kind: 'workflow.started', count: 7, contributors: 5, cohort: '' }),
    ]);
  });

  it('counts each cohort of a key apart, and batches without cohort as before', async () => {
    const key = {
      kind: 'workflow.started' as const,
      guide: 'demo-log-call',
      version: 1,
      step: 'open',
      pageType: 'opportunity:record',
    };
    // What an extension that predates cohorts sends: no `cohort` at all.
    const legacy: Record<string, unknown> = { ...signal({ ...key, count: 2 }) };
    delete legacy.cohort;
    const parsed = signalBatchSchema.parse(batch([legacy as never]));
    expect(parsed.signals[0]?.cohort).toBe('');
    await store.ingest('acme', parsed.batchId, parsed.signals);
    await store.ingest('acme', crypto.randomUUID(), [
      signal({ ...key, cohort: 'guided', count: 3 }),
      signal({ ...key, cohort: 'control', count: 4 }),
    ]);
    await store.ingest('acme', crypto.randomUUID(), [signal({ ...key, cohort: 'guided' })]);
    const rows = await store.counters('acme', DAY);
    expect(rows.map((r) => [r.cohort, r.count, r.contributors])).toEqual([
      ['', 9, 6],
      ['control', 4, 1],
      ['guided', 4, 2],
    ]);
  });
});
