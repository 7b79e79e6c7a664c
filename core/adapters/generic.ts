import { OTHER, anchorAttributeSelector, isWebUrl } from './ids';
import type { CrmAdapter } from './types';

/** Our own demo attribute first, then the test-id conventions most web apps already carry. */
const ANCHOR_ATTRIBUTES = ['data-anchor', 'data-testid', 'data-test-id', 'data-test'];

/**
 * Any CRM Waymark has no adapter for. Its URLs say nothing Waymark can trust: a path segment may
 * be a person's name as easily as a page's, so a page type never comes from the URL itself. The
 * organisation's route templates give page types (core/adapters/routes.ts); without one, `other`.
 */
export const genericAdapter: CrmAdapter<'generic'> = {
  id: 'generic',
  hosts: [],
  matches: isWebUrl,
  pageTypeOf: () => OTHER,
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector: 'button[type="submit"], input[type="submit"], form button:not([type])',
};
