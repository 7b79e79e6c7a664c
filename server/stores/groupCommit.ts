/**
 * Group commit: batches that arrive while the store is busy wait for the next transaction and
 * share it. Each batch's id and all its counters are still written in one transaction (the same
 * one), so exactly-once holds; what is saved is the per-transaction cost (commit, WAL pages,
 * round trips) and the upserts of keys several batches share.
 */
import type { Signal } from '../../core/signals';
import type { CounterRow } from '../../core/snapshot';
import { RevokedTokenError } from './types';

export interface PendingBatch {
  org: string;
  batchId: string;
  signals: readonly Signal[];
  /** The token that sent it: the batch counts only while that token is live. */
  tokenId?: string;
}

/** What became of a batch in its group's transaction. */
export type BatchAnswer = 'counted' | 'duplicate' | 'revoked';

export type OrgCounterRow = CounterRow & { org: string };

/**
 * Commits a group in one transaction; resolves to each batch's answer. With the `sum` option,
 * `sums` holds the signals of the group's batches, each batch id once (its first copy).
 */
export type CommitGroup = (
  group: readonly PendingBatch[],
  sums?: CounterSums,
) => Promise<BatchAnswer[]>;

interface Waiting {
  batch: PendingBatch;
  resolve(result: { duplicate: boolean }): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** Transactions running at once (1 for SQLite, which has one writer). */
  inFlight: number;
  /** A group stops growing past this many signals. */
  maxRows?: number;
  /**
   * Sum each batch's signals into its group's counters as it arrives, while the store is busy
   * with the previous group, rather than when the group starts.
   */
  sum?: boolean;
}

/** Batches waiting for the same transaction. */
interface Forming {
  waiting: Waiting[];
  signals: number;
  summed?: { ids: Set<string>; sums: CounterSums };
}

export class GroupCommit {
  private readonly forming: Forming[] = [];
  private running = 0;
  private scheduled = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly commit: CommitGroup,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves once every submitted batch has been committed or refused (before closing). */
  settled(): Promise<void> {
    if (this.forming.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  submit(batch: PendingBatch): Promise<{ duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      const maxRows = this.options.maxRows ?? 10_000;
      let group = this.forming[this.forming.length - 1];
      if (!group || group.signals >= maxRows) {
        group = { waiting: [], signals: 0 };
        if (this.options.sum) group.summed = { ids: new Set(), sums: new CounterSums() };
        this.forming.push(group);
      }
      group.waiting.push({ batch, resolve, reject });
      group.signals += batch.signals.length;
      if (group.summed) {
        // A batch id twice in one group: the first copy stands for both.
        const { ids, sums } = group.summed;
        const id = `${batch.org}\u0000${batch.batchId}`;
        if (!ids.has(id)) sums.add(batch.org, batch.signals);
        ids.add(id);
      }
      this.schedule();
    });
  }

  // After the current I/O phase: every request whose body arrived in it joins the group.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.options.inFlight && this.forming.length > 0) {
      const { waiting, summed } = this.forming.shift() as Forming;
      this.running++;
      const settle = (answer: (w: Waiting, i: number) => void) => {
        this.running--;
        // The batches that queued meanwhile go to the store before this group's callers are
        // answered: the store works on them while the answers are written.
        this.drain();
        waiting.forEach(answer);
        if (this.running === 0 && this.forming.length === 0) {
          for (const resolve of this.idle.splice(0)) resolve();
        }
      };
      this.commit(
        waiting.map((w) => w.batch),
        summed?.sums,
      ).then(
        (answers) =>
          settle((w, i) =>
            answers[i] === 'revoked'
              ? w.reject(new RevokedTokenError(w.batch.tokenId ?? ''))
              : w.resolve({ duplicate: answers[i] === 'duplicate' }),
          ),
        (error: unknown) => settle((w) => w.reject(error)),
      );
    }
  }
}

/** Counter increments summed per org and key. */
export class CounterSums {
  private readonly byKey = new Map<string, OrgCounterRow>();

  add(org: string, signals: readonly Signal[]): void {
    for (const s of signals) {
      const key = `${org}\u0000${s.day}\u0000${s.role}\u0000${s.crm}\u0000${s.kind}\u0000${s.guide}\u0000${s.version}\u0000${s.step}\u0000${s.pageType}\u0000${s.field}\u0000${s.cohort}`;
      const row = this.byKey.get(key);
      if (row) {
        row.count += s.count;
        row.contributors += s.contributor;
        row.scoreSum += s.scoreSum;
      } else {
        this.byKey.set(key, {
          org,
          day: s.day,
          role: s.role,
          crm: s.crm,
          kind: s.kind,
          guide: s.guide,
          version: s.version,
          step: s.step,
          pageType: s.pageType,
          field: s.field,
          cohort: s.cohort,
          count: s.count,
          contributors: s.contributor,
          scoreSum: s.scoreSum,
        });
      }
    }
  }

  /** The rows, in the order their keys first came. */
  rows(): OrgCounterRow[] {
    return [...this.byKey.values()];
  }

  /** The rows in key order, the keys compared as strings. */
  rowsInKeyOrder(): OrgCounterRow[] {
    return [...this.byKey.keys()].sort().map((key) => this.byKey.get(key) as OrgCounterRow);
  }
}

/** The signals of these batches, summed per org and key. */
export function sumBatches(batches: readonly PendingBatch[]): CounterSums {
  const sums = new CounterSums();
  for (const { org, signals } of batches) sums.add(org, signals);
  return sums;
}

/**
 * The counter increments of the batches a group counts, summed per org and key, so that each row
 * is written once per transaction.
 */
export function mergeGroup(batches: readonly PendingBatch[]): OrgCounterRow[] {
  return sumBatches(batches).rows();
}
