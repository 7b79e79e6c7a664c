/**
 * The admin dashboard's pages, served from memory under a strict policy.
 */
import type { Context, Hono } from 'hono';
import { DASHBOARD_CSP, type DashboardFile } from '../dashboard';
import { fail } from '../errors';
import type { AppOptions } from './context';

function page(c: Context, file: DashboardFile, cache: string) {
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.type,
    'Content-Security-Policy': DASHBOARD_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': cache,
  });
}

export function dashboardRoutes(app: Hono, options: Pick<AppOptions, 'dashboard'>): void {
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
}
