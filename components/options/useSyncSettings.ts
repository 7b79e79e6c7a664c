/**
 * The sync section's state: the endpoint's address and token as typed, what the background says
 * of sync, and the section's actions on them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncView } from '../../core/messages';
import { browser } from '../../platform/browser';
import { sendPermissions, syncDataCategories } from '../../platform/dataCollection';
import { endpointProblem, isThisMachine } from '../../core/endpointAddress';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';
import { useSectionAction } from './useSectionAction';

const T = TEXT.sync;

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

export function useSyncSettings() {
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

  return {
    view,
    endpointUrl,
    setEndpointUrl,
    ingestToken,
    setIngestToken,
    load,
    message,
    busy,
    test,
    save,
    turnOff,
    syncNow,
  };
}

export type SyncSettingsState = ReturnType<typeof useSyncSettings>;
