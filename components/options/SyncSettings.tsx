import type { SyncStatus, SyncView } from '../../core/messages';
import { formatDateTime, TEXT } from '../pageText';
import { LockedNote, SyncManaged } from './ManagedPolicy';
import { SectionStatus } from './SectionStatus';
import { useSyncSettings, type SyncSettingsState } from './useSyncSettings';

const T = TEXT.sync;

function when(at: number | null): string {
  return at ? formatDateTime(at) : T.never;
}

/** The endpoint's address and token (read-only where the organisation set them), and the actions. */
function EndpointForm({ sync }: { sync: SyncSettingsState }) {
  const { view, endpointUrl, ingestToken, busy } = sync;
  const locks = view?.locks;
  const tokenKnown = Boolean(ingestToken || locks?.ingestToken);
  return (
    <form
      class="sync-form"
      onSubmit={(e) => {
        e.preventDefault();
        void sync.save();
      }}
    >
      <label for="endpoint">{T.endpoint}</label>
      <input
        id="endpoint"
        type="url"
        required
        placeholder="https://waymark.example.com"
        value={endpointUrl}
        readOnly={Boolean(locks?.endpointUrl)}
        aria-describedby={locks?.endpointUrl ? 'endpoint-locked' : undefined}
        onInput={(e) => sync.setEndpointUrl((e.currentTarget as HTMLInputElement).value)}
      />
      {locks?.endpointUrl && <LockedNote id="endpoint-locked" />}
      <label for="token">{T.token}</label>
      <input
        id="token"
        type="password"
        autocomplete="off"
        required={!view?.tokenSet}
        placeholder={
          locks?.ingestToken ? TEXT.managed.setByOrg : view?.tokenSet ? T.tokenSaved : ''
        }
        value={ingestToken}
        readOnly={locks?.ingestToken}
        aria-describedby={locks?.ingestToken ? 'token-locked' : undefined}
        onInput={(e) => sync.setIngestToken((e.currentTarget as HTMLInputElement).value)}
      />
      {locks?.ingestToken && <LockedNote id="token-locked" />}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={busy || !endpointUrl || !tokenKnown}
          onClick={() => void sync.test()}
        >
          {T.test}
        </button>
        {locks?.syncEnabled !== false && (
          <button type="submit" disabled={busy || !tokenKnown}>
            {T.save}
          </button>
        )}
        {view?.status.configured && locks?.syncEnabled !== true && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void sync.turnOff()}
          >
            {T.turnOff}
          </button>
        )}
      </div>
    </form>
  );
}

/** Where counters go, when they last got there, what waits, and what went wrong last. */
function DeliveryStatus({
  status,
  busy,
  onSyncNow,
}: {
  status: SyncStatus;
  busy: boolean;
  onSyncNow: () => void;
}) {
  return (
    <>
      <h2>{T.statusHeading}</h2>
      <dl class="sync-status">
        <dt>{T.endpointTerm}</dt>
        <dd>{status.endpointUrl}</dd>
        <dt>{T.lastDelivery}</dt>
        <dd>{when(status.lastSuccessAt)}</dd>
        <dt>{T.waiting}</dt>
        <dd>{T.waitingValue(status.pendingBatches, status.pendingSignals)}</dd>
        {status.lastError && (
          <>
            <dt>{T.lastProblem}</dt>
            <dd>{status.lastError}</dd>
            <dt>{T.nextTry}</dt>
            <dd>{when(status.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      <button type="button" disabled={busy} onClick={onSyncNow}>
        {T.syncNow}
      </button>
    </>
  );
}

/** Exactly what the next batch holds, before it leaves. */
function NextBatch({ view }: { view: SyncView | null }) {
  const preview = view ? { queued: view.queued, upcoming: view.upcoming } : null;
  return (
    <>
      <h2>{T.nextBatchHeading}</h2>
      <p class="intro">{T.nextBatchIntro}</p>
      <pre class="preview" tabIndex={0} aria-label={T.nextBatchLabel}>
        {preview ? JSON.stringify(preview, null, 2) : T.loading}
      </pre>
    </>
  );
}

/**
 * Where anonymous counters go, whether they got there, and exactly what the next batch holds,
 * so the rep and the admin can read it before it leaves.
 */
export function SyncSettings() {
  const sync = useSyncSettings();
  const { view, busy } = sync;
  const status = view?.status;
  return (
    <section class="activity sync" aria-labelledby="sync-heading">
      <h1 id="sync-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      <EndpointForm sync={sync} />
      {view && <SyncManaged view={view} onChange={() => void sync.load()} />}
      <SectionStatus message={sync.message} />

      {status?.configured && (
        <DeliveryStatus status={status} busy={busy} onSyncNow={() => void sync.syncNow()} />
      )}

      <NextBatch view={view} />
    </section>
  );
}
