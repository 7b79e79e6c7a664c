/** Client for the demo server's JSON API. Passes the page's own `?delay=` through. */
import type { Account, Opportunity } from '../seed.js';

export type { Account, Opportunity };

export { INDUSTRIES, STAGES } from './picklists.js';

export const CURRENT_USER = 'Jordan Rivera';

export function isClosed(stage: string): boolean {
  return stage === 'Closed Won' || stage === 'Closed Lost';
}

export class NotFoundError extends Error {}

let sessionDelay: string | null = null;

/**
 * The page's `?delay=` (ms), remembered for the rest of the session so that in-app navigation to
 * URLs without it keeps the same timing. Null means the server default (250 ms).
 */
export function pageDelay(): string | null {
  const fromUrl = new URLSearchParams(location.search).get('delay');
  if (fromUrl !== null) sessionDelay = fromUrl;
  return sessionDelay;
}

/** Extra wait for secondary content (the record's Related card): ~1 s, none when `?delay=0`. */
export function secondaryDelayMs(): number {
  return pageDelay() === '0' ? 0 : 1000;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const url = new URL(path, location.origin);
  const delay = pageDelay();
  if (delay !== null) url.searchParams.set('delay', delay);
  const res = await fetch(url, {
    method,
    signal,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 404) throw new NotFoundError(path);
  if (!res.ok) {
    const detail = (await res.json().catch(() => ({}))) as { error?: string };
    throw new Error(detail.error ?? `${method} ${path} failed (${res.status})`);
  }
  return (await res.json()) as T;
}

export type Kind = 'opportunities' | 'accounts';

export const api = {
  list<T>(kind: Kind, signal?: AbortSignal): Promise<T[]> {
    return request<T[]>('GET', `/api/${kind}`, undefined, signal);
  },
  get<T>(kind: Kind, id: string, signal?: AbortSignal): Promise<T> {
    return request<T>('GET', `/api/${kind}/${encodeURIComponent(id)}`, undefined, signal);
  },
  put<T>(kind: Kind, id: string, body: unknown): Promise<T> {
    return request<T>('PUT', `/api/${kind}/${encodeURIComponent(id)}`, body);
  },
  post<T>(kind: Kind, body: unknown): Promise<T> {
    return request<T>('POST', `/api/${kind}`, body);
  },
};

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
