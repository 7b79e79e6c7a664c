/**
 * npm run server [-- token create|list|revoke ...]: the endpoint and its token administration.
 * Tokens are printed once, when created; only their hash is stored.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  endpointOptionsFromEnv,
  startEndpoint,
  type Endpoint,
} from './index';
import { consoleIo, describeStore, UsageError, type Io } from './commandLine';
import { openStore } from './stores/open';
import { TOKEN_KINDS, type SignalStore, type TokenKind } from './stores/types';
import { importGuides } from './guideLifecycle';
import { createToken } from './tokens';

export const USAGE = `Usage:
  npm run server                                      start the endpoint
  npm run server -- token create --org ORG --kind ingest|admin|trainer [--label TEXT]
                                                      create a token (printed once); a
                                                      trainer's label names its guide changes
  npm run server -- guides import DIR --org ORG [--label TEXT]
                                                      make the guide files of DIR the org's
                                                      live guides (checked as guides:check)
  npm run server -- token list [--org ORG]            list tokens (never their value)
  npm run server -- token revoke TOKEN_ID             revoke a token

Environment: PORT (8787), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; else SQLite),
WAYMARK_SQLITE (SQLite file), WAYMARK_GUIDES_DIR, WAYMARK_K (5), WAYMARK_RATE_PER_SECOND (50;
0 = no limit), WAYMARK_RATE_BURST (100), WAYMARK_BODY_LIMIT (bytes, 262144), WAYMARK_PG_POOL (10),
WAYMARK_BATCH_ID_DAYS (180).`;

async function withStore<T>(env: NodeJS.ProcessEnv, use: (s: SignalStore) => Promise<T>) {
  const options = endpointOptionsFromEnv(env);
  const store = await openStore(options);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function tokenCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          kind: { type: 'string' },
          label: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/\.$/, ''));
    }
  })();

  switch (action) {
    case 'create': {
      if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
      if (!values.org) throw new UsageError('token create needs --org ORG');
      if (!values.kind) throw new UsageError(`token create needs --kind ${TOKEN_KINDS.join('|')}`);
      if (!TOKEN_KINDS.includes(values.kind as TokenKind)) {
        throw new UsageError(`--kind must be ${TOKEN_KINDS.join(', ')} — got "${values.kind}"`);
      }
      const org = values.org;
      const kind = values.kind as TokenKind;
      const label = tokenLabel(values.label);
      const { record, token } = await withStore(env, (store) =>
        createToken(store, org, kind, new Date(), label),
      );
      io.err(
        `Created ${kind} token ${record.id} for org ${org} in ${describeStore(env)}.\n` +
          'Copy it now: only its hash is stored, so it cannot be shown again.',
      );
      io.out(token);
      return 0;
    }
    case 'list': {
      if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
      if (values.kind || values.label) throw new UsageError('token list takes --org only');
      const tokens = await withStore(env, (store) => store.listTokens(values.org));
      if (tokens.length === 0) {
        io.err(`No tokens${values.org ? ` for org ${values.org}` : ''} in ${describeStore(env)}.`);
        return 0;
      }
      io.out(['id', 'org', 'kind', 'created', 'status', 'label'].join('\t'));
      for (const t of tokens) {
        const status = t.revokedAt ? `revoked ${t.revokedAt}` : 'active';
        io.out([t.id, t.org, t.kind, t.createdAt, status, t.label].join('\t'));
      }
      return 0;
    }
    case 'revoke': {
      if (values.org || values.kind || values.label) {
        throw new UsageError('token revoke takes a token id only');
      }
      const [id, ...extra] = positionals;
      if (!id) throw new UsageError('token revoke needs the token id (see token list)');
      if (extra.length > 0) throw new UsageError('token revoke takes one token id');
      return withStore(env, async (store) => {
        const before = (await store.listTokens()).find((t) => t.id === id);
        if (!before) {
          io.err(`No token ${id} in ${describeStore(env)} (see token list).`);
          return 1;
        }
        if (before.revokedAt) {
          io.err(`Token ${id} was already revoked on ${before.revokedAt}.`);
          return 0;
        }
        await store.revokeToken(id, new Date().toISOString());
        io.err(
          `Revoked ${before.kind} token ${id} of org ${before.org}; it is refused from now on.`,
        );
        return 0;
      });
    }
    default:
      throw new UsageError(
        action ? `Unknown token command "${action}"` : 'token needs create, list or revoke',
      );
  }
}

/** A token's label: printable, one line, short, as it is shown in guide histories. */
function tokenLabel(label: string | undefined): string {
  const text = (label ?? '').trim();
  if (text.length > 80 || /[\p{Cc}]/u.test(text)) {
    throw new UsageError('--label must be one line of at most 80 characters');
  }
  return text;
}

async function guidesCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'import') {
    throw new UsageError(action ? `Unknown guides command "${action}"` : 'guides needs import');
  }
  let parsed: ReturnType<typeof parseGuidesArgs>;
  try {
    parsed = parseGuidesArgs(rest);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UsageError('guides import needs one directory');
  if (!values.org) throw new UsageError('guides import needs --org ORG');
  const org = values.org;
  const label = tokenLabel(values.label ?? `import of ${dir}`);
  const imported = await withStore(env, (store) => importGuides(store, org, dir, { label }));
  io.err(
    `Imported ${imported.length} guide${imported.length === 1 ? '' : 's'} into org ${org} in ` +
      `${describeStore(env)}, live now: ${imported.map((v) => `${v.guideId} v${v.live}`).join(', ')}.`,
  );
  return 0;
}

const parseGuidesArgs = (args: string[]) =>
  parseArgs({
    args,
    options: { org: { type: 'string' }, label: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });

/** Starts the endpoint as configured by the environment and prints where it listens. */
export async function serve(env: NodeJS.ProcessEnv, io: Io = consoleIo): Promise<Endpoint> {
  const options = endpointOptionsFromEnv(env);
  let endpoint: Endpoint;
  try {
    endpoint = await startEndpoint(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `port ${options.port ?? DEFAULT_PORT} on ${options.host ?? DEFAULT_HOST} is in use; set PORT to another one`,
        { cause: error },
      );
    }
    throw error;
  }
  io.out(`Waymark endpoint listening on ${endpoint.url} (store: ${describeStore(env)})`);
  io.out(
    endpoint.dashboardUrl
      ? `Dashboard: ${endpoint.dashboardUrl}`
      : 'The dashboard is not built: run `npm run build:dashboard` and restart to serve it.',
  );
  return endpoint;
}

/** Runs one command; resolves to the exit code (the server command resolves once listening). */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Io = consoleIo,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      const endpoint = await serve(env, io);
      const stop = () => {
        io.err('Stopping…');
        void endpoint.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return 0;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (command === 'token') return await tokenCommand(rest, env, io);
    if (command === 'guides') return await guidesCommand(rest, env, io);
    throw new UsageError(`Unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}.\n\n${USAGE}`);
    } else {
      io.err(`Error: ${(error as Error).message}`);
    }
    return 1;
  }
}
