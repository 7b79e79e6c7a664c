/**
 * The organisation `acme`'s endpoint for browser tests, Chromium's and Firefox's: a real endpoint
 * on a SQLite file, its ingest token, and what it counted, to set beside what a browser recorded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { COUNTED_EVENT_KINDS } from '../core/usage';
import { startEndpoint, type Endpoint, type EndpointOptions } from '../server';
import { importGuides } from '../server/guideLifecycle';
import { createToken } from '../server/tokens';
import { startTestDatabase } from '../scripts/postgres';

const ALL_TIME = { from: '2000-01-01', to: '2100-12-31' };

/**
 * A real endpoint on a SQLite file in `dir` (no rate limit: tests send in bursts), and an ingest
 * token of the organisation `acme`; with `guidesDir`, its guide files are acme's live guides.
 */
export async function startAcmeEndpoint(
  dir: string,
  options: EndpointOptions = {},
): Promise<{ endpoint: Endpoint; token: string; sqlitePath: string }> {
  const sqlitePath = join(dir, 'endpoint.sqlite');
  const endpoint = await startEndpoint({ port: 0, sqlitePath, rateLimit: false, ...options });
  if (options.guidesDir) {
    await importGuides(endpoint.store, 'acme', options.guidesDir, { label: 'test import' });
  }
  const { token } = await createToken(endpoint.store, 'acme', 'ingest');
  return { endpoint, token, sqlitePath };
}

const COUNTED = new Set<string>(COUNTED_EVENT_KINDS);

/** How many of each counted kind, from the kinds of a browser's stored events. */
export function countedTotals(kinds: string[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const kind of kinds) if (COUNTED.has(kind)) totals[kind] = (totals[kind] ?? 0) + 1;
  return totals;
}

/** What the endpoint counted for `acme`, per kind, over all days and roles. */
export async function remoteTotals(endpoint: Endpoint): Promise<Record<string, number>> {
  const remote: Record<string, number> = {};
  for (const row of await endpoint.store.counters('acme', ALL_TIME)) {
    if (COUNTED.has(row.kind)) remote[row.kind] = (remote[row.kind] ?? 0) + row.count;
  }
  return remote;
}

/** The endpoint's counter rows for `acme` over all time. */
export const allCounters = (endpoint: Endpoint) => endpoint.store.counters('acme', ALL_TIME);

/** The SQLite file's bytes, with its write-ahead log, as text to search. */
export function databaseText(sqlitePath: string): string {
  return [sqlitePath, `${sqlitePath}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('');
}

/** Asserts that nothing typed or shown in the CRM under a canary name is in `haystack`. */
export function expectNoCanary(haystack: string): void {
  expect(haystack).not.toMatch(/canary/i);
  expect(haystack).not.toContain('@example.com');
  expect(haystack).not.toContain('Harbor');
  expect(haystack).not.toContain('127.0.0.1');
}

export const STORES = ['SQLite', 'PostgreSQL'] as const;

/**
 * An endpoint on either store (a SQLite file in `dir`, or a PostgreSQL of its own) where acme has
 * imported its guides directory: version 1 of each guide is live. `stop` ends both.
 */
export async function startGuidesEndpoint(
  store: (typeof STORES)[number],
  dir: string,
): Promise<{ endpoint: Endpoint; stop: () => Promise<void> }> {
  const database = store === 'PostgreSQL' ? await startTestDatabase() : undefined;
  try {
    const endpoint = await startEndpoint({
      port: 0,
      rateLimit: false,
      ...(database ? { databaseUrl: database.url } : { sqlitePath: join(dir, 'e.sqlite') }),
    });
    await importGuides(endpoint.store, 'acme', join(import.meta.dirname, '../guides'), {
      label: 'import of guides/',
    });
    return {
      endpoint,
      stop: async () => {
        await endpoint.close();
        await database?.stop();
      },
    };
  } catch (error) {
    await database?.stop();
    throw error;
  }
}
