import { OTHER, anchorAttributeSelector, hashRoute, isIdLike, isWebUrl, pathSegments } from './ids';
import type { CrmAdapter } from './types';

/** Our own demo attribute first, then the test-id conventions most web apps already carry. */
const ANCHOR_ATTRIBUTES = ['data-anchor', 'data-testid', 'data-test-id', 'data-test'];

/**
 * A path with every id-like segment replaced by `:id`, lower-cased. Matrix parameters
 * (`;jsessionid=…`) are dropped: they are session state, not page identity.
 */
function normalisedPath(pathname: string): string {
  const segments = pathSegments(pathname)
    .map((segment) => segment.split(';')[0] ?? '')
    .filter((segment) => segment !== '')
    .map((segment) => (isIdLike(segment) ? ':id' : segment.toLowerCase()));
  return `/${segments.join('/')}`;
}

/** For an unknown app the page type is its route: path, then hash route, ids masked, no query. */
function pageTypeOf(url: URL): string {
  // Only reached for non-web URLs as the last-resort adapter; they have no route to speak of.
  if (!isWebUrl(url)) return OTHER;
  const path = normalisedPath(url.pathname);
  const route = hashRoute(url.hash);
  const routePath = route === undefined ? '/' : normalisedPath(route);
  return routePath === '/' ? path : `${path}#${routePath}`;
}

export const genericAdapter: CrmAdapter = {
  id: 'generic',
  matches: isWebUrl,
  pageTypeOf,
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector: 'button[type="submit"], input[type="submit"], form button:not([type])',
};
