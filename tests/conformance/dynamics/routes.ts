/**
 * The page's router. Dynamics 365 is one page, `main.aspx`, routed by its query string; this
 * mirrors the parameters it reads (`pagetype`, `etn`, `id`, `viewid`, `appid`), case-insensitively
 * as Dynamics does, and moves with `history.pushState` like the Unified Interface.
 */
import { useSyncExternalStore } from 'react';

/** The Sales Hub app module and the "My Open Opportunities" system view on this fake org. */
export const APP_ID = '0c8b6e2a-7f41-4d2e-9b3a-5e6f7a8b9c0d';
export const VIEW_ID = '00000000-0000-0000-00aa-000010003001';

export type Route =
  | { kind: 'list'; entity: 'opportunity' }
  | { kind: 'record'; entity: 'opportunity'; id: string }
  | { kind: 'new'; entity: 'opportunity' }
  | { kind: 'notFound'; reason: string };

const LOCATION_CHANGE = 'conformance:locationchange';

function param(params: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of params) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** Record ids arrive as `3f2a…`, `{3F2A…}` or `%7B3F2A…%7D`: Dynamics accepts all three. */
export function normalizeId(id: string): string {
  return id.replace(/^\{|\}$/g, '').toLowerCase();
}

export function listUrl(entity = 'opportunity'): string {
  const view = entity === 'opportunity' ? `&viewid=${VIEW_ID}` : '';
  return `/main.aspx?appid=${APP_ID}&pagetype=entitylist&etn=${entity}${view}`;
}

export function recordUrl(id: string): string {
  return `/main.aspx?appid=${APP_ID}&pagetype=entityrecord&etn=opportunity&id=${id}`;
}

export function newRecordUrl(): string {
  return `/main.aspx?appid=${APP_ID}&pagetype=entityrecord&etn=opportunity`;
}

export function routeOf(url: URL): Route {
  const last = url.pathname.split('/').filter(Boolean).at(-1)?.toLowerCase();
  if (last !== 'main.aspx') return { kind: 'notFound', reason: 'page' };
  const pageType = param(url.searchParams, 'pagetype')?.toLowerCase();
  const entity = param(url.searchParams, 'etn')?.toLowerCase();
  if (entity !== 'opportunity') return { kind: 'notFound', reason: 'page' };
  if (pageType === 'entitylist') return { kind: 'list', entity };
  if (pageType === 'entityrecord') {
    const id = param(url.searchParams, 'id');
    return id ? { kind: 'record', entity, id: normalizeId(id) } : { kind: 'new', entity };
  }
  return { kind: 'notFound', reason: 'page' };
}

/** Same-document navigation, as the Unified Interface does it. */
export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new Event(LOCATION_CHANGE));
}

/** Follow a link in place unless the user asked for a new tab or window. */
export function followLink(event: {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  preventDefault(): void;
  currentTarget: EventTarget;
}): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return;
  }
  const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href');
  if (!href) return;
  event.preventDefault();
  navigate(href);
}

function subscribe(onChange: () => void): () => void {
  addEventListener('popstate', onChange);
  addEventListener(LOCATION_CHANGE, onChange);
  return () => {
    removeEventListener('popstate', onChange);
    removeEventListener(LOCATION_CHANGE, onChange);
  };
}

/** The current address; re-renders on pushState/replaceState made here and on back/forward. */
export function useHref(): string {
  return useSyncExternalStore(subscribe, () => location.href);
}
