import { demoAdapter } from './demo';
import { dynamicsAdapter } from './dynamics';
import { genericAdapter } from './generic';
import { hubspotAdapter } from './hubspot';
import { salesforceAdapter } from './salesforce';
import { OTHER } from './ids';
import { customCrmFor, routePageType, type CustomCrm } from './routes';
import type { CrmAdapter } from './types';

/**
 * The registry of CRM adapters, in match priority order: `generic` matches every web page, so it
 * must stay last. Everything that names CRMs is derived from it.
 */
export const ADAPTERS = [
  salesforceAdapter,
  dynamicsAdapter,
  hubspotAdapter,
  demoAdapter,
  genericAdapter,
] as const;

/** CRMs Waymark has an adapter for. Guides name one of these in `crm`. */
export type CrmId = (typeof ADAPTERS)[number]['id'];
export const CRM_IDS = ADAPTERS.map((adapter) => adapter.id) as unknown as readonly [
  CrmId,
  ...CrmId[],
];

const ADAPTERS_BY_ID = Object.fromEntries(
  ADAPTERS.map((adapter) => [adapter.id, adapter]),
) as unknown as Readonly<Record<CrmId, CrmAdapter<CrmId>>>;

/** Pages the extension runs on: every adapter's hosts. */
export const CRM_MATCHES: readonly string[] = ADAPTERS.flatMap((adapter) => adapter.hosts);

function parsed(url: URL | string): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The adapter for a page; `generic` when no CRM claims it or the URL does not parse. */
export function adapterFor(url: URL | string): CrmAdapter<CrmId> {
  const page = parsed(url);
  if (page === undefined) return genericAdapter;
  return ADAPTERS.find((adapter) => adapter.matches(page)) ?? genericAdapter;
}

export function adapterById(id: CrmId): CrmAdapter<CrmId> {
  return ADAPTERS_BY_ID[id];
}

/**
 * The CRM and id-free page type of a page: the only form in which a URL is ever recorded. A page
 * of one of the organisation's own CRMs (`customCrms`) gets its page type from their route
 * templates; CRMs Waymark has an adapter for keep their adapter's.
 */
export function pageTypeOf(
  url: URL | string,
  customCrms: readonly CustomCrm[] = [],
): { crm: CrmId; pageType: string } {
  const page = parsed(url);
  if (page === undefined) return { crm: genericAdapter.id, pageType: OTHER };
  const adapter = adapterFor(page);
  const custom = adapter === genericAdapter ? customCrmFor(page, customCrms) : undefined;
  if (custom) return { crm: genericAdapter.id, pageType: routePageType(page, custom.routes) };
  return { crm: adapter.id, pageType: adapter.pageTypeOf(page) };
}
