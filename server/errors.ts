import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { z } from 'zod';
import { describeIssues } from '../core/guide/problems';

/** Every error the endpoint answers with: a stable code, a plain sentence, and where, if known. */
export const ERROR_CODES = [
  'invalid_json',
  'invalid_batch',
  'invalid_query',
  'unauthorized',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'not_found',
  'method_not_allowed',
  'headers_too_large',
  'bad_request',
  'not_built',
  'invalid_guide',
  'conflict',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** Where in the input, e.g. `signals[3].kind`. */
  path?: string;
  /** The first few problems, when there are several. */
  problems?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const fail = (
  status: ApiError['status'],
  error: ErrorCode,
  message: string,
  extra: Omit<ErrorBody, 'error' | 'message'> = {},
  headers: Record<string, string> = {},
) => new ApiError(status, { error, message, ...extra }, headers);

/** Problems listed beyond the first: enough to fix an input, short enough to read. */
const PROBLEMS_SHOWN = 10;
/**
 * Longest path and sentence answered. Values inside are already cut short (see describeIssues);
 * this bounds what a hostile input's names could still make of them.
 */
const PATH_CHARS = 200;
const MESSAGE_CHARS = 600;

const capped = (text: string, chars: number) =>
  text.length > chars ? `${text.slice(0, chars - 1)}…` : text;

/** A 400 naming the first problem in a sentence, and the first few as a list, all capped. */
export function invalidInput(
  error: 'invalid_batch' | 'invalid_query' | 'bad_request',
  issues: readonly z.core.$ZodIssue[],
  whole: string,
): ApiError {
  const problems = describeIssues('', issues)
    .slice(0, PROBLEMS_SHOWN)
    .map(({ path, message }) => ({
      path: capped(path, PATH_CHARS),
      message: capped(message, MESSAGE_CHARS),
    }));
  const first = problems[0] ?? { path: '', message: 'is not valid' };
  const more = issues.length > PROBLEMS_SHOWN ? ` (${issues.length} problems in all)` : '';
  return fail(400, error, `${first.path || whole}: ${first.message}.${more}`, {
    path: first.path,
    problems,
  });
}

/**
 * Node answers requests it cannot parse itself (headers over 16 kB, broken request lines) with
 * an empty body; these get a JSON sentence like every other answer, and the connection closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, body]: [number, ErrorBody] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          {
            error: 'headers_too_large',
            message: 'The request headers are larger than the endpoint takes (16 kB in all).',
          },
        ]
      : [400, { error: 'bad_request', message: 'The request is not valid HTTP/1.1.' }];
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
