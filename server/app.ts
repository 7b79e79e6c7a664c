/**
 * The endpoint's HTTP app: the routes of `routes/`, and the answers to what none of them takes.
 * Handlers read nothing about the client but the Authorization header and the body: no address,
 * user agent or other header reaches the store or a log.
 */
import { Hono } from 'hono';
import { ApiError, type ErrorBody } from './errors';
import { admission } from './routes/admission';
import type { AppOptions } from './routes/context';
import { dashboardRoutes } from './routes/dashboard';
import { guideRoutes } from './routes/guides';
import { ingestRoutes } from './routes/ingest';
import { serviceRoutes } from './routes/service';
import { snapshotRoutes } from './routes/snapshots';

export type { AppOptions } from './routes/context';

export function createApp(options: AppOptions): Hono {
  const admit = admission(options);
  const app = new Hono();
  serviceRoutes(app, options);
  ingestRoutes(app, admit, options);
  guideRoutes(app, admit, options);
  snapshotRoutes(app, admit, options);
  dashboardRoutes(app, options);
  answerUnknownRoutes(app);
  answerErrors(app);
  return app;
}

/** After every route is added: a path they serve is answered which methods it takes. */
function answerUnknownRoutes(app: Hono): void {
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
}

function answerErrors(app: Hono): void {
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body, error.status, error.headers);
    // The error only: the request (and so its headers) stays out of the log.
    console.error(`Request failed: ${error.stack ?? error.message}`);
    const body: ErrorBody = { error: 'internal', message: 'The endpoint failed; try again later.' };
    return c.json(body, 500);
  });
}
