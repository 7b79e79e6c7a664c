/**
 * What the endpoint says of itself, to anyone: whether it runs, and its API's description.
 */
import type { Hono } from 'hono';
import type { AppOptions } from './context';

export function serviceRoutes(app: Hono, options: Pick<AppOptions, 'store' | 'openapi'>): void {
  const { store } = options;
  app.get('/healthz', (c) => c.json({ ok: true, store: store.kind }));

  app.get('/openapi.json', (c) =>
    c.body(options.openapi, 200, { 'Content-Type': 'application/json' }),
  );
}
