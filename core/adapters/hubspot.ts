import { OTHER, anchorAttributeSelector, isWebUrl, pathSegments } from './ids';
import type { CrmAdapter } from './types';

/** `app.hubspot.com` and its regional twins (`app-eu1`, `app-na2`, …); not the marketing site. */
const APP_HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/;

/** HubSpot's own test attributes, kept stable across their UI releases. */
const ANCHOR_ATTRIBUTES = ['data-test-id', 'data-selenium-test'];

const PORTAL_ID = /^\d+$/;

/** Standard object type ids (`0-n`); custom objects are `2-n`, with `n` unique per portal. */
const STANDARD_OBJECTS: ReadonlyMap<string, string> = new Map([
  ['0-1', 'contact'],
  ['0-2', 'company'],
  ['0-3', 'deal'],
  ['0-5', 'ticket'],
]);
const CUSTOM_OBJECT_TYPE = /^2-\d+$/;
const OBJECT_TYPE = /^\d+-\d+$/;

/** Legacy URLs name the object: singular for a record, plural for an index. */
const LEGACY_RECORD_OBJECTS: ReadonlySet<string> = new Set([
  'contact',
  'company',
  'deal',
  'ticket',
]);
const LEGACY_INDEX_OBJECTS: ReadonlyMap<string, string> = new Map([
  ['contacts', 'contact'],
  ['companies', 'company'],
  ['deals', 'deal'],
  ['tickets', 'ticket'],
]);
const INDEX_LAYOUTS: ReadonlySet<string> = new Set(['list', 'board']);

/** `custom` stands for every custom object: its type id is portal-specific. */
function objectPageType(objectTypeId: string, kind: string): string {
  const objectName = STANDARD_OBJECTS.get(objectTypeId);
  if (objectName !== undefined) return `${objectName}:${kind}`;
  if (CUSTOM_OBJECT_TYPE.test(objectTypeId)) return `custom:${kind}`;
  return OBJECT_TYPE.test(objectTypeId) ? kind : OTHER;
}

/** `objects/<type>[/views/<view>[/list|board]]`; a view id never reaches the page type. */
function objectIndexPageType([objectTypeId, views, viewId, layout, ...extra]: string[]): string {
  if (objectTypeId === undefined || extra.length > 0) return OTHER;
  if (views === undefined) return objectPageType(objectTypeId, 'list');
  if (views !== 'views' || viewId === undefined) return OTHER;
  if (layout === undefined) return objectPageType(objectTypeId, 'list');
  return INDEX_LAYOUTS.has(layout) ? objectPageType(objectTypeId, layout) : OTHER;
}

/** Everything under `/contacts/<portal>/`: HubSpot's CRM records and indexes. */
function crmPageType([section, ...rest]: string[]): string {
  const [first] = rest;
  if (section === undefined || first === undefined) return OTHER;
  if (section === 'record') {
    // `record/<type>/<id>[/<tab>…]`: tabs are still the same record page.
    return rest.length >= 2 ? objectPageType(first, 'record') : OTHER;
  }
  if (section === 'objects') return objectIndexPageType(rest);
  if (LEGACY_RECORD_OBJECTS.has(section)) return `${section}:record`;
  const indexObject = LEGACY_INDEX_OBJECTS.get(section);
  if (indexObject !== undefined && INDEX_LAYOUTS.has(first)) return `${indexObject}:${first}`;
  return OTHER;
}

function pageTypeOf(url: URL): string {
  const [area, portalId, ...rest] = pathSegments(url.pathname);
  // Every app URL is scoped by a numeric portal id; it is read here only to be skipped.
  if (area === undefined || portalId === undefined || !PORTAL_ID.test(portalId)) return OTHER;
  switch (area) {
    case 'contacts':
      return crmPageType(rest);
    case 'reports-dashboard':
      return 'dashboard';
    case 'reports-list':
      return 'report:list';
    case 'settings':
    case 'sales-products-settings':
      return 'settings';
    default:
      return OTHER;
  }
}

export const hubspotAdapter: CrmAdapter<'hubspot'> = {
  id: 'hubspot',
  hosts: [
    // The app in each of HubSpot's data centres; never the marketing site.
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-na3.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
  ],
  matches: (url) => isWebUrl(url) && APP_HOST.test(url.hostname),
  pageTypeOf,
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector:
    '[data-test-id="save-button"], [data-test-id="create-record-button"], [data-selenium-test="base-dialog-confirm-btn"]',
};
