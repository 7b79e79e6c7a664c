/**
 * Reading a JSON request body within a byte limit: refused up front when Content-Length says it
 * is too large, and cut off while streaming when the body turns out larger than announced (or is
 * chunked). A gzip body is limited both as sent and as inflated.
 */
import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { fail } from './errors';

export const DEFAULT_BODY_LIMIT = 256 * 1024;

const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

function tooLarge(limit: number) {
  return fail(413, 'payload_too_large', `The body is larger than the limit of ${kB(limit)}.`);
}

/** Where a body comes from: Node's request stream when served by Node, else a web stream. */
export type BodySource = IncomingMessage | ReadableStream<Uint8Array> | null;

/** Node's stream, read without web-stream wrappers (they cost more than the rest of a request). */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading but leave the socket open: the 413 must reach the client, and the server
        // drains what is left afterwards.
        incoming.pause();
        finish(() => reject(tooLarge(limit)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(Buffer.concat(chunks, size)));
    const onError = (error: Error) => finish(() => reject(error));
    const onClose = () =>
      finish(() => reject(fail(400, 'invalid_json', 'The body ended before it was complete.')));
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onError);
    incoming.once('close', onClose);
  });
}

async function readStream(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function readLimited(
  header: (name: string) => string | undefined,
  source: BodySource,
  limit: number,
): Promise<Buffer> {
  const length = Number(header('content-length') ?? NaN);
  if (Number.isFinite(length) && length > limit) throw tooLarge(limit);
  if (!source) return Buffer.alloc(0);
  return source instanceof ReadableStream ? readStream(source, limit) : readIncoming(source, limit);
}

export async function readJsonBody(
  header: (name: string) => string | undefined,
  source: BodySource,
  limit: number,
): Promise<unknown> {
  const type = header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw fail(
      415,
      'unsupported_media_type',
      `Send the body as JSON with "Content-Type: application/json"${type ? ` (got "${type}")` : ''}.`,
    );
  }
  const encoding = (header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw fail(
      415,
      'unsupported_media_type',
      `The body may be sent as is or gzip-encoded, not as "${encoding}".`,
    );
  }
  let bytes = await readLimited(header, source, limit);
  if (encoding === 'gzip') {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limit });
    } catch (error) {
      if (error instanceof RangeError) throw tooLarge(limit);
      throw fail(400, 'invalid_json', 'The body says it is gzip-encoded but is not valid gzip.');
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail(400, 'invalid_json', 'The body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail(400, 'invalid_json', `The body is not valid JSON (${(error as Error).message}).`);
  }
}
