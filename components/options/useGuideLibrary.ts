/**
 * The guide library as the background last told it (its guides and the organisation's pack),
 * the page's lines of news about it, and the pack's fetch on request.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryGuide, OrgGuidePackStatus } from '../../core/messages';
import { browser } from '../../platform/browser';
import { callBackground } from '../../platform/channel';
import { reachPattern } from '../../core/endpointAddress';
import { TEXT } from '../pageText';
import { reason } from './reason';

const T = TEXT.library;

export function useGuideLibrary() {
  const [guides, setGuides] = useState<LibraryGuide[] | null>(null);
  const [pack, setPack] = useState<OrgGuidePackStatus | null>(null);
  const [loadError, setLoadError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const { guides: list, pack: remote } = await callBackground('guides:list', {});
    setGuides(list);
    setPack(remote);
    setLoadError('');
  };

  useEffect(() => {
    load().catch((e: unknown) => setLoadError(T.loadFailed(reason(e))));
  }, []);

  const checkPack = async () => {
    setStatus('');
    setBusy(true);
    try {
      const remote = await callBackground('guides:fetch', {});
      setPack(remote);
      await load();
      setStatus(remote.lastError ? '' : T.upToDate);
    } catch (e) {
      setLoadError(T.checkFailed(reason(e)));
    } finally {
      setBusy(false);
    }
  };

  /** The pack's address is elsewhere than this machine: the browser asks the user once (a click). */
  const allowPack = async (origin: string) => {
    try {
      if (await browser.permissions.request({ origins: [reachPattern(origin)] })) await checkPack();
    } catch (e) {
      setLoadError(T.permissionFailed(origin, reason(e)));
    }
  };

  return {
    guides,
    pack,
    loadError,
    setLoadError,
    status,
    setStatus,
    busy,
    setBusy,
    load,
    checkPack,
    allowPack,
  };
}

export type GuideLibraryState = ReturnType<typeof useGuideLibrary>;
