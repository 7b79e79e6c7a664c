import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '../../core/messages';
import { browser } from '../../platform/browser';
import { callBackground } from '../../runtime/channel';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

function when(at: number | null): string {
  return at ? new Date(at).toLocaleString() : 'never';
}

/** Asks for permission to reach the endpoint (needs the click that saved it). */
async function allowEndpoint(url: string): Promise<boolean> {
  const { origin, hostname } = new URL(url);
  if (LOCAL_HOSTS.has(hostname)) return true;
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

/**
 * Where anonymous counters go, whether they got there, and exactly what the next batch holds,
 * so the rep and the admin can read it before it leaves.
 */
export function SyncSettings() {
  const [view, setView] = useState<SyncView | null>(null);
  const [endpointUrl, setEndpointUrl] = useState('');
  const [ingestToken, setIngestToken] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const next = await callBackground('sync:get', {});
    setView(next);
    if (next.status.endpointUrl)
      setEndpointUrl((current) => current || next.status.endpointUrl || '');
  };
  useEffect(() => {
    void load().catch((e: unknown) =>
      setMessage({ ok: false, text: `Could not read the sync status: ${String(e)}` }),
    );
  }, []);

  const act = async (task: () => Promise<{ ok: boolean; text: string } | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await task());
      await load();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const test = () =>
    act(async () => {
      const result = await callBackground('sync:test', { endpointUrl, ingestToken });
      return { ok: result.ok, text: result.message };
    });
  const save = () =>
    act(async () => {
      if (!(await allowEndpoint(endpointUrl))) {
        return {
          ok: false,
          text: `Waymark needs your permission to send to ${new URL(endpointUrl).origin}.`,
        };
      }
      const status = await callBackground('sync:configure', { endpointUrl, ingestToken });
      setIngestToken('');
      return status.lastError
        ? { ok: false, text: `Saved. The first delivery failed: ${status.lastError}` }
        : { ok: true, text: 'Saved. Sync is on.' };
    });
  const turnOff = () =>
    act(async () => {
      await callBackground('sync:configure', null);
      return { ok: true, text: 'Sync is off. Nothing leaves this browser.' };
    });
  const syncNow = () =>
    act(async () => {
      const status = await callBackground('sync:now', {});
      return status.lastError
        ? { ok: false, text: status.lastError }
        : { ok: true, text: `Delivered. ${status.pendingBatches} batches waiting.` };
    });

  const status = view?.status;
  const preview = view ? { queued: view.queued, upcoming: view.upcoming } : null;
  return (
    <section class="activity sync" aria-labelledby="sync-heading">
      <h1 id="sync-heading">Sync</h1>
      <p class="intro">
        When your organisation runs a Waymark endpoint, this browser sends it anonymous daily
        counters: how often each guide step was shown, completed or skipped, by role and page type.
        No name, email, record, field value or address is ever sent, and nothing links two
        deliveries to you.
      </p>
      <form
        class="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label for="endpoint">Endpoint address</label>
        <input
          id="endpoint"
          type="url"
          required
          placeholder="https://waymark.example.com"
          value={endpointUrl}
          onInput={(e) => setEndpointUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <label for="token">Ingest token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          required={!view?.tokenSet}
          placeholder={view?.tokenSet ? 'saved (enter a new one to replace it)' : ''}
          value={ingestToken}
          onInput={(e) => setIngestToken((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={busy || !endpointUrl || !ingestToken}
            onClick={() => void test()}
          >
            Test connection
          </button>
          <button type="submit" disabled={busy || !ingestToken}>
            Save
          </button>
          {status?.configured && (
            <button type="button" class="secondary" disabled={busy} onClick={() => void turnOff()}>
              Turn sync off
            </button>
          )}
        </div>
      </form>
      <p
        role={message && !message.ok ? 'alert' : 'status'}
        class={message?.ok === false ? 'error' : 'status-message'}
      >
        {message?.text ?? ''}
      </p>

      {status?.configured && (
        <>
          <h2>Status</h2>
          <dl class="sync-status">
            <dt>Endpoint</dt>
            <dd>{status.endpointUrl}</dd>
            <dt>Last delivery</dt>
            <dd>{when(status.lastSuccessAt)}</dd>
            <dt>Waiting</dt>
            <dd>
              {status.pendingBatches} batches ({status.pendingSignals} counters)
            </dd>
            {status.lastError && (
              <>
                <dt>Last problem</dt>
                <dd>{status.lastError}</dd>
                <dt>Next try</dt>
                <dd>{when(status.nextAttemptAt)}</dd>
              </>
            )}
          </dl>
          <button type="button" disabled={busy} onClick={() => void syncNow()}>
            Sync now
          </button>
        </>
      )}

      <h2>What the next batch will send</h2>
      <p class="intro">
        Exactly these counters, as JSON. Batches already queued keep their random id until the
        endpoint confirms them.
      </p>
      <pre class="preview" tabIndex={0} aria-label="Next batch contents">
        {preview ? JSON.stringify(preview, null, 2) : 'Loading…'}
      </pre>
    </section>
  );
}
