/** Endpoint options from environment variables, each checked with a sentence naming it. */
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rateLimit';

export interface EndpointOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** PostgreSQL connection string; the SQLite file is used when absent. */
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL connections of this process. */
  poolSize?: number;
  guidesDir?: string;
  /** Snapshot cells from fewer contributors are suppressed. */
  k?: number;
  /** Request rate per client and token; false turns the limits off (load tests). */
  rateLimit?: RateLimit | false;
  /** Proxies in front of the endpoint whose X-Forwarded-For is believed (default 0). */
  trustedProxies?: number;
  /** Largest request body in bytes, as sent and as inflated. */
  bodyLimit?: number;
  /** The built dashboard's directory. */
  dashboardDir?: string;
  /** Days a batch id is kept, so that a replay within them counts nothing. */
  batchIdDays?: number;
  /** Today's UTC day; the system clock's unless set (tests that replay a fixed period). */
  today?: () => string;
}

function whole(
  env: NodeJS.ProcessEnv,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} — got "${raw}"`);
  }
  return value;
}

/**
 * PORT, HOST, DATABASE_URL, WAYMARK_SQLITE, WAYMARK_PG_POOL, WAYMARK_GUIDES_DIR, WAYMARK_K,
 * WAYMARK_RATE_PER_SECOND, WAYMARK_RATE_BURST (0 turns the limit off), WAYMARK_TRUSTED_PROXIES,
 * WAYMARK_BODY_LIMIT, WAYMARK_BATCH_ID_DAYS.
 */
export function endpointOptionsFromEnv(env: NodeJS.ProcessEnv): EndpointOptions {
  const perSecond = whole(env, 'WAYMARK_RATE_PER_SECOND', 0);
  const burst = whole(env, 'WAYMARK_RATE_BURST', 1);
  const options: EndpointOptions = {
    port: whole(env, 'PORT', 0, 65_535),
    host: env.HOST?.trim() || undefined,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    sqlitePath: env.WAYMARK_SQLITE?.trim() || undefined,
    poolSize: whole(env, 'WAYMARK_PG_POOL', 1, 1000),
    guidesDir: env.WAYMARK_GUIDES_DIR?.trim() || undefined,
    k: whole(env, 'WAYMARK_K', 1),
    trustedProxies: whole(env, 'WAYMARK_TRUSTED_PROXIES', 0, 10),
    bodyLimit: whole(env, 'WAYMARK_BODY_LIMIT', 1024),
    batchIdDays: whole(env, 'WAYMARK_BATCH_ID_DAYS', 1),
  };
  if (perSecond === 0) options.rateLimit = false;
  else if (perSecond !== undefined || burst !== undefined) {
    options.rateLimit = {
      perSecond: perSecond ?? DEFAULT_RATE_LIMIT.perSecond,
      burst: burst ?? DEFAULT_RATE_LIMIT.burst,
    };
  }
  // Leave unset options out, so defaults apply when these are spread into others.
  return Object.fromEntries(
    Object.entries(options).filter(([, v]) => v !== undefined),
  ) as EndpointOptions;
}
