/**
 * "My activity"'s state: what the background keeps about this rep, the section's news, and the
 * export and the erase (the latter once the rep confirmed it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ActivitySummary } from '../../core/messages';
import { callBackground } from '../../platform/channel';
import { downloadJson } from '../../platform/download';
import { TEXT } from '../pageText';
import { reason } from './reason';

const T = TEXT.activity;

/** `YYYY-MM-DD` in the rep's own time zone, for the export's file name. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function useMyActivity() {
  const [summary, setSummary] = useState<ActivitySummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const load = async () => setSummary(await callBackground('activity:get', {}));

  useEffect(() => {
    load().catch((e: unknown) => setError(T.loadFailed(reason(e))));
  }, []);

  const exportAll = async () => {
    setError(null);
    setStatus('');
    setBusy(true);
    try {
      const data = await callBackground('activity:export', {});
      downloadJson(data, `waymark-activity-${localDate(new Date())}.json`);
      setStatus(T.exported(data.events.length));
    } catch (e) {
      setError(T.exportFailed(reason(e)));
    } finally {
      setBusy(false);
    }
  };

  const openConfirm = () => {
    setError(null);
    setStatus('');
    setConfirming(true);
  };

  const closeConfirm = () => setConfirming(false);

  const eraseAll = async () => {
    setBusy(true);
    let erased: number;
    try {
      ({ erased } = await callBackground('activity:erase', {}));
    } catch (e) {
      closeConfirm();
      setError(T.eraseFailed(reason(e)));
      return;
    } finally {
      setBusy(false);
    }
    closeConfirm();
    setStatus(T.erased(erased));
    try {
      await load();
    } catch (e) {
      setError(T.refreshFailed(reason(e)));
    }
  };

  return {
    summary,
    error,
    status,
    busy,
    confirming,
    exportAll,
    openConfirm,
    closeConfirm,
    eraseAll,
  };
}

export type MyActivityState = ReturnType<typeof useMyActivity>;
