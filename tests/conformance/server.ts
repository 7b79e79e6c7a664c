/**
 * The conformance pages at the CRMs' real host names: one HTTPS server on loopback with a
 * throw-away certificate, which the browser reaches through `--host-resolver-rules`, so the
 * extension sees `https://<org>.lightning.force.com/...` and `https://<org>.crm.dynamics.com/...`
 * and runs its real adapters, page types and anchors there. The pages are the builds of
 * `tests/conformance/salesforce` (native and synthetic shadow) and `tests/conformance/dynamics`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';

/** Where `npm run build:conformance` puts the pages. */
export const CONFORMANCE_DIR = resolve('.output/conformance');

/** Host names the pages answer at; the first label picks Lightning's shadow mode. */
export const HOSTS = {
  salesforceNative: 'waymark.lightning.force.com',
  salesforceSynthetic: 'waymark-synthetic.lightning.force.com',
  dynamics: 'waymark.crm.dynamics.com',
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

export interface ConformanceServer {
  port: number;
  /** Chromium flags: the CRM host names (and `proxied` ones) resolve to this server. */
  browserArgs: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for the hosts served, made with the machine's openssl. */
function throwAwayCertificate(names: readonly string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-tls-'));
  try {
    const san = names.map((name) => `DNS:${name}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=waymark-conformance',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pagesFor(host: string): string | null {
  if (host === HOSTS.salesforceSynthetic) return join(CONFORMANCE_DIR, 'salesforce', 'synthetic');
  if (host.endsWith('.lightning.force.com')) return join(CONFORMANCE_DIR, 'salesforce', 'native');
  if (/\.crm\d*\.dynamics\.com$/.test(host)) return join(CONFORMANCE_DIR, 'dynamics');
  return null;
}

/**
 * Starts the server. `proxied` maps further host names (a self-hosted CRM's, say) to a local
 * http origin, which is then reached over https at that name.
 */
export async function startConformanceServer(
  proxied: Record<string, string> = {},
): Promise<ConformanceServer> {
  const missing = ['salesforce/native', 'salesforce/synthetic', 'dynamics'].filter(
    (dir) => !existsSync(join(CONFORMANCE_DIR, dir, 'index.html')),
  );
  if (missing.length > 0) {
    throw new Error(
      `No conformance pages in ${CONFORMANCE_DIR} (${missing.join(', ')}): run \`npm run build:conformance\` first.`,
    );
  }
  const names = ['*.lightning.force.com', '*.crm.dynamics.com', ...Object.keys(proxied)];
  const server: Server = createServer(throwAwayCertificate(names), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const upstream = proxied[host];
    if (upstream) {
      const forward = request(
        new URL(req.url ?? '/', upstream),
        { method: req.method, headers: { ...req.headers, host: new URL(upstream).host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
      return;
    }
    const root = pagesFor(host);
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    // Every route of the single-page apps gets the shell (`/main.aspx?…` too); built files are
    // served by name.
    const asset = TYPES[extname(path)] !== undefined && extname(path) !== '.html';
    const file = root && resolve(root, '.' + sep + (asset ? path : 'index.html'));
    if (!root || !file || !file.startsWith(root + sep)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const rules = names.map((name) => `MAP ${name} 127.0.0.1:${port}`).join(', ');
  return {
    port,
    browserArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
