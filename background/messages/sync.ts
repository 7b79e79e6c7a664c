/** Sync as the options page sees and sets it: status, exactly what goes next, and deliveries. */
import { z } from 'zod';
import type { SyncStatus, SyncView } from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { nothing } from './schemas';
import type { Services } from '../services';

const endpoint = z
  .object({ endpointUrl: z.string().max(2048), ingestToken: z.string().max(512) })
  .strict();

export const syncMessages = {
  'sync:get': message('extension', nothing, { fresh: true }).answers<SyncView>(),
  /** Sets (or with null, removes) the endpoint address and ingest token. */
  'sync:configure': message('extension', endpoint.nullable(), {
    fresh: true,
  }).answers<SyncStatus>(),
  'sync:test': message('extension', endpoint, { fresh: true }).answers<{
    ok: boolean;
    message: string;
  }>(),
  /** Delivers now, whatever the backoff says. */
  'sync:now': message('extension', nothing, { fresh: true }).answers<SyncStatus>(),
};

export function syncHandlers(s: Services): HandlersOf<typeof syncMessages> {
  const { sync } = s;
  return {
    'sync:get': async () => {
      const [status, preview, tokenSet] = [
        await sync.status(),
        await sync.preview(),
        await sync.hasToken(),
      ];
      return { status, tokenSet, ...preview, locks: sync.locks() };
    },
    'sync:configure': async (change) => {
      await sync.configure(change);
      // A new endpoint may serve a guide pack: fetch it now rather than within the hour.
      void s.remote.refresh(true);
      return s.syncAndSchedule(true);
    },
    'sync:test': ({ endpointUrl, ingestToken }) => sync.testConnection(endpointUrl, ingestToken),
    'sync:now': () => s.syncAndSchedule(true),
  };
}
