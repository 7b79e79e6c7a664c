/**
 * A loopback proxy in front of the endpoint that misbehaves on demand, for the sync fault test:
 * it can be unreachable, answer 500 or 429, stall past the client's timeout, deliver a request
 * twice, or deliver it and lose the answer. It keeps every request body it saw.
 */
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode =
  'pass' | 'down' | 'error500' | 'tooMany' | 'stall' | 'duplicate' | 'loseAnswer';

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** Every body received (decoded), whatever happened to it. */
  bodies: string[];
  /** The headers of every request with a body, in the same order as `bodies`. */
  bodyHeaders: IncomingHttpHeaders[];
  close(): Promise<void>;
}

function forward(
  target: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    const out = request(new URL(req.url ?? '/', target), { method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 502,
          headers: Object.fromEntries(
            Object.entries(res.headers).filter(
              ([k, v]) => typeof v === 'string' && k !== 'transfer-encoding',
            ),
          ) as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    url: '',
    mode: 'pass',
    bodies: [],
    bodyHeaders: [],
    close: async () => undefined,
  };

  const reply = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer | string,
  ) => {
    res.writeHead(status, headers);
    res.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.length > 0) {
        const gzip = req.headers['content-encoding'] === 'gzip';
        proxy.bodies.push((gzip ? gunzipSync(body) : body).toString('utf8'));
        proxy.bodyHeaders.push(req.headers);
      }
      const json = { 'content-type': 'application/json' };
      void (async () => {
        switch (proxy.mode) {
          case 'down':
            return req.socket.destroy();
          case 'error500':
            return reply(
              res,
              500,
              json,
              JSON.stringify({ error: 'internal', message: 'Injected failure' }),
            );
          case 'tooMany':
            return reply(
              res,
              429,
              { ...json, 'retry-after': '1' },
              JSON.stringify({ error: 'rate_limited', message: 'Slow down' }),
            );
          case 'stall':
            return; // never answers; the client gives up
          case 'loseAnswer':
            await forward(target, req, body);
            return req.socket.destroy();
          case 'duplicate': {
            await forward(target, req, body);
            const second = await forward(target, req, body);
            return reply(res, second.status, second.headers, second.body);
          }
          case 'pass': {
            const answer = await forward(target, req, body);
            return reply(res, answer.status, answer.headers, answer.body);
          }
        }
      })().catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
