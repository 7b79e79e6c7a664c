/**
 * Summit CRM: the demo CRM that Waymark's e2e tests, benchmarks and first-time users run against.
 *
 * Plain `node:http`. Serves `demo/public/**` as static files, answers every `/app/...` path with the
 * SPA shell, bundles `demo/app/**.ts` on request to `/src/**.js` ES modules, and offers a small
 * in-memory JSON API whose answers are deliberately late (`?delay=` ms, default 250).
 *
 * Run: `npx tsx demo/server.ts` (PORT env, default 5178).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  CURRENT_USER,
  probabilityFor,
  seedAccounts,
  seedOpportunities,
  type Account,
  type Opportunity,
} from './seed.ts';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
const PUBLIC_DIR = resolve(DEMO_DIR, 'public');
const APP_DIR = resolve(DEMO_DIR, 'app');

const MAX_BODY_BYTES = 100 * 1024;
const DEFAULT_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Resolve `relative` inside `root`; null when it would leave `root`. */
function insideRoot(root: string, relative: string): string | null {
  const full = resolve(root, '.' + sep + relative);
  return full.startsWith(root + sep) ? full : null;
}

function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'Not found\n', 'text/plain; charset=utf-8');
}

async function fileIfExists(path: string): Promise<{ mtimeMs: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Store

type Kind = 'opportunities' | 'accounts';

interface FieldSpec {
  type: 'string' | 'number';
  max: number;
}

const OPPORTUNITY_FIELDS: Record<string, FieldSpec> = {
  name: { type: 'string', max: 255 },
  accountId: { type: 'string', max: 64 },
  accountName: { type: 'string', max: 255 },
  stage: { type: 'string', max: 64 },
  amount: { type: 'number', max: 0 },
  closeDate: { type: 'string', max: 10 },
  nextStep: { type: 'string', max: 255 },
  description: { type: 'string', max: 32_000 },
  owner: { type: 'string', max: 120 },
};

const ACCOUNT_FIELDS: Record<string, FieldSpec> = {
  name: { type: 'string', max: 255 },
  industry: { type: 'string', max: 64 },
  phone: { type: 'string', max: 40 },
  website: { type: 'string', max: 255 },
  annualRevenue: { type: 'number', max: 0 },
  billingCity: { type: 'string', max: 120 },
  owner: { type: 'string', max: 120 },
};

function createStore() {
  const accounts = new Map<string, Account>();
  const opportunities = new Map<string, Opportunity>();
  for (const account of seedAccounts()) accounts.set(account.id, account);
  for (const opp of seedOpportunities([...accounts.values()])) opportunities.set(opp.id, opp);
  let nextOpp = 1001 + opportunities.size;
  let nextAcc = 2001 + accounts.size;

  /** Known fields only, coerced to their type; anything else in the body is ignored. */
  function clean(kind: Kind, body: unknown): Record<string, string | number> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, 'Body must be a JSON object');
    }
    const spec = kind === 'opportunities' ? OPPORTUNITY_FIELDS : ACCOUNT_FIELDS;
    const out: Record<string, string | number> = {};
    for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
      const field = spec[key];
      if (!field || raw === undefined || raw === null) continue;
      if (field.type === 'number') {
        const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[$,\s]/g, ''));
        if (!Number.isFinite(n)) throw new HttpError(400, `${key} must be a number`);
        out[key] = n;
      } else {
        out[key] = String(raw).slice(0, field.max);
      }
    }
    return out;
  }

  function upsertOpportunity(id: string, patch: Record<string, string | number>): Opportunity {
    const base: Opportunity = opportunities.get(id) ?? {
      id,
      name: 'Untitled opportunity',
      accountId: '',
      accountName: '',
      stage: 'Prospecting',
      amount: 0,
      closeDate: '',
      nextStep: '',
      description: '',
      owner: CURRENT_USER,
      probability: 10,
    };
    const next = { ...base, ...patch, id } as Opportunity;
    if (typeof patch.accountName === 'string' && patch.accountId === undefined) {
      const match = [...accounts.values()].find(
        (a) => a.name.toLowerCase() === next.accountName.trim().toLowerCase(),
      );
      next.accountId = match?.id ?? '';
    }
    next.probability = probabilityFor(next.stage);
    opportunities.set(id, next);
    return next;
  }

  function upsertAccount(id: string, patch: Record<string, string | number>): Account {
    const base: Account = accounts.get(id) ?? {
      id,
      name: 'Untitled account',
      industry: '',
      phone: '',
      website: '',
      annualRevenue: 0,
      billingCity: '',
      owner: CURRENT_USER,
    };
    const next = { ...base, ...patch, id } as Account;
    accounts.set(id, next);
    return next;
  }

  return {
    list(kind: Kind): unknown[] {
      return [...(kind === 'opportunities' ? opportunities : accounts).values()];
    },
    get(kind: Kind, id: string): unknown {
      return (kind === 'opportunities' ? opportunities : accounts).get(id);
    },
    put(kind: Kind, id: string, body: unknown): { created: boolean; record: unknown } {
      const patch = clean(kind, body);
      const map = kind === 'opportunities' ? opportunities : accounts;
      const created = !map.has(id);
      const record =
        kind === 'opportunities' ? upsertOpportunity(id, patch) : upsertAccount(id, patch);
      return { created, record };
    },
    post(kind: Kind, body: unknown): unknown {
      const patch = clean(kind, body);
      const given = (body as Record<string, unknown>).id;
      const map = kind === 'opportunities' ? opportunities : accounts;
      let id: string;
      if (typeof given === 'string' && given.trim() !== '') {
        id = given.trim().slice(0, 128);
        if (map.has(id)) throw new HttpError(409, `${id} already exists`);
      } else {
        do {
          id = kind === 'opportunities' ? `opp-${nextOpp++}` : `acc-${nextAcc++}`;
        } while (map.has(id));
      }
      if (typeof patch.name !== 'string' || patch.name.trim() === '') {
        throw new HttpError(400, 'name is required');
      }
      return kind === 'opportunities' ? upsertOpportunity(id, patch) : upsertAccount(id, patch);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Request handling

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume(); // drain, so the client gets to read the 413
      reject(new HttpError(413, 'Body too large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new HttpError(413, 'Body too large'));
      else resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function delayFrom(url: URL): number {
  const raw = url.searchParams.get('delay');
  if (raw === null || raw.trim() === '') return DEFAULT_DELAY_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) return DEFAULT_DELAY_MS;
  return Math.min(Math.round(n), MAX_DELAY_MS);
}

export async function startDemoServer(
  opts: { port?: number; host?: string } = {},
): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  const store = createStore();
  /** Each module's bundle, with the modification times of the files it was made from. */
  const transpiled = new Map<string, { inputs: Map<string, number>; code: string }>();
  const unchanged = async (inputs: Map<string, number>) => {
    for (const [input, mtimeMs] of inputs) {
      if ((await fileIfExists(input))?.mtimeMs !== mtimeMs) return false;
    }
    return true;
  };
  const timers = new Set<NodeJS.Timeout>();

  function later(ms: number, fn: () => void): void {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = /^\/api\/(opportunities|accounts)(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!match) throw new HttpError(404, 'No such API');
    const kind = match[1] as Kind;
    const rawId = match[2];
    const id = rawId === undefined ? undefined : decodePath(rawId);
    if (id === null || id === '') throw new HttpError(400, 'Bad id');

    let status = 200;
    let result: unknown;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (id === undefined) {
        result = store.list(kind);
      } else {
        result = store.get(kind, id);
        if (result === undefined) throw new HttpError(404, `No record ${id}`);
      }
    } else if (req.method === 'PUT' && id !== undefined) {
      const put = store.put(kind, id, parseJson(await readBody(req)));
      status = put.created ? 201 : 200;
      result = put.record;
    } else if (req.method === 'POST' && id === undefined) {
      result = store.post(kind, parseJson(await readBody(req)));
      status = 201;
    } else {
      throw new HttpError(405, 'Method not allowed');
    }
    later(delayFrom(url), () => sendJson(res, status, result));
  }

  async function handleModule(res: ServerResponse, path: string): Promise<void> {
    const relative = path.slice('/src/'.length).replace(/\.js$/, '.ts');
    const file = path.endsWith('.js') ? insideRoot(APP_DIR, relative) : null;
    const info = file ? await fileIfExists(file) : null;
    if (!file || !info) return notFound(res);
    let cached = transpiled.get(file);
    if (!cached || !(await unchanged(cached.inputs))) {
      // Bundled, so the app may use a module it shares with the repository (core/random.ts).
      const out = await build({
        entryPoints: [file],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        sourcemap: 'inline',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = new Map<string, number>();
      for (const input of Object.keys(out.metafile.inputs)) {
        inputs.set(resolve(input), (await stat(resolve(input))).mtimeMs);
      }
      cached = { inputs, code: out.outputFiles[0]?.text ?? '' };
      transpiled.set(file, cached);
    }
    send(res, 200, cached.code, 'text/javascript; charset=utf-8');
  }

  async function handleStatic(res: ServerResponse, path: string): Promise<void> {
    const file = insideRoot(PUBLIC_DIR, path);
    if (!file || !(await fileIfExists(file))) return notFound(res);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    send(res, 200, await readFile(file), type);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      // Errors are late too (all but 413, which answers a body we stopped reading).
      return handleApi(req, res, url).catch((error: unknown) => {
        if (error instanceof HttpError && error.status !== 413) {
          later(delayFrom(url), () => sendJson(res, error.status, { error: error.message }));
        } else {
          throw error;
        }
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8', {
        Allow: 'GET, HEAD',
      });
    }
    const path = decodePath(url.pathname);
    if (path === null) return notFound(res);
    if (path === '/') {
      res.writeHead(302, { Location: '/app/home' + url.search, 'Content-Length': '0' });
      return void res.end();
    }
    if (path === '/app' || path.startsWith('/app/')) return handleStatic(res, '/index.html');
    if (path.startsWith('/src/')) return handleModule(res, path);
    return handleStatic(res, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('Connection', 'close');
        return sendJson(res, error.status, { error: error.message });
      }
      console.error(error);
      sendJson(res, 500, { error: 'Internal error' });
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body must be JSON');
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const port = Number(process.env.PORT ?? 5178);
  const server = await startDemoServer({ port });
  console.log(`Demo CRM: ${server.url}/app/home`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
