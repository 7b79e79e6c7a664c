/**
 * An options section's actions: one at a time (buttons are disabled meanwhile), each ending in
 * a sentence for the section's status line, and the section read again afterwards.
 */
import { useState } from 'preact/hooks';

export type SectionMessage = { ok: boolean; text: string } | null;

export function useSectionAction(reload: () => Promise<unknown>) {
  const [message, setMessage] = useState<SectionMessage>(null);
  const [busy, setBusy] = useState(false);
  const act = async (task: () => Promise<SectionMessage>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await task());
      await reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return { message, setMessage, busy, act };
}
