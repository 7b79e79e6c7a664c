/**
 * Who may call a route: a token of the route's kind, within the request limits.
 */
import type { Context } from 'hono';
import { ApiError, fail } from '../errors';
import { BAD_TOKEN_LIMIT, TokenBuckets, clientOf } from '../rateLimit';
import type { TokenKind, TokenRecord } from '../stores/types';
import { authenticate } from '../tokens';
import { incomingOf, type AppOptions } from './context';

/** The token a request carries, once it is known, of `kind` and within the limits. */
export type Admit = (
  c: Context,
  kind: TokenKind | readonly TokenKind[],
  forIngest?: boolean,
) => Promise<TokenRecord>;

function limited(wait: number, message: string): ApiError {
  return fail(
    429,
    'rate_limited',
    `${message}; retry in ${wait} s.`,
    {},
    { 'Retry-After': String(wait) },
  );
}

export function admission(
  options: Pick<AppOptions, 'store' | 'rateLimit' | 'trustedProxies'>,
): Admit {
  const { store } = options;
  const buckets = options.rateLimit ? new TokenBuckets(options.rateLimit) : null;
  const badTokens = options.rateLimit ? new TokenBuckets(BAD_TOKEN_LIMIT) : null;
  return async (c, kind, forIngest = false) => {
    const client = clientOf(
      incomingOf(c)?.socket.remoteAddress,
      c.req.header('x-forwarded-for'),
      options.trustedProxies,
    );
    // Before the store is asked: a flood of guessed tokens costs no lookups.
    const badWait = badTokens?.check(client) ?? 0;
    if (badWait > 0) throw limited(badWait, 'Too many requests with tokens that failed');
    let token: TokenRecord;
    try {
      token = await authenticate(store, c.req.header('authorization'), kind, forIngest);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) badTokens?.take(client);
      throw error;
    }
    const wait = buckets?.take(`${token.id} ${client}`) ?? 0;
    if (wait > 0) throw limited(wait, 'This browser sent too many requests');
    return token;
  };
}
