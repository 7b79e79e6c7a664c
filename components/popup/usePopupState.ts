/**
 * The popup's state: the active tab, what the background says of it for this rep, the guides'
 * target-missing counts, and the last error; with what the rep can do from here.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import type { PopupState } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { TEXT } from '../pageText';

const T = TEXT.popup;

export function usePopupState() {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, number>>({});

  const load = async (current = tab) => {
    if (!current) return;
    setState(await callBackground('popup:state', { tabId: current.id, url: current.url }));
  };

  useEffect(() => {
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      const current = { id: active?.id ?? -1, url: active?.url ?? '' };
      setTab(current);
      await load(current);
    })().catch((e: unknown) => setError(T.loadFailed(String(e))));
  }, []);

  // Counted over the whole event log, so asked for apart: the list never waits for it.
  useEffect(() => {
    callBackground('guides:list', {})
      .then(({ guides }) =>
        setMissing(Object.fromEntries(guides.map((g) => [g.id, g.targetMissing]))),
      )
      // Only a note for trainers; the popup works without it.
      .catch(() => undefined);
  }, []);

  const update = async (change: { role?: string; paused?: boolean }) => {
    setError(null);
    try {
      await callBackground('settings:update', change);
      await load();
    } catch (e) {
      setError(T.saveFailed(String(e)));
    }
  };

  const launch = async (guideId: string) => {
    setError(null);
    const result = await callBackground('popup:launch', { tabId: tab?.id ?? -1, guideId });
    if (result.ok) window.close();
    else setError(result.error ?? T.launchFailed);
  };

  const openAuthoring = async () => {
    setError(null);
    const result = await callBackground('author:open', { tabId: tab?.id ?? -1 });
    if (result.ok) window.close();
    else setError(result.error ?? T.authoringFailed);
  };

  const openActivity = async () => {
    setError(null);
    try {
      await browser.runtime.openOptionsPage();
      window.close();
    } catch (e) {
      setError(T.activityFailed(String(e)));
    }
  };

  const reportChampionAsked = () => callBackground('champion:asked', { url: tab?.url ?? '' });

  return {
    state,
    error,
    missing,
    update,
    launch,
    openAuthoring,
    openActivity,
    reportChampionAsked,
  };
}
