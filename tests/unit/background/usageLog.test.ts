import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createUsageLog, isQuotaError } from '../../../background/usageLog';
import type { UsageEvent } from '../../../core/usage';

const DAY = 24 * 60 * 60 * 1000;
let db: WaymarkDb;

function event(at: number, kind: UsageEvent['kind'] = 'page.viewed'): UsageEvent {
  return { at, kind, role: 'rep', crm: 'demo', pageType: 'home' };
}

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

afterEach(async () => {
  await db.delete();
});

describe('usage log', () => {
  it('appends batches in call order', async () => {
    db = openDb(`log-${Math.random()}`);
    const log = createUsageLog(db);
    await Promise.all([
      log.append(() => [event(1), event(2)]),
      log.append(async () => [event(3)]),
      log.append(() => [event(4)]),
    ]);
    expect((await log.all()).map((e) => e.at)).toEqual([1, 2, 3, 4]);
  });

  it('drops events past the retention age, then the oldest beyond the size bound', async () => {
    db = openDb(`log-${Math.random()}`);
    const now = 1000 * DAY;
    const log = createUsageLog(db, () => now, {
      maxAgeDays: 90,
      maxEvents: 3,
      quotaTrimShare: 0.1,
    });
    await log.append(() => [
      event(now - 120 * DAY),
      event(now - 91 * DAY),
      event(now - 10 * DAY),
      event(now - 3 * DAY),
      event(now - 2 * DAY),
      event(now - 1 * DAY),
    ]);
    expect(await log.compact()).toEqual({ expired: 2, overflow: 1 });
    expect((await log.all()).map((e) => (now - e.at) / DAY)).toEqual([3, 2, 1]);
  });

  it('on a quota error drops the oldest first, records that it did, and keeps the new events', async () => {
    db = openDb(`log-${Math.random()}`);
    const log = createUsageLog(db, () => 50, {
      maxAgeDays: 90,
      maxEvents: 1000,
      quotaTrimShare: 0.5,
    });
    await log.append(() => [1, 2, 3, 4].map((at) => event(at)));
    // The browser's storage fills up on the next write.
    let full = true;
    db.eventBatches.hook('creating', () => {
      if (full) {
        full = false;
        throw quotaError();
      }
    });
    await log.append(() => [event(10, 'step.shown')]);
    const kept = await log.all();
    expect(kept.map((e) => [e.kind, e.at])).toEqual([
      ['page.viewed', 3],
      ['page.viewed', 4],
      ['log.trimmed', 50],
      ['step.shown', 10],
    ]);
    expect(kept.find((e) => e.kind === 'log.trimmed')?.count).toBe(2);
  });

  it('never throws into guidance when storage stays full', async () => {
    db = openDb(`log-${Math.random()}`);
    const log = createUsageLog(db);
    db.eventBatches.hook('creating', () => {
      throw quotaError();
    });
    await expect(log.append(() => [event(1)])).resolves.toBeUndefined();
  });

  it('recognises quota errors however they are wrapped', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quotaError() })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
