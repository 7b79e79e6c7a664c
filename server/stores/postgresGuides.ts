/** Guide versions and their history in PostgreSQL: appended to, never updated. */
import type pg from 'pg';
import {
  GuideChangeConflict,
  type GuideChangeRow,
  type GuideVersionRow,
  type SignalStore,
} from './types';

const VERSION_COLUMNS = `guide_id AS "guideId", number, body, published_at AS "publishedAt",
  published_by AS "publishedBy"`;
const CHANGE_COLUMNS = `guide_id AS "guideId", seq, number, action, state, rollout,
  changed_at AS at, changed_by AS by`;
const UNIQUE_VIOLATION = '23505';

export function postgresGuideTables(
  pool: pg.Pool,
): Pick<SignalStore, 'guideRecords' | 'recordGuideChanges'> {
  return {
    async guideRecords(org, guideId) {
      const filter = guideId === undefined ? '' : 'AND guide_id = $2';
      const values = guideId === undefined ? [org] : [org, guideId];
      const [versions, changes] = await Promise.all([
        pool.query<GuideVersionRow>(
          `SELECT ${VERSION_COLUMNS} FROM guide_versions WHERE org = $1 ${filter}
            ORDER BY guide_id, number`,
          values,
        ),
        pool.query<GuideChangeRow>(
          `SELECT ${CHANGE_COLUMNS} FROM guide_changes WHERE org = $1 ${filter}
            ORDER BY guide_id, seq`,
          values,
        ),
      ]);
      return { versions: versions.rows, changes: changes.rows };
    },
    async recordGuideChanges(org, set) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // One writer per guide at a time; other guides and the counters go on meanwhile.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${org}/${set.guideId}`]);
        const { rows } = await client.query<{ seq: number }>(
          `SELECT coalesce(max(seq), 0)::int AS seq FROM guide_changes
            WHERE org = $1 AND guide_id = $2`,
          [org, set.guideId],
        );
        if (rows[0]?.seq !== set.afterSeq) throw new GuideChangeConflict(set.guideId);
        const v = set.version;
        if (v) {
          await client.query(
            `INSERT INTO guide_versions (org, guide_id, number, body, published_at, published_by)
              VALUES ($1, $2, $3, $4, $5, $6)`,
            [org, v.guideId, v.number, v.body, v.publishedAt, v.publishedBy],
          );
        }
        for (const c of set.changes) {
          await client.query(
            `INSERT INTO guide_changes (org, guide_id, seq, number, action, state, rollout,
                changed_at, changed_by)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [org, c.guideId, c.seq, c.number, c.action, c.state, c.rollout, c.at, c.by],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          throw new GuideChangeConflict(set.guideId, { cause: error });
        }
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
