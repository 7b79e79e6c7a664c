/**
 * Group commit: batches that arrive while the store is busy wait for the next transaction and
 * share it. Each batch's id and all its counters are still written in one transaction (the same
 * one), so exactly-once holds; what is saved is the per-transaction cost (commit, WAL pages,
 * round trips) and the upserts of keys several batches share.
 */
import type { Signal } from '../../core/signals';
import type { CounterRow } from '../../core/snapshot';

export interface PendingBatch {
  org: string;
  batchId: string;
  signals: readonly Signal[];
}

export type OrgCounterRow = CounterRow & { org: string };

/** Commits a group in one transaction; resolves to each batch's "already counted" flag. */
export type CommitGroup = (group: readonly PendingBatch[]) => Promise<boolean[]>;

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
}

export class GroupCommit {
  private readonly queue: Waiting[] = [];
  private running = 0;
  private scheduled = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly commit: CommitGroup,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves once every submitted batch has been committed or refused (before closing). */
  settled(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  submit(batch: PendingBatch): Promise<{ duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
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
    const maxRows = this.options.maxRows ?? 10_000;
    while (this.running < this.options.inFlight && this.queue.length > 0) {
      let rows = 0;
      let size = 0;
      while (size < this.queue.length && (size === 0 || rows < maxRows)) {
        rows += this.queue[size]?.batch.signals.length ?? 0;
        size++;
      }
      const group = this.queue.splice(0, size);
      this.running++;
      this.commit(group.map((w) => w.batch))
        .then(
          (duplicates) => group.forEach((w, i) => w.resolve({ duplicate: duplicates[i] === true })),
          (error: unknown) => group.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.running--;
          if (this.queue.length > 0) this.schedule();
          else if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }
}

/**
 * The counter increments of the batches a group counts: signals summed per org and key, so each
 * row is written once per transaction.
 */
export function mergeGroup(batches: readonly PendingBatch[]): OrgCounterRow[] {
  const byKey = new Map<string, OrgCounterRow>();
  for (const { org, signals } of batches) {
    for (const s of signals) {
      const key = `${org}\u0000${s.day}\u0000${s.role}\u0000${s.crm}\u0000${s.kind}\u0000${s.guide}\u0000${s.version}\u0000${s.step}\u0000${s.pageType}\u0000${s.field}\u0000${s.cohort}`;
      const row = byKey.get(key);
      if (row) {
        row.count += s.count;
        row.contributors += s.contributor;
        row.scoreSum += s.scoreSum;
      } else {
        byKey.set(key, {
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
  return [...byKey.values()];
}
