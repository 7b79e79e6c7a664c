import { useEffect, useState } from 'react';

/** How long the Unified Interface typically leaves a form or grid body empty after the shell. */
export const LATE_RENDER_MS = 300;

/**
 * False for `ms` after `key` first appears (a record, a view), then true: content keyed on it is
 * rendered late, so scripts that look for it at page load must wait as they do on Dynamics.
 */
export function useLateRender(key: string, ms = LATE_RENDER_MS): boolean {
  const [readyKey, setReadyKey] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setReadyKey(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return readyKey === key;
}
