import {
  OTHER,
  anchorAttributeSelector,
  isHostOrSubdomain,
  isSchemaName,
  isWebUrl,
  looksLikeRecordId,
  pathSegments,
} from './ids';
import type { CrmAdapter } from './types';

/** Every region (crm, crm4, crm11, …) and Power Apps model-driven apps live under this domain. */
const DOMAIN = 'dynamics.com';

/** `data-id` is what the Unified Interface's own automation targets; `data-lp-id` fills gaps. */
const ANCHOR_ATTRIBUTES = ['data-id', 'data-lp-id'];

const WEB_RESOURCE_PART = /^[a-z0-9_-]+$/i;

/**
 * Dynamics treats query parameter names case-insensitively (`pageType`, `webresourcename`), so
 * lookups must too. Only schema-bearing parameters are ever read; `id`, `appid`, `viewid` and
 * `extraqs` are consulted for presence at most.
 */
function param(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Entity logical names are lower-case by convention; some links spell them otherwise. */
function entityOf(url: URL): string | undefined {
  const entity = param(url, 'etn')?.toLowerCase();
  return entity !== undefined && isSchemaName(entity) ? entity : undefined;
}

/**
 * Web resource names are paths (`new_/pages/setup.html`); any part that could be an id voids it,
 * file extensions included (`new_/<guid>.html`).
 */
function webResourcePageType(name: string | undefined): string {
  const parts = name?.split(/[/.]/) ?? [];
  const valid =
    parts.length > 0 &&
    parts.every((part) => WEB_RESOURCE_PART.test(part) && !looksLikeRecordId(part));
  return valid ? `webresource:${name}` : 'webresource';
}

function isMainPage(url: URL): boolean {
  // On-premises deployments prefix an organisation name: `/Contoso/main.aspx`.
  return pathSegments(url.pathname).at(-1)?.toLowerCase() === 'main.aspx';
}

function pageTypeOf(url: URL): string {
  if (!isMainPage(url)) return OTHER;
  const entity = entityOf(url);
  switch (param(url, 'pagetype')?.toLowerCase()) {
    case 'entityrecord':
      if (entity === undefined) return OTHER;
      // The create form is an entityrecord page without a record id.
      return param(url, 'id') ? `${entity}:record` : `${entity}:new`;
    case 'entitylist':
      return entity === undefined ? OTHER : `${entity}:list`;
    case 'dashboard':
      return 'dashboard';
    case 'search':
      return 'search';
    case 'webresource':
      return webResourcePageType(param(url, 'webresourcename'));
    case 'custom': {
      const name = param(url, 'name');
      return name !== undefined && isSchemaName(name) ? `custom:${name}` : 'custom';
    }
    default:
      return OTHER;
  }
}

/**
 * Dynamics 365 (and Power Apps model-driven apps) serve each region from its own `crmN` domain;
 * a match pattern cannot say `*.crm*.dynamics.com`, so every public region is listed. The rest
 * of dynamics.com (Finance and Operations, Business Central, home.dynamics.com) is not a CRM.
 */
const DYNAMICS_REGIONS = [
  'crm', // North America
  'crm2', // South America
  'crm3', // Canada
  'crm4', // Europe, Middle East, Africa
  'crm5', // Asia Pacific
  'crm6', // Oceania
  'crm7', // Japan
  'crm8', // India
  'crm9', // North America 2 (US Government GCC)
  'crm11', // United Kingdom
  'crm12', // France
  'crm14', // South Africa
  'crm15', // United Arab Emirates
  'crm16', // Germany
  'crm17', // Switzerland
  'crm19', // Norway
  'crm20', // Singapore
  'crm21', // Korea
];

export const dynamicsAdapter: CrmAdapter<'dynamics'> = {
  id: 'dynamics',
  hosts: DYNAMICS_REGIONS.map((region) => `https://*.${region}.dynamics.com/*`),
  matches: (url) => isWebUrl(url) && isHostOrSubdomain(url.hostname, DOMAIN),
  pageTypeOf,
  anchorSelector: (anchor) => anchorAttributeSelector(ANCHOR_ATTRIBUTES, anchor),
  anchorAttributes: ANCHOR_ATTRIBUTES,
  saveSelector: '[data-id*="SavePrimary"], [data-id$=".Save"], [data-id*="SaveAndClose"]',
};
