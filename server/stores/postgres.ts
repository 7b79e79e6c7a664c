/**
 * The PostgreSQL store: for several stateless endpoint replicas sharing one database. A batch's
 * id and its counters go in one statement, so one transaction (shared with the other batches of
 * its group); replicas racing on a replayed id serialize on its primary key and only one of them
 * counts it.
 */
import pg from 'pg';
import type { SignalKind } from '../../core/signals';
import type { CounterRow, Period } from '../../core/snapshot';
import { GroupCommit, type PendingBatch } from './groupCommit';
import { utcToday } from './today';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';
import { toRecord, type OrgData, type SignalStore, type TokenRow } from './types';

/** Any constant shared by all replicas: serializes their migrations on start. */
const MIGRATION_LOCK = 0x77617970;

/**
 * A group of batches in one statement, so one round trip and one transaction: the batch ids are
 * inserted, and the signals of the batches whose id was new (and only those) are summed per key
 * and added to the counters. Rows go in key order, so that statements of other replicas lock them
 * in the same order and cannot deadlock. Data-modifying WITH clauses always run to completion.
 */
const INGEST = `WITH input AS (
    SELECT * FROM json_to_recordset($1::json) AS b(org text, "batchId" text, signals json)
  ), fresh AS (
    INSERT INTO batches (org, batch_id, received_on)
    SELECT org, "batchId", $2 FROM input ORDER BY org, "batchId"
    ON CONFLICT DO NOTHING
    RETURNING org, batch_id
  ), counted AS (
    INSERT INTO counters (org, day, role, crm, kind, guide, version, step, page_type, field,
      cohort, count, contributors, score_sum)
    SELECT input.org, s.day, s.role, s.crm, s.kind, s.guide, s.version, s.step, s."pageType",
      s.field, s.cohort, sum(s.count), sum(s.contributor), sum(s."scoreSum")
    FROM input
    JOIN fresh ON fresh.org = input.org AND fresh.batch_id = input."batchId"
    CROSS JOIN LATERAL json_to_recordset(input.signals) AS s(day text, role text, crm text,
      kind text, guide text, version int, step text, "pageType" text, field text, cohort text,
      count bigint, contributor bigint, "scoreSum" bigint)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (org, day, role, crm, kind, guide, version, step, page_type, field, cohort)
    DO UPDATE SET count = counters.count + excluded.count,
      contributors = counters.contributors + excluded.contributors,
      score_sum = counters.score_sum + excluded.score_sum
  )
  SELECT org, batch_id FROM fresh`;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const applied = rows[0]?.v ?? 0;
    for (const migration of MIGRATIONS) {
      if (migration.version <= applied) continue;
      for (const sql of migration.statements('postgres')) await client.query(sql);
      await client.query(
        'INSERT INTO schema_migrations (version, description, applied_on) VALUES ($1, $2, $3)',
        [migration.version, migration.description, utcToday()],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Counts a group; resolves to each batch's "already counted" flag. */
async function commitGroup(pool: pg.Pool, group: readonly PendingBatch[]): Promise<boolean[]> {
  // A batch id twice in one group: the first copy stands for both.
  const firsts = new Map<string, PendingBatch>();
  for (const b of group) {
    const key = `${b.org}\u0000${b.batchId}`;
    if (!firsts.has(key)) firsts.set(key, b);
  }
  const { rows } = await pool.query<{ org: string; batch_id: string }>({
    name: 'ingest',
    text: INGEST,
    values: [JSON.stringify([...firsts.values()]), utcToday()],
  });
  const counted = new Set(rows.map((r) => firsts.get(`${r.org}\u0000${r.batch_id}`)));
  return group.map((b) => !counted.has(b));
}

/** Deadlocks and serialization failures are the database's to resolve: retry a few times. */
async function commitWithRetry(pool: pg.Pool, group: readonly PendingBatch[]): Promise<boolean[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitGroup(pool, group);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

/**
 * Group statements one replica runs at once: enough to overlap round trips, few enough that
 * batches queue up and share commits (they would mostly wait on each other's row locks anyway).
 */
const DEFAULT_IN_FLIGHT = 2;

export interface PostgresOptions {
  connectionString: string;
  /** Connections per replica. */
  poolSize?: number;
  /** Batch transactions at once (at most poolSize). */
  inFlight?: number;
}

export async function openPostgresStore(options: PostgresOptions): Promise<SignalStore> {
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: poolSize });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const groups = new GroupCommit((group) => commitWithRetry(pool, group), {
    inFlight: Math.min(options.inFlight ?? DEFAULT_IN_FLIGHT, poolSize),
  });

  return {
    kind: 'postgres',
    ingest(org, batchId, signals) {
      return groups.submit({ org, batchId, signals });
    },
    async counters(org: string, period: Period, kinds?: readonly SignalKind[]) {
      const { rows } = await pool.query({
        name: kinds ? 'select-counters-of-kinds' : 'select-counters',
        text: `SELECT day, role, crm, kind, guide, version, step, page_type AS "pageType", field,
            cohort, count::float8 AS count, contributors::float8 AS contributors,
            score_sum::float8 AS "scoreSum"
          FROM counters WHERE org = $1 AND day BETWEEN $2 AND $3
            ${kinds ? 'AND kind = ANY($4::text[])' : ''}
          ORDER BY day, role, crm, kind, guide, version, step, page_type, field, cohort`,
        values: kinds ? [org, period.from, period.to, kinds] : [org, period.from, period.to],
      });
      return rows as CounterRow[];
    },
    async insertToken(t) {
      await pool.query(
        'INSERT INTO tokens (id, org, kind, hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [t.id, t.org, t.kind, t.hash, t.createdAt],
      );
    },
    async findToken(hash) {
      const { rows } = await pool.query<TokenRow>({
        name: 'find-token',
        text: 'SELECT id, org, kind, created_at, revoked_at FROM tokens WHERE hash = $1',
        values: [hash],
      });
      return rows[0] && toRecord(rows[0]);
    },
    async listTokens(org) {
      const { rows } = org
        ? await pool.query<TokenRow>(
            `SELECT id, org, kind, created_at, revoked_at FROM tokens WHERE org = $1
              ORDER BY created_at, id`,
            [org],
          )
        : await pool.query<TokenRow>(
            'SELECT id, org, kind, created_at, revoked_at FROM tokens ORDER BY org, created_at, id',
          );
      return rows.map(toRecord);
    },
    async revokeToken(id, at) {
      const result = await pool.query(
        'UPDATE tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2',
        [at, id],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async close() {
      await groups.settled();
      await pool.end();
    },
    async orgData(org) {
      const { rows } = await pool.query<OrgData>(
        `SELECT count(*)::float8 AS counters, min(day) AS "from", max(day) AS "to",
            (SELECT count(*) FROM batches WHERE org = $1)::float8 AS batches
          FROM counters WHERE org = $1`,
        [org],
      );
      return rows[0] ?? { counters: 0, batches: 0, from: null, to: null };
    },
    async deleteOrgData(org) {
      // Batches already queued for the org are counted first, then deleted with the rest.
      await groups.settled();
      // One statement, so one transaction.
      const { rows } = await pool.query<{ counters: number; batches: number }>(
        `WITH c AS (DELETE FROM counters WHERE org = $1 RETURNING 1),
            b AS (DELETE FROM batches WHERE org = $1 RETURNING 1)
          SELECT (SELECT count(*) FROM c)::float8 AS counters,
            (SELECT count(*) FROM b)::float8 AS batches`,
        [org],
      );
      return rows[0] ?? { counters: 0, batches: 0 };
    },
  };
}
