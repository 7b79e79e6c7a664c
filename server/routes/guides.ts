/**
 * Guides: the organisation's pack for its browsers (unchanged since their last look, it costs them
 * no body), and the lifecycle for its trainers: publish to draft or pilot, promote, roll back,
 * history. Nothing is restarted to publish.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { rolloutSchema } from '../../core/guide/schema';
import { readJsonBody } from '../body';
import { invalidInput } from '../errors';
import { matchesEtag } from '../guidePack';
import { guideLifecycle, servedPack, type ServedPack } from '../guideLifecycle';
import type { TokenRecord } from '../stores/types';
import type { Admit } from './admission';
import { incomingOf, type AppOptions } from './context';

/** Browsers look every hour: one read of the store per organisation serves a burst of them. */
const PACK_KEPT_MS = 5_000;

const publishSchema = z
  .object({
    /** The guide as JSON (an object, or its text as a file holds it). */
    guide: z.union([z.string(), z.record(z.string(), z.unknown())]),
    state: z.enum(['draft', 'pilot']),
    rollout: rolloutSchema.optional(),
  })
  .strict();
const versionSchema = z.object({ version: z.number().int().min(1) }).strict();

/** Who may change guides: trainers, and admins for promote and roll back. */
const STEWARDS = ['trainer', 'admin'] as const;

/** How a change is signed in the history: the token's label, else which token it was. */
const actorOf = (token: TokenRecord) => ({
  label: token.label || `${token.kind} token ${token.id}`,
});

export function guideRoutes(
  app: Hono,
  admit: Admit,
  { store, bodyLimit }: Pick<AppOptions, 'store' | 'bodyLimit'>,
): void {
  const packs = new Map<string, { pack: ServedPack; until: number }>();
  const packOf = async (org: string) => {
    const kept = packs.get(org);
    if (kept && kept.until > Date.now()) return kept.pack;
    const pack = servedPack(await guideLifecycle(store, org).list());
    packs.set(org, { pack, until: Date.now() + PACK_KEPT_MS });
    return pack;
  };
  const bodyOf = async <T>(c: Context, schema: z.ZodType<T>, what: string): Promise<T> => {
    const raw = await readJsonBody(
      (name) => c.req.header(name),
      incomingOf(c) ?? c.req.raw.body,
      bodyLimit,
    );
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw invalidInput('bad_request', parsed.error.issues, what);
    return parsed.data;
  };
  /** Answers with the guide's view after a change, and forgets the organisation's kept pack. */
  const changed = (c: Context, org: string, view: unknown) => {
    packs.delete(org);
    return c.json(view as object);
  };

  app.get('/v1/guides', async (c) => {
    const { org } = await admit(c, 'ingest');
    const pack = await packOf(org);
    const headers = { ETag: pack.etag, 'Cache-Control': 'no-cache' };
    if (matchesEtag(c.req.header('if-none-match'), pack.etag)) return c.body(null, 304, headers);
    return c.body(pack.body, 200, { ...headers, 'Content-Type': 'application/json' });
  });

  app.get('/v1/guides/library', async (c) => {
    const { org } = await admit(c, STEWARDS);
    return c.json({ guides: await guideLifecycle(store, org).list() });
  });

  app.get('/v1/guides/:id/history', async (c) => {
    const { org } = await admit(c, STEWARDS);
    return c.json(await guideLifecycle(store, org).history(c.req.param('id')));
  });

  app.post('/v1/guides', async (c) => {
    const token = await admit(c, 'trainer');
    const { org } = token;
    const request = await bodyOf(c, publishSchema, 'The publish request');
    const guide = typeof request.guide === 'string' ? request.guide : JSON.stringify(request.guide);
    const view = await guideLifecycle(store, org).publish({ ...request, guide }, actorOf(token));
    return changed(c, org, view);
  });

  // Promote and roll back: a version of one guide, by a trainer or an admin.
  for (const [action, what] of [
    ['promote', 'The promote request'],
    ['rollBack', 'The roll-back request'],
  ] as const) {
    app.post(`/v1/guides/:id/${action.toLowerCase()}`, async (c) => {
      const token = await admit(c, STEWARDS);
      const { version } = await bodyOf(c, versionSchema, what);
      const lifecycle = guideLifecycle(store, token.org);
      const view = await lifecycle[action](c.req.param('id'), version, actorOf(token));
      return changed(c, token.org, view);
    });
  }
}
