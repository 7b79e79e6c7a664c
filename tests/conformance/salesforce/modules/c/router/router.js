/**
 * Client-side routing for the conformance page: the URL shapes of Lightning Experience, changed
 * with history.pushState (no reload), as one.app does.
 */
const listeners = new Set();

const RECORD = /^\/lightning\/r\/Opportunity\/([a-zA-Z0-9]{18})(?:\/view)?\/?$/;
const LIST = /^\/lightning\/o\/Opportunity\/list\/?$/;

export const LIST_URL = '/lightning/o/Opportunity/list';

export function recordUrl(recordId) {
  return `/lightning/r/Opportunity/${recordId}/view`;
}

/** `{ name: 'record', recordId }`, `{ name: 'list' }` or `{ name: 'notFound' }`. */
export function parseRoute(pathname) {
  const record = RECORD.exec(pathname);
  if (record) return { name: 'record', recordId: record[1] };
  if (LIST.test(pathname)) return { name: 'list' };
  return { name: 'notFound' };
}

export function currentRoute() {
  return parseRoute(window.location.pathname);
}

export function navigate(url) {
  if (url === window.location.pathname + window.location.search) return;
  window.history.pushState({}, '', url);
  notify();
}

/** Calls `listener(route)` on every navigation, pushState or popstate; returns an unsubscribe. */
export function subscribe(listener) {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify() {
  const route = currentRoute();
  for (const listener of listeners) listener(route);
}

/** For an `<a href>` click: true when the browser should handle it (new tab, modifiers…). */
export function isBrowserClick(event) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
