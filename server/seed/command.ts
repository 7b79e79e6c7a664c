/**
 * npm run seed:demo [-- --org ORG --users N --days N --seed N --replace]: fills the endpoint's
 * store (the SQLite file, or DATABASE_URL) with demo data from server/seed/demoData.ts, ingested
 * batch by batch exactly as browsers would send it.
 */
import { parseArgs } from 'node:util';
import { addDays } from '../../core/snapshot';
import { endpointOptionsFromEnv } from '../config';
import { consoleIo, describeStore, UsageError, type Io } from '../commandLine';
import { openStore } from '../stores/open';
import { utcDay } from '../../core/days';
import type { SignalStore } from '../stores/types';
import { ORG_PATTERN } from '../tokens';
import { DEMO_DEFAULTS, DEMO_LIMITS, demoData, type DemoPlan } from './demoData';
import { readGuides } from '../guidePack';

export const SEED_USAGE = `Usage: npm run seed:demo [-- options]

Fills the endpoint's store with ${DEMO_DEFAULTS.days} days of generated usage from ${DEMO_DEFAULTS.users} browsers, ending yesterday.

  --org ORG      organisation to fill (default "demo")
  --users N      browsers, 1 to ${DEMO_LIMITS.users} (default ${DEMO_DEFAULTS.users})
  --days N       days, 1 to ${DEMO_LIMITS.days} (default ${DEMO_DEFAULTS.days})
  --seed N       random seed, 0 to 4294967295: the same seed gives the same data (default ${DEMO_DEFAULTS.seed})
  --replace      delete the org's counters and batch ids first (its tokens stay)

The store is the SQLite file (WAYMARK_SQLITE, default server/data/waymark.sqlite), or PostgreSQL
when DATABASE_URL is set, as for npm run server.`;

export interface SeedArgs {
  org: string;
  users: number;
  days: number;
  seed: number;
  replace: boolean;
}

function whole(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const min = name === 'seed' ? 0 : 1;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} — got "${raw}"`);
  }
  return value;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        org: { type: 'string' },
        users: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        replace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\.$/, ''));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const org = values.org ?? 'demo';
  if (!ORG_PATTERN.test(org)) {
    throw new UsageError(
      `--org "${org}" is not a valid org: use lower-case letters, digits and dashes (at most 64)`,
    );
  }
  return {
    org,
    users: whole('users', values.users, DEMO_DEFAULTS.users, DEMO_LIMITS.users),
    days: whole('days', values.days, DEMO_DEFAULTS.days, DEMO_LIMITS.days),
    seed: whole('seed', values.seed, DEMO_DEFAULTS.seed, 0xffff_ffff),
    replace: values.replace ?? false,
  };
}

const n = (value: number) => value.toLocaleString('en-US');

export interface SeedResult {
  plan: DemoPlan;
  batches: number;
  signals: number;
  events: number;
  rows: number;
}

/** Generates the demo data and ingests it; refuses an org that has data unless `replace`. */
export async function seedDemo(
  store: SignalStore,
  args: SeedArgs,
  options: { lastDay: string; guidesDir?: string; io?: Io },
): Promise<SeedResult | null> {
  const io = options.io ?? consoleIo;
  const existing = await store.orgData(args.org);
  if (existing.counters > 0 || existing.batches > 0) {
    const days = existing.from ? ` (${existing.from} to ${existing.to})` : '';
    if (!args.replace) {
      io.err(
        `The org "${args.org}" already has ${n(existing.counters)} counter rows${days} from ` +
          `${n(existing.batches)} batches. Seeding again would add to them. Re-run with --replace ` +
          'to delete them first, or pick another --org.',
      );
      return null;
    }
    const deleted = await store.deleteOrgData(args.org);
    io.out(
      `Deleted ${n(deleted.counters)} counter rows and ${n(deleted.batches)} batch ids of ` +
        `"${args.org}" (--replace).`,
    );
  }

  const demo = demoData({
    guides: readGuides(options.guidesDir),
    users: args.users,
    days: args.days,
    seed: args.seed,
    lastDay: options.lastDay,
  });
  let batches = 0;
  let signals = 0;
  let events = 0;
  let duplicates = 0;
  for (const { batches: day } of demo.days()) {
    const results = await Promise.all(
      day.map((batch) => store.ingest(args.org, batch.batchId, batch.signals)),
    );
    duplicates += results.filter((r) => r.duplicate).length;
    for (const batch of day) {
      batches++;
      signals += batch.signals.length;
      for (const s of batch.signals) events += s.count;
    }
  }
  if (duplicates > 0) {
    throw new Error(`${duplicates} batch ids were already stored: the data is incomplete`);
  }
  const stored = await store.orgData(args.org);
  return { plan: demo.plan, batches, signals, events, rows: stored.counters };
}

export function summary(org: string, result: SeedResult): string[] {
  const { plan } = result;
  const roles = Object.entries(plan.roles)
    .map(([role, count]) => `${count} ${role}`)
    .join(', ');
  const { period, baseline } = plan.look;
  const query = `from=${period.from}&to=${period.to}&baselineFrom=${baseline.from}&baselineTo=${baseline.to}`;
  return [
    `Seeded org "${org}": ${n(plan.users)} users (${roles}) over ${plan.days} days, ${plan.period.from} to ${plan.period.to}, seed ${plan.seed}.`,
    `  ${n(result.batches)} batches, ${n(result.signals)} signals (${n(result.events)} usage events), ${n(result.rows)} counter rows stored.`,
    `  Roll-out: ${plan.rollout} (pilot), then waves on ${plan.waves.slice(1).join(', ') || 'no later day'}; before it, page views and field rules only.`,
    `  Drop-off hotspot: step "${plan.dropOff.step}" of ${plan.dropOff.guide}. Often left empty: "${plan.emptyField.field}" on ${plan.emptyField.pageType}.`,
    `  Look at ${period.from} to ${period.to} against the baseline ${baseline.from} to ${baseline.to}:`,
    `    dashboard: npm run server, then /dashboard/ with an admin token (npm run server -- token create --org ${org} --kind admin)`,
    `    API: GET /v1/snapshots?${query}`,
  ];
}

export async function runSeedDemo(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io = consoleIo,
  now = Date.now(),
): Promise<number> {
  try {
    const args = parseSeedArgs(argv);
    if (args === 'help') {
      io.out(SEED_USAGE);
      return 0;
    }
    const options = endpointOptionsFromEnv(env);
    const store = await openStore(options);
    try {
      io.out(`Store: ${describeStore(env)}`);
      const result = await seedDemo(store, args, {
        lastDay: addDays(utcDay(now), -1),
        guidesDir: options.guidesDir,
        io,
      });
      if (!result) return 1;
      for (const line of summary(args.org, result)) io.out(line);
      return 0;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof UsageError) io.err(`${error.message}.\n\n${SEED_USAGE}`);
    else io.err(`Error: ${(error as Error).message}`);
    return 1;
  }
}
