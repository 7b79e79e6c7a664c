/**
 * The PostgreSQL store: for several stateless endpoint replicas sharing one database. A batch's
 * id and its counters go in one transaction, shared with the other batches of its group and
 * mostly one statement; replicas racing on a replayed id serialize on its primary key and only
 * one of them counts it.
 */
import pg from 'pg';
import type { SignalKind } from '../../core/signals';
import type { CounterRow, Period } from '../../core/snapshot';
import {
  GroupCommit,
  sumBatches,
  type BatchAnswer,
  type CounterSums,
  type OrgCounterRow,
  type PendingBatch,
} from './groupCommit';
import { utcDay } from '../../core/days';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';
import { postgresGuideTables } from './postgresGuides';
import {
  RevokedTokenError,
  toRecord,
  type OrgData,
  type SignalStore,
  type TokenRecord,
  type TokenRow,
} from './types';

/** Any constant shared by all replicas: serializes their migrations on start. */
const MIGRATION_LOCK = 0x77617970;

/**
 * Adds counter rows given as one array per column ($1 to $14), one row per key (a group's signals
 * are summed per key before they are sent). Rows go in key order as sent, so that statements of
 * other replicas lock them in the same order and cannot deadlock. Sorting them here would cost
 * the database about a third of the statement; ORDER BY n costs nothing (n is in order already).
 */
const ADD_COUNTERS = `INSERT INTO counters (org, day, role, crm, kind, guide, version, step,
    page_type, field, cohort, count, contributors, score_sum)
  SELECT org, day, role, crm, kind, guide, version, step, page_type, field, cohort, count,
    contributors, score_sum
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
    $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::bigint[],
    $14::bigint[])
    WITH ORDINALITY AS c(org, day, role, crm, kind, guide, version, step, page_type, field, cohort,
      count, contributors, score_sum, n)
  ORDER BY n
  ON CONFLICT (org, day, role, crm, kind, guide, version, step, page_type, field, cohort)
  DO UPDATE SET count = counters.count + excluded.count,
    contributors = counters.contributors + excluded.contributors,
    score_sum = counters.score_sum + excluded.score_sum`;

/**
 * A group in one statement, so one round trip and one transaction: if the tokens that sent it
 * ($18, distinct) are all live, its batch ids ($15 received on, $16 orgs, $17 ids) are inserted,
 * then its counters added; it answers how many ids it inserted. A batch id already stored (a
 * replay, rare) fails the whole statement on the primary key, and a revoked token makes it insert
 * nothing: either way the group is counted again by `commitCarefully`. The counters wait for the
 * count of inserted ids, so the ids are locked first, in id order, as in that transaction.
 * Data-modifying WITH clauses always run to completion.
 */
const INGEST = `WITH live AS (
    SELECT count(*) AS n FROM tokens WHERE id = ANY($18::text[]) AND revoked_at IS NULL
  ), inserted AS (
    INSERT INTO batches (org, batch_id, received_on)
    SELECT org, batch_id, $15 FROM unnest($16::text[], $17::text[]) AS b(org, batch_id)
    WHERE (SELECT n FROM live) = cardinality($18::text[])
    ORDER BY org, batch_id
    RETURNING 1
  ), counted AS (
    ${ADD_COUNTERS.replace('ORDER BY n', 'WHERE (SELECT count(*) FROM inserted) > 0\n  ORDER BY n')}
  )
  SELECT count(*)::int AS inserted FROM inserted`;

/** Of these tokens, the live ones. */
const LIVE_TOKENS = 'SELECT id FROM tokens WHERE id = ANY($1::text[]) AND revoked_at IS NULL';

/** The new ids of a group, inserted; those already stored are left as they are. */
const INSERT_NEW_IDS = `INSERT INTO batches (org, batch_id, received_on)
  SELECT org, batch_id, $1 FROM unnest($2::text[], $3::text[]) AS b(org, batch_id)
  ORDER BY org, batch_id
  ON CONFLICT DO NOTHING
  RETURNING org, batch_id`;

/**
 * A PostgreSQL array literal of strings or numbers. JSON.stringify writes one natively, braces
 * aside, as long as it escapes nothing but quotes and backslashes (which the array syntax escapes
 * the same way); with anything else (control characters, lone surrogates) the driver encodes it.
 */
function arrayLiteral(values: readonly (string | number)[]): string | readonly (string | number)[] {
  const json = JSON.stringify(values);
  return /\\[^"\\]/.test(json) ? values : `{${json.slice(1, -1)}}`;
}

/** The parameters $1 to $14 of ADD_COUNTERS and INGEST. */
function counterArrays(sums: CounterSums): unknown[] {
  const rows = sums.rowsInKeyOrder();
  const column = (pick: (r: OrgCounterRow) => string | number) => arrayLiteral(rows.map(pick));
  return [
    column((r) => r.org),
    column((r) => r.day),
    column((r) => r.role),
    column((r) => r.crm),
    column((r) => r.kind),
    column((r) => r.guide),
    column((r) => r.version),
    column((r) => r.step),
    column((r) => r.pageType),
    column((r) => r.field),
    column((r) => r.cohort),
    column((r) => r.count),
    column((r) => r.contributors),
    column((r) => r.scoreSum),
  ];
}

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
        [migration.version, migration.description, utcDay(Date.now())],
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

const keyOf = (b: PendingBatch) => `${b.org}\u0000${b.batchId}`;

const tokensOf = (batches: readonly PendingBatch[]) => [
  ...new Set(batches.flatMap((b) => (b.tokenId === undefined ? [] : [b.tokenId]))),
];

/**
 * Counts a group; resolves to each batch's answer. `sums` are the signals of the group's batches,
 * each batch id once, when summed already.
 */
async function commitGroup(
  pool: pg.Pool,
  group: readonly PendingBatch[],
  sums: CounterSums | undefined,
): Promise<BatchAnswer[]> {
  // A batch id twice in one group: the first copy stands for both.
  const firsts = new Map<string, PendingBatch>();
  for (const b of group) if (!firsts.has(keyOf(b))) firsts.set(keyOf(b), b);
  const batches = [...firsts.values()];
  try {
    const { rows } = await pool.query<{ inserted: number }>({
      name: 'ingest',
      text: INGEST,
      values: [
        ...counterArrays(sums ?? sumBatches(batches)),
        utcDay(Date.now()),
        arrayLiteral(batches.map((b) => b.org)),
        arrayLiteral(batches.map((b) => b.batchId)),
        arrayLiteral(tokensOf(batches)),
      ],
    });
    if (rows[0]?.inserted === batches.length) {
      return group.map((b) => (firsts.get(keyOf(b)) === b ? 'counted' : 'duplicate'));
    }
    // Nothing was written: a token of the group has been revoked.
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code !== '23505' || constraint !== 'batches_pkey') throw error;
  }
  return commitCarefully(pool, group, firsts);
}

/**
 * A group holding a replayed batch id or a revoked token, in one transaction: the new ids of
 * batches whose token is live, and their counters.
 */
async function commitCarefully(
  pool: pg.Pool,
  group: readonly PendingBatch[],
  firsts: ReadonlyMap<string, PendingBatch>,
): Promise<BatchAnswer[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const { rows: liveRows } = await client.query<{ id: string }>({
      name: 'live-tokens',
      text: LIVE_TOKENS,
      values: [tokensOf(group)],
    });
    const live = new Set(liveRows.map((r) => r.id));
    const allowed = (b: PendingBatch) => b.tokenId === undefined || live.has(b.tokenId);
    const batches = [...firsts.values()].filter(allowed);
    const { rows } = await client.query<{ org: string; batch_id: string }>({
      name: 'insert-new-ids',
      text: INSERT_NEW_IDS,
      values: [utcDay(Date.now()), batches.map((b) => b.org), batches.map((b) => b.batchId)],
    });
    const counted = new Set(rows.map((r) => firsts.get(`${r.org}\u0000${r.batch_id}`)));
    if (counted.size > 0) {
      await client.query({
        name: 'add-counters',
        text: ADD_COUNTERS,
        values: counterArrays(sumBatches(batches.filter((b) => counted.has(b)))),
      });
    }
    await client.query('COMMIT');
    return group.map((b) => {
      if (!allowed(b)) return 'revoked';
      return counted.has(b) ? 'counted' : 'duplicate';
    });
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Live ingest tokens kept by hash: every browser of a large organisation, with room to spare. */
const INGEST_TOKENS_KEPT = 10_000;

/** Deadlocks and serialization failures are the database's to resolve: retry a few times. */
async function commitWithRetry(
  pool: pg.Pool,
  group: readonly PendingBatch[],
  sums: CounterSums | undefined,
): Promise<BatchAnswer[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitGroup(pool, group, sums);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

/**
 * Group statements one replica runs at once. Groups share the busiest counter rows, so a second
 * one would mostly wait on the first one's row locks; with one, the batches arriving meanwhile
 * share the next statement, which starts before the last group's requests are answered.
 */
const DEFAULT_IN_FLIGHT = 1;

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

  // Ingest checks revocation in its own transaction, so a live ingest token found once can
  // stand for the next requests: one lookup per token instead of one per request.
  const ingestTokens = new Map<string, TokenRecord>();
  const forgetToken = (id: string) => {
    for (const [hash, t] of ingestTokens) if (t.id === id) ingestTokens.delete(hash);
  };
  const groups = new GroupCommit((group, sums) => commitWithRetry(pool, group, sums), {
    inFlight: Math.min(options.inFlight ?? DEFAULT_IN_FLIGHT, poolSize),
    // The store is busy with a statement most of the time: the signals are summed meanwhile.
    sum: true,
  });

  return {
    kind: 'postgres',
    async ingest(org, batchId, signals, tokenId) {
      try {
        return await groups.submit({ org, batchId, signals, tokenId });
      } catch (error) {
        if (error instanceof RevokedTokenError) {
          forgetToken(error.tokenId);
        }
        throw error;
      }
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
    ...postgresGuideTables(pool),
    async insertToken(t) {
      await pool.query(
        'INSERT INTO tokens (id, org, kind, hash, created_at, label) VALUES ($1, $2, $3, $4, $5, $6)',
        [t.id, t.org, t.kind, t.hash, t.createdAt, t.label],
      );
    },
    async findToken(hash, forIngest) {
      const kept = forIngest ? ingestTokens.get(hash) : undefined;
      if (kept) return kept;
      const { rows } = await pool.query<TokenRow>({
        name: 'find-token',
        text: 'SELECT id, org, kind, created_at, revoked_at, label FROM tokens WHERE hash = $1',
        values: [hash],
      });
      const record = rows[0] && toRecord(rows[0]);
      if (forIngest && record?.kind === 'ingest' && !record.revokedAt) {
        if (ingestTokens.size >= INGEST_TOKENS_KEPT) ingestTokens.clear();
        ingestTokens.set(hash, record);
      }
      return record;
    },
    async listTokens(org) {
      const { rows } = org
        ? await pool.query<TokenRow>(
            `SELECT id, org, kind, created_at, revoked_at, label FROM tokens WHERE org = $1
              ORDER BY created_at, id`,
            [org],
          )
        : await pool.query<TokenRow>(
            'SELECT id, org, kind, created_at, revoked_at, label FROM tokens ORDER BY org, created_at, id',
          );
      return rows.map(toRecord);
    },
    async revokeToken(id, at) {
      forgetToken(id);
      const result = await pool.query(
        'UPDATE tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2',
        [at, id],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async pruneBatchIds(receivedBefore) {
      const result = await pool.query('DELETE FROM batches WHERE received_on < $1', [
        receivedBefore,
      ]);
      return result.rowCount ?? 0;
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
