/**
 * Reads the extension's event log from its own IndexedDB. The function is evaluated inside the
 * extension (Chromium's service worker, or one of Firefox's extension pages), so it must stay
 * self-contained: every event in log order, or only how many there are (counted there, so
 * polling it stays cheap for the log).
 */
export function readEventLogHere(countOnly: boolean): Promise<Record<string, unknown>[] | number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('waymark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('eventBatches').objectStore('eventBatches');
      const request = store.getAll();
      request.onsuccess = () => {
        open.result.close();
        const batches = request.result as { events: Record<string, unknown>[] }[];
        resolve(
          countOnly
            ? batches.reduce((n, batch) => n + batch.events.length, 0)
            : batches.flatMap((batch) => batch.events),
        );
      };
    };
  });
}
