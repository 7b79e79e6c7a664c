/**
 * Browsers' batches of daily counters: each counted once, and only for days whose batch ids are
 * still kept.
 */
import type { Hono } from 'hono';
import { signalBatchSchema } from '../../core/signals';
import { addDays, type Period } from '../../core/snapshot';
import { readJsonBody } from '../body';
import { fail, invalidInput } from '../errors';
import { RevokedTokenError } from '../stores/types';
import { revokedToken } from '../tokens';
import type { Admit } from './admission';
import { incomingOf, type AppOptions } from './context';

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

export function ingestRoutes(
  app: Hono,
  admit: Admit,
  options: Pick<AppOptions, 'store' | 'bodyLimit' | 'batchIdDays' | 'today'>,
): void {
  const { store } = options;
  app.post('/v1/signals', async (c) => {
    const token = await admit(c, 'ingest', true);
    // Served by Node, read its request stream directly; `app.request()` in tests has a web stream.
    const body = await readJsonBody(
      (name) => c.req.header(name),
      incomingOf(c) ?? c.req.raw.body,
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
}
