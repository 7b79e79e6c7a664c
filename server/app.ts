/**
 * The routes. Handlers read nothing about the client but the Authorization header and the body:
 * no address, user agent or other header reaches the store or a log.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { signalBatchSchema } from '../core/signals';
import { DEFAULT_ORG } from '../core/org';
import { addDays, buildSnapshot, rowsNeeded, type Period } from '../core/snapshot';
import { readJsonBody } from './body';
import { snapshotCsv } from './csv';
import { DASHBOARD_CSP, type DashboardFile, type DashboardFiles } from './dashboard';
import { ApiError, fail, invalidInput, type ErrorBody } from './errors';
import { matchesEtag, type GuidePack } from './guidePack';
import { BAD_TOKEN_LIMIT, TokenBuckets, clientOf, type RateLimit } from './rateLimit';
import { parseSnapshotQuery } from './snapshotQuery';
import {
  RevokedTokenError,
  type SignalStore,
  type TokenKind,
  type TokenRecord,
} from './stores/types';
import { authenticate, revokedToken } from './tokens';

export interface AppOptions {
  store: SignalStore;
  pack: GuidePack;
  /** The OpenAPI description, served as is. */
  openapi: string;
  k: number;
  bodyLimit: number;
  rateLimit: RateLimit | false;
  /** Proxies in front whose X-Forwarded-For is believed; 0 limits by the socket's address. */
  trustedProxies: number;
  /** The built dashboard; null answers its pages with how to build it. */
  dashboard: DashboardFiles | null;
  /** Days a batch id is kept: counters for days before them are refused (see below). */
  batchIdDays: number;
  /** Today's UTC day. */
  today: () => string;
}

/** Before any counter: the first day training completions are read from. */
const HISTORY_START = '2000-01-01';

/**
 * The days a batch may count for. A replay of a batch whose id has been pruned would count again,
 * so no day before the kept ids is taken; tomorrow is, for a browser's clock a little ahead.
 */
function acceptedDays(today: string, batchIdDays: number): Period {
  return { from: addDays(today, 1 - batchIdDays), to: addDays(today, 1) };
}

function refuseDaysOutside(signals: readonly { day: string }[], days: Period): void {
  const index = signals.findIndex((s) => s.day < days.from || s.day > days.to);
  if (index < 0) return;
  const path = `signals[${index}].day`;
  throw fail(
    400,
    'invalid_batch',
    `${path}: ${signals[index]!.day} is not a day this endpoint counts; it takes ${days.from} to ${days.to}.`,
    { path },
  );
}

export function createApp(options: AppOptions): Hono {
  const { store, pack } = options;
  const buckets = options.rateLimit ? new TokenBuckets(options.rateLimit) : null;
  const badTokens = options.rateLimit ? new TokenBuckets(BAD_TOKEN_LIMIT) : null;
  const app = new Hono();

  const limited = (wait: number, message: string) =>
    fail(
      429,
      'rate_limited',
      `${message}; retry in ${wait} s.`,
      {},
      { 'Retry-After': String(wait) },
    );

  async function admit(c: Context, kind: TokenKind, forIngest = false): Promise<TokenRecord> {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const client = clientOf(
      incoming?.socket.remoteAddress,
      c.req.header('x-forwarded-for'),
      options.trustedProxies,
    );
    // Before the store is asked: a flood of guessed tokens costs no lookups.
    const badWait = badTokens?.check(client) ?? 0;
    if (badWait > 0) throw limited(badWait, 'Too many requests with tokens that failed');
    let token: TokenRecord;
    try {
      token = await authenticate(store, c.req.header('authorization'), kind, forIngest);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) badTokens?.take(client);
      throw error;
    }
    const wait = buckets?.take(`${token.id} ${client}`) ?? 0;
    if (wait > 0) throw limited(wait, 'This browser sent too many requests');
    return token;
  }

  app.get('/healthz', (c) => c.json({ ok: true, store: store.kind }));

  app.get('/openapi.json', (c) =>
    c.body(options.openapi, 200, { 'Content-Type': 'application/json' }),
  );

  app.post('/v1/signals', async (c) => {
    const token = await admit(c, 'ingest', true);
    // Served by Node, read its request stream directly; `app.request()` in tests has a web stream.
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    const body = await readJsonBody(
      (name) => c.req.header(name),
      incoming ?? c.req.raw.body,
      options.bodyLimit,
    );
    const parsed = signalBatchSchema.safeParse(body, { reportInput: true });
    if (!parsed.success) throw invalidInput('invalid_batch', parsed.error.issues, 'The batch');
    const batch = parsed.data;
    refuseDaysOutside(batch.signals, acceptedDays(options.today(), options.batchIdDays));
    const { duplicate } = await store
      .ingest(token.org, batch.batchId, batch.signals, token.id)
      .catch((error: unknown) => {
        // Revoked since it was admitted: the batch counted nothing.
        throw error instanceof RevokedTokenError ? revokedToken() : error;
      });
    return c.json(
      duplicate ? { accepted: 0, duplicate: true } : { accepted: batch.signals.length },
    );
  });

  app.get('/v1/guides', async (c) => {
    await admit(c, 'ingest');
    const headers = { ETag: pack.etag, 'Cache-Control': 'no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), pack.etag)) return c.body(null, 304, headers);
    return c.body(pack.body, 200, { ...headers, 'Content-Type': 'application/json' });
  });

  app.get('/v1/snapshots', async (c) => {
    const token = await admit(c, 'admin');
    const query = parseSnapshotQuery(c.req.query());
    const periods = [query.period, ...(query.baseline ? [query.baseline] : [])].map(rowsNeeded);
    const span: Period = {
      from: periods.map((p) => p.from).reduce((a, b) => (a < b ? a : b)),
      to: periods.map((p) => p.to).reduce((a, b) => (a > b ? a : b)),
    };
    const rows = await store.counters(token.org, span);
    // Training counts every completion up to the period's end, also those before the span.
    const earlier = await store.counters(
      token.org,
      { from: HISTORY_START, to: addDays(span.from, -1) },
      ['first.guideCompleted'],
    );
    const snapshot = buildSnapshot([...earlier, ...rows], {
      period: query.period,
      baseline: query.baseline,
      k: options.k,
      stepOrder: pack.stepOrder,
      checklists: pack.checklists,
    });
    const headers = { 'Cache-Control': 'no-store' };
    if (query.format === 'csv') {
      const name = `waymark-${token.org}-${query.period.from}-${query.period.to}.csv`;
      return c.body(snapshotCsv(snapshot), 200, {
        ...headers,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    }
    // Names of what the snapshot shows only: a role or guide hidden by k stays unnamed.
    const shownRoles = new Set(snapshot.activeUsers.byRole.map((r) => r.role));
    for (const t of snapshot.training) shownRoles.add(t.role);
    const shownGuides = new Set(snapshot.guides.map((g) => g.guide));
    for (const t of snapshot.training) for (const g of t.guides) shownGuides.add(g.guide);
    const labels = {
      roles: Object.fromEntries(
        DEFAULT_ORG.roles.filter((r) => shownRoles.has(r.id)).map((r) => [r.id, r.label]),
      ),
      guides: Object.fromEntries(Object.entries(pack.titles).filter(([id]) => shownGuides.has(id))),
    };
    return c.json({ schemaVersion: 1, org: token.org, labels, ...snapshot }, 200, headers);
  });

  const page = (c: Context, file: DashboardFile, cache: string) =>
    c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.type,
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': cache,
    });

  app.get('/', (c) => c.redirect('/dashboard/'));
  app.get('/dashboard', (c) => c.redirect('/dashboard/'));
  app.get('/dashboard/', (c) => {
    if (!options.dashboard) {
      throw fail(
        503,
        'not_built',
        'The dashboard has not been built. Run `npm run build:dashboard` (or `npm start`), then restart the endpoint.',
      );
    }
    return page(c, options.dashboard.index, 'no-cache');
  });
  app.get('/dashboard/assets/:file', (c) => {
    const file = options.dashboard?.assets.get(c.req.param('file'));
    if (!file) throw fail(404, 'not_found', `There is nothing at ${c.req.path}.`);
    // File names carry a hash of their content.
    return page(c, file, 'public, max-age=31536000, immutable');
  });

  const methods = new Map<string, string[]>();
  for (const route of app.routes) {
    methods.set(route.path, [...(methods.get(route.path) ?? []), route.method]);
  }

  app.notFound((c) => {
    const allowed = methods.get(c.req.path);
    if (allowed) {
      const body: ErrorBody = {
        error: 'method_not_allowed',
        message: `${c.req.path} answers ${allowed.join(' and ')} only.`,
      };
      return c.json(body, 405, { Allow: allowed.join(', ') });
    }
    const body: ErrorBody = { error: 'not_found', message: `There is nothing at ${c.req.path}.` };
    return c.json(body, 404);
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body, error.status, error.headers);
    // The error only: the request (and so its headers) stays out of the log.
    console.error(`Request failed: ${error.stack ?? error.message}`);
    const body: ErrorBody = { error: 'internal', message: 'The endpoint failed; try again later.' };
    return c.json(body, 500);
  });

  return app;
}
