/**
 * Tokens: 32 random bytes, shown once when created; the database keeps only their sha256, so a
 * leaked database holds nothing that authenticates.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fail } from './errors';
import type { SignalStore, TokenKind, TokenRecord } from './stores/types';

export const ORG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** base64url of 32 bytes; anything else cannot be a token and never reaches the database. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createToken(
  store: SignalStore,
  org: string,
  kind: TokenKind,
  now = new Date(),
  label = '',
): Promise<{ record: TokenRecord; token: string }> {
  if (!ORG_PATTERN.test(org)) {
    throw new Error(
      `"${org}" is not a valid org: use lower-case letters, digits and dashes (at most 64)`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const record: TokenRecord = {
    id: `tok_${randomBytes(6).toString('hex')}`,
    org,
    kind,
    createdAt: now.toISOString(),
    revokedAt: null,
    label,
  };
  await store.insertToken({ ...record, hash: hashToken(token) });
  return { record, token };
}

const ARTICLES: Record<TokenKind, string> = {
  admin: 'an admin',
  ingest: 'an ingest',
  trainer: 'a trainer',
};
const article = (kind: TokenKind | readonly TokenKind[]) =>
  (typeof kind === 'string' ? [kind] : kind).map((k) => ARTICLES[k]).join(' or ');

const challenge = { 'WWW-Authenticate': 'Bearer realm="waymark"' };

/** The 401 for a revoked token, whether found revoked on arrival or when its batch commits. */
export const revokedToken = () =>
  fail(401, 'unauthorized', 'This token was revoked; ask your admin for a new one.', {}, challenge);

/**
 * The live token of the required kind named by an Authorization header, or a 401. `forIngest`:
 * the token only sends batches, whose commit checks revocation again (see SignalStore.findToken).
 */
export async function authenticate(
  store: SignalStore,
  header: string | undefined,
  kind: TokenKind | readonly TokenKind[],
  forIngest = false,
): Promise<TokenRecord> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw fail(
      401,
      'unauthorized',
      `Send ${article(kind)} token in the Authorization header as "Bearer <token>".`,
      {},
      challenge,
    );
  }
  const record = TOKEN_PATTERN.test(match[1])
    ? await store.findToken(hashToken(match[1]), forIngest)
    : undefined;
  if (!record) throw fail(401, 'unauthorized', 'This token is not known.', {}, challenge);
  if (record.revokedAt) throw revokedToken();
  if (typeof kind === 'string' ? record.kind !== kind : !kind.includes(record.kind)) {
    throw fail(
      401,
      'unauthorized',
      `This route needs ${article(kind)} token; this is ${article(record.kind)} token.`,
      {},
      challenge,
    );
  }
  return record;
}
