import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '../../core/messages';
import { browser } from '../../platform/browser';
import { sendPermissions, syncDataCategories } from '../../platform/dataCollection';
import { endpointProblem, isThisMachine } from '../../core/endpointAddress';
import { callBackground } from '../../platform/channel';
import { formatDateTime, TEXT } from '../pageText';
import { useSectionAction } from './useSectionAction';
import { LockedNote, SyncManaged } from './ManagedPolicy';

const T = TEXT.sync;

function when(at: number | null): string {
  return at ? formatDateTime(at) : T.never;
}

/**
 * Asks for permission to reach the endpoint (needs the click that tests or saves it). Resolves to
 * a sentence when the address is wrong or the permission was refused, else null.
 */
async function allowEndpoint(url: string): Promise<string | null> {
  const problem = endpointProblem(url);
  if (problem) return problem;
  const { origin, hostname } = new URL(url);
  // This machine is in the manifest's hosts; Firefox still asks consent to what sync sends.
  const wanted = sendPermissions(isThisMachine(hostname) ? null : origin);
  if (wanted.origins?.length === 0 && syncDataCategories().length === 0) return null;
  return (await browser.permissions.request(wanted)) ? null : T.permissionNeeded(origin);
}

/**
 * Where anonymous counters go, whether they got there, and exactly what the next batch holds,
 * so the rep and the admin can read it before it leaves.
 */
export function SyncSettings() {
  const [view, setView] = useState<SyncView | null>(null);
  const [endpointUrl, setEndpointUrl] = useState('');
  const [ingestToken, setIngestToken] = useState('');

  const load = async () => {
    const next = await callBackground('sync:get', {});
    setView(next);
    // An address the organisation set is the one shown, whatever was typed.
    if (next.locks.endpointUrl) setEndpointUrl(next.locks.endpointUrl);
    else if (next.status.endpointUrl)
      setEndpointUrl((current) => current || next.status.endpointUrl || '');
  };
  const { message, setMessage, busy, act } = useSectionAction(load);
  useEffect(() => {
    void load().catch((e: unknown) => setMessage({ ok: false, text: T.readFailed(String(e)) }));
  }, []);

  const test = () =>
    act(async () => {
      const refused = await allowEndpoint(endpointUrl);
      if (refused) return { ok: false, text: refused };
      const result = await callBackground('sync:test', { endpointUrl, ingestToken });
      return { ok: result.ok, text: result.message };
    });
  const save = () =>
    act(async () => {
      const refused = await allowEndpoint(endpointUrl);
      if (refused) return { ok: false, text: refused };
      const status = await callBackground('sync:configure', { endpointUrl, ingestToken });
      setIngestToken('');
      return status.lastError
        ? { ok: false, text: T.savedButFailed(status.lastError) }
        : { ok: true, text: T.saved };
    });
  const turnOff = () =>
    act(async () => {
      await callBackground('sync:configure', null);
      return { ok: true, text: T.off };
    });
  const syncNow = () =>
    act(async () => {
      const status = await callBackground('sync:now', {});
      return status.lastError
        ? { ok: false, text: status.lastError }
        : { ok: true, text: T.delivered(status.pendingBatches) };
    });

  const status = view?.status;
  const locks = view?.locks;
  const tokenKnown = Boolean(ingestToken || locks?.ingestToken);
  const preview = view ? { queued: view.queued, upcoming: view.upcoming } : null;
  return (
    <section class="activity sync" aria-labelledby="sync-heading">
      <h1 id="sync-heading">{T.title}</h1>
      <p class="intro">{T.intro}</p>
      <form
        class="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
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
          onInput={(e) => setEndpointUrl((e.currentTarget as HTMLInputElement).value)}
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
          onInput={(e) => setIngestToken((e.currentTarget as HTMLInputElement).value)}
        />
        {locks?.ingestToken && <LockedNote id="token-locked" />}
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={busy || !endpointUrl || !tokenKnown}
            onClick={() => void test()}
          >
            {T.test}
          </button>
          {locks?.syncEnabled !== false && (
            <button type="submit" disabled={busy || !tokenKnown}>
              {T.save}
            </button>
          )}
          {status?.configured && locks?.syncEnabled !== true && (
            <button type="button" class="secondary" disabled={busy} onClick={() => void turnOff()}>
              {T.turnOff}
            </button>
          )}
        </div>
      </form>
      {view && <SyncManaged view={view} onChange={() => void load()} />}
      <p
        role={message && !message.ok ? 'alert' : 'status'}
        class={message?.ok === false ? 'error' : 'status-message'}
      >
        {message?.text ?? ''}
      </p>

      {status?.configured && (
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
          <button type="button" disabled={busy} onClick={() => void syncNow()}>
            {T.syncNow}
          </button>
        </>
      )}

      <h2>{T.nextBatchHeading}</h2>
      <p class="intro">{T.nextBatchIntro}</p>
      <pre class="preview" tabIndex={0} aria-label={T.nextBatchLabel}>
        {preview ? JSON.stringify(preview, null, 2) : T.loading}
      </pre>
    </section>
  );
}
