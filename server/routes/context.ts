/**
 * What every route works with: the app's options, and the Node request beneath Hono's.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { DashboardFiles } from '../dashboard';
import type { GuidePack } from '../guidePack';
import type { RateLimit } from '../rateLimit';
import type { SignalStore } from '../stores/types';

export interface AppOptions {
  store: SignalStore;
  pack: GuidePack;
  /** The OpenAPI description, served as is. */
  openapi: string;
  k: number;
  bodyLimit: number;
  rateLimit: RateLimit | false;
  /** Proxies in front whose X-Forwarded-For is believed; 0 limits by the socket's address. */
  trustedProxies: number;
  /** The built dashboard; null answers its pages with how to build it. */
  dashboard: DashboardFiles | null;
  /** Days a batch id is kept: counters for days before them are refused (see ingest.ts). */
  batchIdDays: number;
  /** Today's UTC day. */
  today: () => string;
}

/** Absent when the app is called without Node's server, as `app.request()` in tests is. */
export function incomingOf(c: Context): HttpBindings['incoming'] | undefined {
  return (c.env as Partial<HttpBindings> | undefined)?.incoming;
}
