/**
 * The storage contract of the endpoint. Two implementations (SQLite file, PostgreSQL) answer the
 * same calls with the same results; the app never sees SQL.
 */
import type { Signal, SignalKind } from '../../core/signals';
import type { GuideChangeRow } from '../../core/guide/lifecycle';
import type { CounterRow, Period } from '../../core/snapshot';

export type { GuideChangeRow } from '../../core/guide/lifecycle';

export type TokenKind = 'ingest' | 'admin' | 'trainer';
export const TOKEN_KINDS: readonly TokenKind[] = ['ingest', 'admin', 'trainer'];

export interface TokenRecord {
  id: string;
  org: string;
  kind: TokenKind;
  /** ISO timestamp. */
  createdAt: string;
  revokedAt: string | null;
  /** What the admin named it ("Sales enablement team"): kept with each guide change it makes. */
  label: string;
}

/** A published guide version: its text never changes. */
export interface GuideVersionRow {
  guideId: string;
  number: number;
  /** The guide JSON as served, its `version` equal to `number`. */
  body: string;
  publishedAt: string;
  /** The label of the token that published it. */
  publishedBy: string;
}

/** What one lifecycle action writes, all or nothing. */
export interface GuideChangeSet {
  guideId: string;
  /** The changes already recorded for the guide: the write fails if another has landed since. */
  afterSeq: number;
  version?: GuideVersionRow;
  changes: GuideChangeRow[];
}

/** Another change to the same guide landed first; nothing was written. */
export class GuideChangeConflict extends Error {}

export interface SignalStore {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Records the batch id and adds its signals to the counters in one transaction. A batch id the
   * org has already sent changes nothing and returns `duplicate: true`. With the id of the token
   * that sent it, the batch counts only if that token is not revoked in the same transaction;
   * otherwise nothing changes and it rejects with `RevokedTokenError`.
   */
  ingest(
    org: string,
    batchId: string,
    signals: readonly Signal[],
    tokenId?: string,
  ): Promise<{ duplicate: boolean }>;
  /** Counter rows of an org whose day lies in the period (of these kinds only), in key order. */
  counters(org: string, period: Period, kinds?: readonly SignalKind[]): Promise<CounterRow[]>;
  insertToken(token: TokenRecord & { hash: string }): Promise<void>;
  /**
   * The token with this sha256 hash (hex), revoked or not. `forIngest`: the caller only sends
   * batches with it, and `ingest` checks revocation itself, so a live token read a moment ago
   * will do.
   */
  findToken(hash: string, forIngest?: boolean): Promise<TokenRecord | undefined>;
  listTokens(org?: string): Promise<TokenRecord[]>;
  /**
   * Forgets the batch ids received before this day (YYYY-MM-DD): a replay older than that would
   * count again. Resolves to how many were forgotten.
   */
  pruneBatchIds(receivedBefore: string): Promise<number>;
  /** Marks the token revoked; false when no such token exists. */
  revokeToken(id: string, at: string): Promise<boolean>;
  close(): Promise<void>;
  /** What an org has stored: counter rows (with their first and last day) and batch ids. */
  orgData(org: string): Promise<OrgData>;
  /**
   * Deletes an org's counters and batch ids in one transaction, so that generated data can be
   * replaced rather than added to; its tokens stay. Resolves to what was deleted.
   */
  deleteOrgData(org: string): Promise<Pick<OrgData, 'counters' | 'batches'>>;
  /** An organisation's guide versions and changes (of one guide, or all), in order. */
  guideRecords(
    org: string,
    guideId?: string,
  ): Promise<{ versions: GuideVersionRow[]; changes: GuideChangeRow[] }>;
  /** Writes a change set in one transaction, or rejects with GuideChangeConflict. */
  recordGuideChanges(org: string, set: GuideChangeSet): Promise<void>;
}

/** A batch's token was revoked before the batch could be counted. */
export class RevokedTokenError extends Error {
  constructor(readonly tokenId: string) {
    super(`token ${tokenId} is revoked`);
    this.name = 'RevokedTokenError';
  }
}

export interface OrgData {
  counters: number;
  batches: number;
  /** First and last day with counters; null when there are none. */
  from: string | null;
  to: string | null;
}

/** A token as both stores keep it (column names), without its hash. */
export interface TokenRow {
  id: string;
  org: string;
  kind: TokenKind;
  created_at: string;
  revoked_at: string | null;
  label: string;
}

export const toRecord = (row: TokenRow): TokenRecord => ({
  id: row.id,
  org: row.org,
  kind: row.kind,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  label: row.label,
});
