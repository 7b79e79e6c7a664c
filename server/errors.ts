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
    readonly status: 400 | 401 | 404 | 405 | 413 | 415 | 429 | 500,
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
