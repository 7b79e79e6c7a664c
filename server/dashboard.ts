/**
 * The admin dashboard's static files (built by `npm run build:dashboard`), read into memory once
 * at start: a handful of small files, served by exact name, so no request path ever reaches the
 * file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DASHBOARD_DIR = fileURLToPath(
  new URL('../.output/dashboard', import.meta.url),
);

export interface DashboardFile {
  body: Buffer;
  type: string;
}

export interface DashboardFiles {
  index: DashboardFile;
  /** By file name, under /dashboard/assets/. */
  assets: Map<string, DashboardFile>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The page may load scripts, styles and data from its own origin only: no inline script, no
 * third party, no framing.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The built dashboard, or null when it has not been built. */
export function loadDashboard(dir: string): DashboardFiles | null {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const assets = new Map<string, DashboardFile>();
  const assetsDir = join(dir, 'assets');
  for (const name of existsSync(assetsDir) ? readdirSync(assetsDir) : []) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    if (type) assets.set(name, { body: readFileSync(join(assetsDir, name)), type });
  }
  return {
    index: { body: readFileSync(indexFile), type: 'text/html; charset=utf-8' },
    assets,
  };
}
