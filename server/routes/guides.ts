/**
 * The guide pack, for browsers: unchanged since their last look, it costs them no body.
 */
import type { Hono } from 'hono';
import { matchesEtag } from '../guidePack';
import type { Admit } from './admission';
import type { AppOptions } from './context';

export function guideRoutes(app: Hono, admit: Admit, { pack }: Pick<AppOptions, 'pack'>): void {
  app.get('/v1/guides', async (c) => {
    await admit(c, 'ingest');
    const headers = { ETag: pack.etag, 'Cache-Control': 'no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), pack.etag)) return c.body(null, 304, headers);
    return c.body(pack.body, 200, { ...headers, 'Content-Type': 'application/json' });
  });
}
