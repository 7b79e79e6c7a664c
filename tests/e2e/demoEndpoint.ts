/**
 * A real endpoint on a SQLite file filled with the demo data, for the dashboard's tests, and the
 * independent computation they check it against: figures summed here straight from the batches
 * the simulated browsers sent, not through the snapshot code, so the two check each other.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Signal } from '../../core/signals';
import type { Period } from '../../core/snapshot';
import { startEndpoint, type Endpoint } from '../../server';
import { demoData, type DemoPlan } from '../../server/seed/demoData';
import { readGuides } from '../../server/guidePack';
import { createToken } from '../../server/tokens';

export interface DemoEndpoint {
  endpoint: Endpoint;
  adminToken: string;
  plan: DemoPlan;
  /** Every signal the simulated browsers sent. */
  signals: Signal[];
}

/** 200 people over the 60 days up to yesterday, ingested batch by batch. */
export async function openDemoEndpoint(
  org: string,
  k: number,
  seed: number,
): Promise<DemoEndpoint> {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), 'waymark-dashboard-')), 'endpoint.sqlite');
  const endpoint = await startEndpoint({ port: 0, sqlitePath, rateLimit: false, k });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const demo = demoData({ guides: readGuides(), users: 200, days: 60, lastDay: yesterday, seed });
  const signals: Signal[] = [];
  for (const { batches } of demo.days()) {
    for (const batch of batches) {
      await endpoint.store.ingest(org, batch.batchId, batch.signals);
      signals.push(...batch.signals);
    }
  }
  const adminToken = (await createToken(endpoint.store, org, 'admin')).token;
  return { endpoint, adminToken, plan: demo.plan, signals };
}

export function inPeriod(s: Signal, period: Period): boolean {
  return s.day >= period.from && s.day <= period.to;
}

/** Sums and contributor bounds of the signals, as the snapshot defines them. */
export function figuresOf(signals: readonly Signal[]) {
  return {
    total(period: Period, match: (s: Signal) => boolean): number {
      return signals
        .filter((s) => inPeriod(s, period) && match(s))
        .reduce((n, s) => n + s.count, 0);
    },
    /** Contributors of the busiest day, the lower bound of the people behind a cell. */
    people(period: Period, match: (s: Signal) => boolean): number {
      const byDay = new Map<string, number>();
      for (const s of signals) {
        if (inPeriod(s, period) && match(s)) {
          byDay.set(s.day, (byDay.get(s.day) ?? 0) + s.contributor);
        }
      }
      return Math.max(0, ...byDay.values());
    },
  };
}
