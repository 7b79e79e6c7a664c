/** The command line of `npm run guides:doctor`, read without touching the file system. */

export const USAGE = `Usage: npm run guides:doctor -- --url URL [options] [guide files…]

Opens URL in headless Chromium with the built extension and reports, for every guide that
matches the page, whether each step's target is found and by which strategies.

Options:
  --url URL             the CRM page to check (required)
  --user-data-dir DIR   a Chromium profile that is already signed in to the CRM
  --timeout MS          how long to wait for each target (default: the step's own wait)
  --chromium-arg ARG    a flag for Chromium, e.g. --proxy-server=…; may be given again
  --json                machine-readable output
  --help                this text

Guide files default to every guide in guides/. Exit code: 0 healthy, 1 a step is broken or a
guide file has problems, 2 the check could not run.`;

export interface DoctorOptions {
  url: string;
  /** Guide files to check; empty for every guide in guides/. */
  files: string[];
  userDataDir?: string;
  /** Overrides every step's own wait for its target. */
  timeoutMs?: number;
  /** Extra Chromium flags (a proxy, host resolver rules), in the order given. */
  chromiumArgs: string[];
  json: boolean;
}

export type ParsedArgs =
  { kind: 'run'; options: DoctorOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** Longer than any step may wait (the schema allows 60 s), shorter than forgetting a zero. */
const MAX_TIMEOUT_MS = 600_000;

const WITH_VALUE = new Set(['--url', '--user-data-dir', '--timeout', '--chromium-arg']);
/** Options that may be given more than once, each value kept. */
const REPEATABLE = new Set(['--chromium-arg']);
const FLAGS = new Set(['--json', '--help', '-h']);

function checkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--url needs an absolute address such as https://example.my.salesforce.com/…, got "${raw}".`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `--url must be an http or https address, got "${raw}".`;
  }
  return null;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const files: string[] = [];
  const chromiumArgs: string[] = [];
  let json = false;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (FLAGS.has(name)) {
      if (eq !== -1) return { kind: 'error', message: `${name} takes no value.` };
      if (name === '--json') json = true;
      else return { kind: 'help' };
      continue;
    }
    if (!WITH_VALUE.has(name)) {
      return { kind: 'error', message: `Unknown option ${name} (see --help).` };
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    // A Chromium flag is itself written with dashes; the others never start with them.
    const dashed = eq === -1 && value?.startsWith('--') && !REPEATABLE.has(name);
    if (value === undefined || value === '' || dashed) {
      return { kind: 'error', message: `${name} needs a value.` };
    }
    if (REPEATABLE.has(name)) {
      chromiumArgs.push(value);
      continue;
    }
    if (values.has(name)) return { kind: 'error', message: `${name} is given twice.` };
    values.set(name, value);
  }

  const url = values.get('--url');
  if (url === undefined) {
    return { kind: 'error', message: 'Name the page to check with --url URL (see --help).' };
  }
  const badUrl = checkUrl(url);
  if (badUrl) return { kind: 'error', message: badUrl };

  const options: DoctorOptions = { url, files, chromiumArgs, json };
  const timeout = values.get('--timeout');
  if (timeout !== undefined) {
    const ms = Number(timeout);
    if (!/^\d+$/.test(timeout) || ms < 1 || ms > MAX_TIMEOUT_MS) {
      return {
        kind: 'error',
        message: `--timeout takes whole milliseconds from 1 to ${MAX_TIMEOUT_MS}, got "${timeout}".`,
      };
    }
    options.timeoutMs = ms;
  }
  const userDataDir = values.get('--user-data-dir');
  if (userDataDir !== undefined) options.userDataDir = userDataDir;
  return { kind: 'run', options };
}
