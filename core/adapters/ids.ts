import { cssString } from './types';

/** Page type for any URL an adapter has no mapping for. */
export const OTHER = 'other';

const DIGITS = /^\d+$/;
const LONG_DIGIT_RUN = /\d{5}/;
const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const HEX = /^[0-9a-f]{8,}$/i;
const FIXED_LENGTH_ALNUM = /^(?:[0-9a-z]{15}|[0-9a-z]{18})$/i;
const LETTER = /[a-z]/i;
const DIGIT = /\d/;
const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/i;
/** Opaque tokens (hashes, encoded keys, slugs with names in them) tend to be long. */
const OPAQUE_LENGTH = 24;

export function isWebUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** `domain` itself or any host under it; a bare suffix test would also accept `evilforce.com`. */
export function isHostOrSubdomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/** Non-empty path segments as written (still percent-encoded), so `//` and trailing `/` vanish. */
export function pathSegments(pathname: string): string[] {
  return pathname.split('/').filter((segment) => segment !== '');
}

/**
 * The path of a hash route (`#/orders/991?tab=2` or `#!/orders/991` → `/orders/991`), or
 * `undefined` when the hash is an in-page fragment rather than a route.
 */
export function hashRoute(hash: string): string | undefined {
  return /^#!?(\/[^?]*)/.exec(hash)?.[1];
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** 15/18 characters mixing letters and digits: Salesforce's record id shape, common elsewhere. */
export function isFixedLengthRecordId(segment: string): boolean {
  return FIXED_LENGTH_ALNUM.test(segment) && LETTER.test(segment) && DIGIT.test(segment);
}

/**
 * Whether a segment's content marks it as identifying a record or a person: numbers, UUIDs/GUIDs,
 * hex keys, Salesforce-shaped ids, emails, or anything with a run of five or more digits.
 */
export function looksLikeRecordId(segment: string): boolean {
  const text = decoded(segment);
  return (
    DIGITS.test(text) ||
    UUID.test(text) ||
    HEX.test(text) ||
    isFixedLengthRecordId(text) ||
    text.includes('@') ||
    LONG_DIGIT_RUN.test(text)
  );
}

/**
 * `looksLikeRecordId`, plus any long segment: for URLs of unknown sites, where a long opaque
 * token is more likely a key than a page name.
 */
export function isIdLike(segment: string): boolean {
  return looksLikeRecordId(segment) || decoded(segment).length >= OPAQUE_LENGTH;
}

/**
 * A CRM schema name (object, entity, relationship, tab, component): an identifier-shaped token
 * that is not a record id. No length limit, since API names such as
 * `ns__Opportunity_Forecast__c` are long.
 */
export function isSchemaName(token: string): boolean {
  return SCHEMA_NAME.test(token) && !looksLikeRecordId(token);
}

/** Selector list matching an element whose value for any of `attributes` is exactly `anchor`. */
export function anchorAttributeSelector(attributes: readonly string[], anchor: string): string {
  const value = cssString(anchor);
  return attributes.map((attribute) => `[${attribute}=${value}]`).join(', ');
}
