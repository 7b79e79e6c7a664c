/** Group commit: batches arriving together share a transaction, and share its fate. */
import { describe, expect, it } from 'vitest';
import { GroupCommit, mergeGroup, type PendingBatch } from '../../../../server/stores/groupCommit';
import { RevokedTokenError } from '../../../../server/stores/types';
import { signal } from '../helpers';

const batch = (batchId: string, count = 1): PendingBatch => ({
  org: 'acme',
  batchId,
  signals: [signal({ count }), signal({ kind: 'first.activeDay', pageType: '' })],
});

describe('group commit', () => {
  it('commits batches submitted together as one group, in order', async () => {
    const groups: string[][] = [];
    const commit = new GroupCommit(
      async (group) => {
        groups.push(group.map((b) => b.batchId));
        return group.map((b) => (b.batchId === 'b' ? 'duplicate' : 'counted'));
      },
      { inFlight: 1 },
    );
    const answers = await Promise.all(['a', 'b', 'c'].map((id) => commit.submit(batch(id))));
    expect(groups).toEqual([['a', 'b', 'c']]);
    expect(answers).toEqual([{ duplicate: false }, { duplicate: true }, { duplicate: false }]);
    await commit.settled();
  });

  it('refuses a batch whose token was revoked, and only that one', async () => {
    const commit = new GroupCommit(
      async (group) => group.map((b) => (b.tokenId === 'tok_gone' ? 'revoked' : 'counted')),
      { inFlight: 1 },
    );
    const answers = await Promise.allSettled([
      commit.submit({ ...batch('a'), tokenId: 'tok_live' }),
      commit.submit({ ...batch('b'), tokenId: 'tok_gone' }),
    ]);
    expect(answers[0]).toEqual({ status: 'fulfilled', value: { duplicate: false } });
    expect(answers[1]?.status).toBe('rejected');
    const reason = (answers[1] as PromiseRejectedResult).reason as RevokedTokenError;
    expect(reason).toBeInstanceOf(RevokedTokenError);
    expect(reason.tokenId).toBe('tok_gone');
  });

  it('refuses every batch of a failed group and runs the next group after it', async () => {
    let calls = 0;
    const commit = new GroupCommit(
      async (group) => {
        calls++;
        if (calls === 1) throw new Error('disk full');
        return group.map(() => 'counted');
      },
      { inFlight: 1 },
    );
    const failed = Promise.allSettled([commit.submit(batch('a')), commit.submit(batch('b'))]);
    expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await commit.submit(batch('c'))).toEqual({ duplicate: false });
  });

  it('waits for running groups before it counts as settled', async () => {
    let release: () => void = () => undefined;
    const commit = new GroupCommit(
      (group) => new Promise((resolve) => (release = () => resolve(group.map(() => 'counted')))),
      { inFlight: 1 },
    );
    const pending = commit.submit(batch('a'));
    await new Promise((r) => setImmediate(r));
    let settled = false;
    const done = commit.settled().then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    release();
    await pending;
    await done;
    expect(settled).toBe(true);
  });

  it('sums a group as its batches arrive, a batch id copied within it once', async () => {
    const seen: [string[], unknown][] = [];
    const commit = new GroupCommit(
      async (group, sums) => {
        const rows = sums?.rowsInKeyOrder().map((r) => [r.kind, r.count]);
        seen.push([group.map((b) => b.batchId), rows]);
        return group.map((b, i) =>
          group.findIndex((x) => x.batchId === b.batchId) < i ? 'duplicate' : 'counted',
        );
      },
      { inFlight: 1, sum: true },
    );
    const answers = await Promise.all(
      [batch('a', 2), batch('b', 3), batch('a', 2)].map((b) => commit.submit(b)),
    );
    expect(answers.map((a) => a.duplicate)).toEqual([false, false, true]);
    expect(seen).toEqual([
      [
        ['a', 'b', 'a'],
        [
          ['first.activeDay', 2],
          ['page.viewed', 5],
        ],
      ],
    ]);
  });

  it('starts the next group before it answers the batches of the last one', async () => {
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const commit = new GroupCommit(
      (group) => {
        order.push(`commit ${group.map((b) => b.batchId).join(' ')}`);
        return new Promise((resolve) => releases.push(() => resolve(group.map(() => 'counted'))));
      },
      { inFlight: 1 },
    );
    const first = commit.submit(batch('a')).then(() => order.push('answered a'));
    await new Promise((r) => setImmediate(r));
    const second = commit.submit(batch('b')).then(() => order.push('answered b'));
    releases[0]?.();
    await first;
    expect(order).toEqual(['commit a', 'commit b', 'answered a']);
    releases[1]?.();
    await second;
    await commit.settled();
  });

  it('sums the signals of a group per org and key', () => {
    const rows = mergeGroup([batch('a', 2), batch('b', 3), { ...batch('c', 4), org: 'globex' }]);
    expect(rows.map((r) => [r.org, r.kind, r.count, r.contributors])).toEqual([
      ['acme', 'page.viewed', 5, 2],
      ['acme', 'first.activeDay', 2, 2],
      ['globex', 'page.viewed', 4, 1],
      ['globex', 'first.activeDay', 1, 1],
    ]);
  });
});
