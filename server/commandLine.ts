/** What the endpoint's command-line tools (`npm run server`, `npm run seed:demo`) share. */
import { DEFAULT_SQLITE_PATH } from './stores/open';

/** Where a command writes: the console, or lines kept by a test. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** A mistake in the command line: its message is shown with the usage, and the exit code is 1. */
export class UsageError extends Error {}

/** The store a command works on, as the admin would name it (never the password). */
export function describeStore(env: NodeJS.ProcessEnv): string {
  if (env.DATABASE_URL) {
    try {
      const url = new URL(env.DATABASE_URL);
      return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    } catch {
      return 'PostgreSQL';
    }
  }
  return `SQLite ${env.WAYMARK_SQLITE || DEFAULT_SQLITE_PATH}`;
}
