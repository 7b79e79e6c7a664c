import {
  OTHER,
  anchorAttributeSelector,
  isFixedLengthRecordId,
  isHostOrSubdomain,
  isSchemaName,
  isWebUrl,
  pathSegments,
} from './ids';
import type { CrmAdapter } from './types';

const DOMAINS = ['force.com', 'salesforce.com'];

/** Lightning's own UI tests target this attribute, so it survives Salesforce releases. */
const ANCHOR_ATTRIBUTES = ['data-target-selection-name'];

/**
 * Standard key prefixes (first three characters of a record id). Classic URLs carry only the id,
 * so this is the only way to name the object; custom objects' prefixes vary per org.
 */
const KEY_PREFIX_OBJECTS: ReadonlyMap<string, string> = new Map([
  ['001', 'Account'],
  ['003', 'Contact'],
  ['005', 'User'],
  ['006', 'Opportunity'],
  ['00Q', 'Lead'],
  ['500', 'Case'],
  ['00T', 'Task'],
  ['00U', 'Event'],
  ['701', 'Campaign'],
  ['800', 'Contract'],
]);

/** Key prefixes always contain a digit, which keeps words like `/app/o` out. */
const KEY_PREFIX = /^(?=.*\d)[0-9a-z]{3}$/i;

const OBJECT_VIEWS: ReadonlySet<string> = new Set(['list', 'new', 'home']);

function qualified(objectName: string | undefined, kind: string): string {
  return objectName === undefined ? kind : `${objectName}:${kind}`;
}

function named(prefix: string, token: string | undefined): string {
  return token !== undefined && isSchemaName(token) ? `${prefix}:${token}` : OTHER;
}

/** `/lightning/r/<Object>/<id>/view|edit|related/<Relationship>/view`. */
function recordPageType([objectName, recordId, action, relationship]: string[]): string {
  // Salesforce redirects an id-only record URL to the object-qualified one.
  if (objectName !== undefined && isFixedLengthRecordId(objectName)) return 'record';
  if (objectName === undefined || !isSchemaName(objectName)) return OTHER;
  if (recordId === undefined || !isFixedLengthRecordId(recordId)) return OTHER;
  switch (action) {
    case undefined:
    case 'view':
      return `${objectName}:record`;
    case 'edit':
      return `${objectName}:edit`;
    case 'related':
      return named(`${objectName}:related`, relationship);
    default:
      return OTHER;
  }
}

/** `/lightning/o/<Object>/list|new|home`; list filters live in the query and are dropped. */
function objectPageType([objectName, view]: string[]): string {
  if (objectName === undefined || !isSchemaName(objectName)) return OTHER;
  return view !== undefined && OBJECT_VIEWS.has(view) ? `${objectName}:${view}` : OTHER;
}

function lightningPageType([area, ...rest]: string[]): string {
  switch (area) {
    case 'r':
      return recordPageType(rest);
    case 'o':
      return objectPageType(rest);
    case 'page':
      return rest[0] === 'home' ? 'home' : named('page', rest[0]);
    case 'n':
      return named('tab', rest[0]);
    case 'cmp':
      return named('cmp', rest[0]);
    case 'setup':
      // Deeper setup segments can hold ids (e.g. an object's durable id), so only the node counts.
      return named('setup', rest[0]);
    default:
      return OTHER;
  }
}

/** Classic: `/<prefix>/o` (list), `/<prefix>/e` (new), `/<id>` (record), `/<id>/e` (edit). */
function classicPageType([first, action, ...extra]: string[]): string {
  if (first === undefined || extra.length > 0) return OTHER;
  if (KEY_PREFIX.test(first)) {
    const objectName = KEY_PREFIX_OBJECTS.get(first);
    if (action === 'o') return qualified(objectName, 'list');
    if (action === 'e') return qualified(objectName, 'new');
    return OTHER;
  }
  if (isFixedLengthRecordId(first)) {
    const objectName = KEY_PREFIX_OBJECTS.get(first.slice(0, 3));
    if (action === undefined) return qualified(objectName, 'record');
    if (action === 'e') return qualified(objectName, 'edit');
  }
  return OTHER;
}

export const salesforceAdapter: CrmAdapter<'salesforce'> = {
  id: 'salesforce',
  hosts: [
    // Lightning Experience, and My Domain (Classic, and where Lightning signs in).
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
  ],
  matches: (url) =>
    isWebUrl(url) && DOMAINS.some((domain) => isHostOrSubdomain(url.hostname, domain)),
  pageTypeOf: (url) => {
    const segments = pathSegments(url.pathname);
    return segments[0] === 'lightning'
      ? lightningPageType(segments.slice(1))
      : classicPageType(segments);
  },
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector:
    'button[name="SaveEdit"], button[name="SaveAndNew"], [data-target-selection-name$=".Save"]',
};
