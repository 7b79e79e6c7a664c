/**
 * The SQLite store: one file, zero set-up, for one endpoint process. WAL lets the token CLI and
 * readers work beside the server; synchronous=NORMAL in WAL mode may lose the last commits on a
 * power cut but never splits a transaction, so a batch and its counters vanish together and the
 * browser's retry counts them once.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SignalKind } from '../../core/signals';
import type { CounterRow, Period } from '../../core/snapshot';
import { GroupCommit, mergeGroup, type BatchAnswer, type PendingBatch } from './groupCommit';
import { utcDay } from '../../core/days';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations';
import {
  GuideChangeConflict,
  toRecord,
  type GuideChangeRow,
  type GuideChangeSet,
  type GuideVersionRow,
  type SignalStore,
  type TokenRow,
} from './types';

function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const applied = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
      v: number | null;
    };
    for (const migration of MIGRATIONS) {
      if (migration.version <= (applied.v ?? 0)) continue;
      for (const sql of migration.statements('sqlite')) db.exec(sql);
      db.prepare(
        'INSERT INTO schema_migrations (version, description, applied_on) VALUES (?, ?, ?)',
      ).run(migration.version, migration.description, utcDay(Date.now()));
    }
  }).immediate();
}

/** Counts a group of batches in one transaction; a batch counts only if its token is live then. */
function groupCounting(db: Database.Database): GroupCommit {
  const insertBatch = db.prepare(
    'INSERT INTO batches (org, batch_id, received_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const upsert = db.prepare(
    `INSERT INTO counters (org, day, role, crm, kind, guide, version, step, page_type, field,
       cohort, count, contributors, score_sum)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET count = count + excluded.count,
       contributors = contributors + excluded.contributors,
       score_sum = score_sum + excluded.score_sum`,
  );
  const tokenState = db.prepare('SELECT revoked_at FROM tokens WHERE id = ?');
  const commitGroup = db.transaction((group: readonly PendingBatch[]): BatchAnswer[] => {
    const today = utcDay(Date.now());
    const live = new Map<string, boolean>();
    const isLive = (tokenId: string) => {
      let known = live.get(tokenId);
      if (known === undefined) {
        const row = tokenState.get(tokenId) as { revoked_at: string | null } | undefined;
        known = row !== undefined && row.revoked_at === null;
        live.set(tokenId, known);
      }
      return known;
    };
    const answers = group.map((b): BatchAnswer => {
      if (b.tokenId !== undefined && !isLive(b.tokenId)) return 'revoked';
      return insertBatch.run(b.org, b.batchId, today).changes === 0 ? 'duplicate' : 'counted';
    });
    for (const c of mergeGroup(group.filter((_, i) => answers[i] === 'counted'))) {
      upsert.run(
        c.org,
        c.day,
        c.role,
        c.crm,
        c.kind,
        c.guide,
        c.version,
        c.step,
        c.pageType,
        c.field,
        c.cohort,
        c.count,
        c.contributors,
        c.scoreSum,
      );
    }
    return answers;
  });
  // One writer: one transaction at a time; batches arriving meanwhile share the next one.
  return new GroupCommit(async (group) => commitGroup.immediate(group), { inFlight: 1 });
}

type TokenTable = Pick<SignalStore, 'insertToken' | 'findToken' | 'listTokens' | 'revokeToken'>;

/** Tokens, kept by hash only. */
function tokenTable(db: Database.Database): TokenTable {
  const insertToken = db.prepare(
    'INSERT INTO tokens (id, org, kind, hash, created_at, label) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tokenColumns = 'id, org, kind, created_at, revoked_at, label';
  const findToken = db.prepare(`SELECT ${tokenColumns} FROM tokens WHERE hash = ?`);
  const listAll = db.prepare(`SELECT ${tokenColumns} FROM tokens ORDER BY org, created_at, id`);
  const listOrg = db.prepare(
    `SELECT ${tokenColumns} FROM tokens WHERE org = ? ORDER BY created_at, id`,
  );
  const revoke = db.prepare('UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');
  return {
    async insertToken(t) {
      insertToken.run(t.id, t.org, t.kind, t.hash, t.createdAt, t.label);
    },
    async findToken(hash) {
      const row = findToken.get(hash) as TokenRow | undefined;
      return row && toRecord(row);
    },
    async listTokens(org) {
      return ((org ? listOrg.all(org) : listAll.all()) as TokenRow[]).map(toRecord);
    },
    async revokeToken(id, at) {
      return revoke.run(at, id).changes > 0;
    },
  };
}

type GuideTables = Pick<SignalStore, 'guideRecords' | 'recordGuideChanges'>;

/** Guide versions and their history: appended to, never updated. */
function guideTables(db: Database.Database): GuideTables {
  const versionColumns = `guide_id AS guideId, number, body, published_at AS publishedAt,
    published_by AS publishedBy`;
  const changeColumns = `guide_id AS guideId, seq, number, action, state, rollout,
    changed_at AS at, changed_by AS by`;
  const versionsOf = (all: boolean) =>
    db.prepare(
      `SELECT ${versionColumns} FROM guide_versions WHERE org = ? ${all ? '' : 'AND guide_id = ?'}
       ORDER BY guide_id, number`,
    );
  const changesOf = (all: boolean) =>
    db.prepare(
      `SELECT ${changeColumns} FROM guide_changes WHERE org = ? ${all ? '' : 'AND guide_id = ?'}
       ORDER BY guide_id, seq`,
    );
  const [allVersions, oneVersions, allChanges, oneChanges] = [
    versionsOf(true),
    versionsOf(false),
    changesOf(true),
    changesOf(false),
  ];
  const lastSeq = db.prepare(
    'SELECT coalesce(max(seq), 0) AS seq FROM guide_changes WHERE org = ? AND guide_id = ?',
  );
  const insertVersion = db.prepare(
    `INSERT INTO guide_versions (org, guide_id, number, body, published_at, published_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO guide_changes (org, guide_id, seq, number, action, state, rollout, changed_at,
       changed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const record = db.transaction((org: string, set: GuideChangeSet) => {
    const { seq } = lastSeq.get(org, set.guideId) as { seq: number };
    if (seq !== set.afterSeq) throw new GuideChangeConflict(set.guideId);
    const v = set.version;
    if (v) insertVersion.run(org, v.guideId, v.number, v.body, v.publishedAt, v.publishedBy);
    for (const c of set.changes) {
      insertChange.run(org, c.guideId, c.seq, c.number, c.action, c.state, c.rollout, c.at, c.by);
    }
  });
  return {
    async guideRecords(org, guideId) {
      const args = guideId === undefined ? [org] : [org, guideId];
      const all = guideId === undefined;
      return {
        versions: (all ? allVersions : oneVersions).all(...args) as GuideVersionRow[],
        changes: (all ? allChanges : oneChanges).all(...args) as GuideChangeRow[],
      };
    },
    async recordGuideChanges(org, set) {
      try {
        record.immediate(org, set);
      } catch (error) {
        // Two publishes of one guide at once: the second finds its number taken.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new GuideChangeConflict(set.guideId, { cause: error });
        }
        throw error;
      }
    },
  };
}

export function openSqliteStore(path: string): SignalStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const groups = groupCounting(db);
  const pruneBatches = db.prepare('DELETE FROM batches WHERE received_on < ?');
  const selectCounters = (kindFilter: string) =>
    db.prepare(
      `SELECT day, role, crm, kind, guide, version, step, page_type AS pageType, field, cohort,
         count, contributors, score_sum AS scoreSum
       FROM counters WHERE org = ? AND day BETWEEN ? AND ? ${kindFilter}
       ORDER BY day, role, crm, kind, guide, version, step, page_type, field, cohort`,
    );
  const selectAll = selectCounters('');
  const selectKinds = selectCounters('AND kind IN (SELECT value FROM json_each(?))');

  return {
    kind: 'sqlite',
    ingest(org, batchId, signals, tokenId) {
      return groups.submit({ org, batchId, signals, tokenId });
    },
    async counters(org: string, period: Period, kinds?: readonly SignalKind[]) {
      return (
        kinds
          ? selectKinds.all(org, period.from, period.to, JSON.stringify(kinds))
          : selectAll.all(org, period.from, period.to)
      ) as CounterRow[];
    },
    ...tokenTable(db),
    ...guideTables(db),
    async pruneBatchIds(receivedBefore) {
      return pruneBatches.run(receivedBefore).changes;
    },
    async close() {
      await groups.settled();
      if (db.open) db.close();
    },
    async orgData(org) {
      const counters = db
        .prepare(
          'SELECT count(*) AS n, min(day) AS "from", max(day) AS "to" FROM counters WHERE org = ?',
        )
        .get(org) as { n: number; from: string | null; to: string | null };
      const batches = db.prepare('SELECT count(*) AS n FROM batches WHERE org = ?').get(org) as {
        n: number;
      };
      return { counters: counters.n, batches: batches.n, from: counters.from, to: counters.to };
    },
    async deleteOrgData(org) {
      // Batches already queued for the org are counted first, then deleted with the rest.
      await groups.settled();
      return db
        .transaction(() => ({
          counters: db.prepare('DELETE FROM counters WHERE org = ?').run(org).changes,
          batches: db.prepare('DELETE FROM batches WHERE org = ?').run(org).changes,
        }))
        .immediate();
    },
  };
}
