/**
 * Schema versions, applied in order on start. Each store records the versions it applied in
 * `schema_migrations`; never edit a released migration, add the next one.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  description: string;
  statements(dialect: Dialect): string[];
}

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_on TEXT NOT NULL
)`;

/** The counter key columns of migration 1 (released: never change). */
const KEY_COLUMNS_V1 = [
  'org',
  'day',
  'role',
  'crm',
  'kind',
  'guide',
  'version',
  'step',
  'page_type',
  'field',
] as const;

/**
 * The counter key columns, in primary-key order (org first, then day for period scans); cohort
 * last, so that it is the primary key of version 1 extended and period scans stay as they were.
 */
export const KEY_COLUMNS = [...KEY_COLUMNS_V1, 'cohort'] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tokens, batches and daily counters',
    statements: (dialect) => {
      // SQLite stores a composite-keyed table best as a clustered index.
      const clustered = dialect === 'sqlite' ? ' WITHOUT ROWID' : '';
      // Counters are updated in place all day: free room on each page lets PostgreSQL keep the
      // new row version on the same page without touching the index (a HOT update).
      const roomy = dialect === 'postgres' ? ' WITH (fillfactor = 70)' : '';
      return [
        `CREATE TABLE tokens (
          id TEXT PRIMARY KEY,
          org TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('ingest', 'admin')),
          hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        )`,
        'CREATE INDEX tokens_org ON tokens (org)',
        // The day a batch arrived, no finer: enough to prune old ids, too coarse to link batches.
        `CREATE TABLE batches (
          org TEXT NOT NULL,
          batch_id TEXT NOT NULL,
          received_on TEXT NOT NULL,
          PRIMARY KEY (org, batch_id)
        )${clustered}`,
        `CREATE TABLE counters (
          org TEXT NOT NULL,
          day TEXT NOT NULL,
          role TEXT NOT NULL,
          crm TEXT NOT NULL,
          kind TEXT NOT NULL,
          guide TEXT NOT NULL,
          version INTEGER NOT NULL,
          step TEXT NOT NULL,
          page_type TEXT NOT NULL,
          field TEXT NOT NULL,
          count BIGINT NOT NULL,
          contributors BIGINT NOT NULL,
          score_sum BIGINT NOT NULL,
          PRIMARY KEY (${KEY_COLUMNS_V1.join(', ')})
        )${clustered}${roomy}`,
      ];
    },
  },
  {
    version: 2,
    description: 'cohort in the counter key',
    statements: (dialect) => {
      if (dialect === 'postgres') {
        // Existing rows predate cohorts: '' is what their browsers send now too.
        return [
          "ALTER TABLE counters ADD COLUMN cohort TEXT NOT NULL DEFAULT ''",
          'ALTER TABLE counters DROP CONSTRAINT counters_pkey',
          `ALTER TABLE counters ADD CONSTRAINT counters_pkey PRIMARY KEY (${KEY_COLUMNS.join(', ')})`,
        ];
      }
      // SQLite cannot change a primary key in place: the table is rebuilt, inside the
      // migration's transaction, so a failure leaves the old table as it was.
      const v1 = KEY_COLUMNS_V1.join(', ');
      return [
        `CREATE TABLE counters_v2 (
          org TEXT NOT NULL,
          day TEXT NOT NULL,
          role TEXT NOT NULL,
          crm TEXT NOT NULL,
          kind TEXT NOT NULL,
          guide TEXT NOT NULL,
          version INTEGER NOT NULL,
          step TEXT NOT NULL,
          page_type TEXT NOT NULL,
          field TEXT NOT NULL,
          count BIGINT NOT NULL,
          contributors BIGINT NOT NULL,
          score_sum BIGINT NOT NULL,
          cohort TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (${KEY_COLUMNS.join(', ')})
        ) WITHOUT ROWID`,
        `INSERT INTO counters_v2 (${v1}, count, contributors, score_sum, cohort)
          SELECT ${v1}, count, contributors, score_sum, '' FROM counters`,
        'DROP TABLE counters',
        'ALTER TABLE counters_v2 RENAME TO counters',
      ];
    },
  },
  {
    version: 3,
    description: 'trainer tokens with labels; guide versions and their append-only history',
    statements: (dialect) => {
      const clustered = dialect === 'sqlite' ? ' WITHOUT ROWID' : '';
      const guides = [
        // A version's text never changes once published: a change is a new version.
        `CREATE TABLE guide_versions (
          org TEXT NOT NULL,
          guide_id TEXT NOT NULL,
          number INTEGER NOT NULL,
          body TEXT NOT NULL,
          published_at TEXT NOT NULL,
          published_by TEXT NOT NULL,
          PRIMARY KEY (org, guide_id, number)
        )${clustered}`,
        // Every state a version entered, in order; a version's state is its latest row here.
        `CREATE TABLE guide_changes (
          org TEXT NOT NULL,
          guide_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          number INTEGER NOT NULL,
          action TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('draft', 'pilot', 'live', 'retired')),
          rollout TEXT,
          changed_at TEXT NOT NULL,
          changed_by TEXT NOT NULL,
          PRIMARY KEY (org, guide_id, seq)
        )${clustered}`,
      ];
      if (dialect === 'postgres') {
        return [
          'ALTER TABLE tokens DROP CONSTRAINT tokens_kind_check',
          "ALTER TABLE tokens ADD CONSTRAINT tokens_kind_check CHECK (kind IN ('ingest', 'admin', 'trainer'))",
          "ALTER TABLE tokens ADD COLUMN label TEXT NOT NULL DEFAULT ''",
          ...guides,
        ];
      }
      // SQLite cannot change a CHECK constraint in place: the table is rebuilt.
      return [
        `CREATE TABLE tokens_v3 (
          id TEXT PRIMARY KEY,
          org TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('ingest', 'admin', 'trainer')),
          hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT,
          label TEXT NOT NULL DEFAULT ''
        )`,
        `INSERT INTO tokens_v3 (id, org, kind, hash, created_at, revoked_at)
          SELECT id, org, kind, hash, created_at, revoked_at FROM tokens`,
        'DROP TABLE tokens',
        'ALTER TABLE tokens_v3 RENAME TO tokens',
        'CREATE INDEX tokens_org ON tokens (org)',
        ...guides,
      ];
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
