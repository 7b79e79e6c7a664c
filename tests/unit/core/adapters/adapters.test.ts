import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  ADAPTERS,
  CRM_IDS,
  CRM_MATCHES,
  adapterById,
  adapterFor,
  pageTypeOf,
  type CrmId,
} from '../../../../core/adapters';
import { demoAdapter } from '../../../../core/adapters/demo';
import { dynamicsAdapter } from '../../../../core/adapters/dynamics';
import { genericAdapter } from '../../../../core/adapters/generic';
import { hubspotAdapter } from '../../../../core/adapters/hubspot';
import { salesforceAdapter } from '../../../../core/adapters/salesforce';

interface Fixture {
  readonly url: string;
  readonly pageType: string;
  /** Ids, names and query values planted in the URL that must never reach the page type. */
  readonly secrets?: readonly string[];
}

const SF = 'https://acme.lightning.force.com';
const SF_CLASSIC = 'https://acme.my.salesforce.com';
const OPP_ID = '006xx000001a2bcAAA';
const ACCOUNT_ID = '001xx000003DGb2AAG';

const D365 = 'https://contoso.crm.dynamics.com/main.aspx';
const APP_ID = '5a6b7c8d-1234-4e5f-9a0b-c1d2e3f4a5b6';
const RECORD_GUID = '7e3b1c2d-4f5a-4b6c-8d9e-0f1a2b3c4d5e';
const VIEW_GUID = '00000000-0000-0000-00aa-000010001004';
const BRACED_GUID = '1B2C3D4E-5F60-4A1B-8C2D-3E4F5A6B7C8D';

const HS = 'https://app.hubspot.com';
const PORTAL = '4455667';
const HS_RECORD = '90817263';

const DEMO = 'http://127.0.0.1:5173';

const FIXTURES: Readonly<Record<CrmId, readonly Fixture[]>> = {
  salesforce: [
    {
      url: `${SF}/lightning/r/Opportunity/${OPP_ID}/view`,
      pageType: 'Opportunity:record',
      secrets: [OPP_ID],
    },
    {
      url: `${SF}/lightning/r/Opportunity/${OPP_ID}/edit?navigationLocation=DETAIL`,
      pageType: 'Opportunity:edit',
      secrets: [OPP_ID],
    },
    {
      url: `${SF}/lightning/r/Account/${ACCOUNT_ID}/related/Contacts/view`,
      pageType: 'Account:related:Contacts',
      secrets: [ACCOUNT_ID],
    },
    {
      url: `${SF}/lightning/r/Invoice__c/a015g00000CanryAAC/view`,
      pageType: 'Invoice__c:record',
      secrets: ['a015g00000CanryAAC'],
    },
    { url: `${SF}/lightning/r/${OPP_ID}/view`, pageType: 'record', secrets: [OPP_ID] },
    { url: `${SF}/lightning/o/Opportunity/list?filterName=Recent`, pageType: 'Opportunity:list' },
    {
      url: `${SF}/lightning/o/Opportunity/list?filterName=00Bxx0000029dFzEAI`,
      pageType: 'Opportunity:list',
      secrets: ['00Bxx0000029dFzEAI'],
    },
    {
      url: `${SF}/lightning/o/Opportunity/new?count=1&nooverride=1&uid=169999999912345`,
      pageType: 'Opportunity:new',
    },
    { url: `${SF}/lightning/o/Opportunity/home`, pageType: 'Opportunity:home' },
    {
      url: `${SF}/lightning/o/ns__Opportunity_Forecast__c/list`,
      pageType: 'ns__Opportunity_Forecast__c:list',
    },
    { url: `${SF}/lightning/page/home`, pageType: 'home' },
    { url: `${SF}/lightning/page/chatter`, pageType: 'page:chatter' },
    { url: `${SF}/lightning/n/My_Tab`, pageType: 'tab:My_Tab' },
    {
      url: `${SF}/lightning/cmp/c__MyCmp?c__recordId=${ACCOUNT_ID}&c__owner=CANARY`,
      pageType: 'cmp:c__MyCmp',
      secrets: [ACCOUNT_ID, 'CANARY'],
    },
    { url: `${SF}/lightning/setup/ObjectManager/home`, pageType: 'setup:ObjectManager' },
    {
      url: `${SF}/lightning/setup/ObjectManager/01Ixx0000004CqSEAU/Details/view`,
      pageType: 'setup:ObjectManager',
      secrets: ['01Ixx0000004CqSEAU'],
    },
    {
      url: 'https://acme--uat.sandbox.lightning.force.com/lightning/page/home',
      pageType: 'home',
    },
    // Classic: the object comes from the record id's key prefix.
    { url: `${SF_CLASSIC}/006/o`, pageType: 'Opportunity:list' },
    { url: `${SF_CLASSIC}/006/e`, pageType: 'Opportunity:new' },
    { url: `${SF_CLASSIC}/${OPP_ID}`, pageType: 'Opportunity:record', secrets: [OPP_ID] },
    {
      url: `${SF_CLASSIC}/${ACCOUNT_ID}/e?retURL=%2F${ACCOUNT_ID}`,
      pageType: 'Account:edit',
      secrets: [ACCOUNT_ID],
    },
    { url: `${SF_CLASSIC}/00Qxx000001AbCdEAA`, pageType: 'Lead:record' },
    { url: `${SF_CLASSIC}/500xx000000Abcd`, pageType: 'Case:record', secrets: ['500xx000000Abcd'] },
    { url: `${SF_CLASSIC}/003xx000004TmiQAAS`, pageType: 'Contact:record' },
    { url: `${SF_CLASSIC}/005xx000001X8UzAAK`, pageType: 'User:record' },
    { url: `${SF_CLASSIC}/00Txx000003bR1nEAE`, pageType: 'Task:record' },
    { url: `${SF_CLASSIC}/00Uxx000000dGtHEAU`, pageType: 'Event:record' },
    { url: `${SF_CLASSIC}/701xx000000Qm3eAAC/e`, pageType: 'Campaign:edit' },
    { url: `${SF_CLASSIC}/800xx000000A1b2AAC`, pageType: 'Contract:record' },
    {
      url: `${SF_CLASSIC}/a0Bxx000001XyZ1AAI`,
      pageType: 'record',
      secrets: ['a0Bxx000001XyZ1AAI'],
    },
    { url: `${SF_CLASSIC}/a0Bxx000001XyZ1AAI/e`, pageType: 'edit' },
    { url: `${SF_CLASSIC}/a0B/o`, pageType: 'list' },
    // Unmapped pages.
    { url: `${SF}/lightning/r/Opportunity/${OPP_ID}/clone`, pageType: 'other' },
    { url: `${SF}/lightning/r/Opportunity/view`, pageType: 'other' },
    { url: `${SF}/lightning/o/Opportunity/pipelineInspection`, pageType: 'other' },
    { url: `${SF}/lightning`, pageType: 'other' },
    { url: `${SF_CLASSIC}/`, pageType: 'other' },
    { url: `${SF_CLASSIC}/home/home.jsp`, pageType: 'other' },
    { url: `${SF_CLASSIC}/apex/InvoicePage?id=${OPP_ID}`, pageType: 'other', secrets: [OPP_ID] },
    { url: 'https://acme--c.vf.force.com/apex/Invoice', pageType: 'other' },
  ],
  dynamics: [
    {
      url: `${D365}?appid=${APP_ID}&pagetype=entityrecord&etn=opportunity&id=${RECORD_GUID}`,
      pageType: 'opportunity:record',
      secrets: [APP_ID, RECORD_GUID],
    },
    {
      url: `${D365}?appid=${APP_ID}&pagetype=entityrecord&etn=opportunity`,
      pageType: 'opportunity:new',
      secrets: [APP_ID],
    },
    {
      url: `${D365}?pagetype=entityrecord&etn=opportunity&id=&extraqs=name%3DCANARY%20Deal`,
      pageType: 'opportunity:new',
      secrets: ['CANARY'],
    },
    {
      url:
        'https://contoso.crm4.dynamics.com/main.aspx' +
        `?appid=${APP_ID}&pagetype=entitylist&etn=contact&viewid=${VIEW_GUID}&viewType=1039`,
      pageType: 'contact:list',
      secrets: [APP_ID, VIEW_GUID],
    },
    {
      url:
        'https://contoso.crm11.dynamics.com/main.aspx' +
        `?pagetype=dashboard&id=${RECORD_GUID}&type=system`,
      pageType: 'dashboard',
      secrets: [RECORD_GUID],
    },
    {
      url: `${D365}?pagetype=webresource&webresourceName=new_%2Fpage.html&data=CANARY-9911223`,
      pageType: 'webresource:new_/page.html',
      secrets: ['CANARY'],
    },
    {
      url: `${D365}?pagetype=webresource&webresourceName=new_%2F${RECORD_GUID}.html`,
      pageType: 'webresource',
      secrets: [RECORD_GUID],
    },
    {
      url: `${D365}?appid=${APP_ID}&pagetype=search&searchText=CANARY%20Corp`,
      pageType: 'search',
      secrets: ['CANARY'],
    },
    {
      url: `${D365}?pagetype=custom&name=foo&recordId=${RECORD_GUID}`,
      pageType: 'custom:foo',
      secrets: [RECORD_GUID],
    },
    {
      url: `${D365}?etn=account&pagetype=entityrecord&id=%7B${BRACED_GUID}%7D`,
      pageType: 'account:record',
      secrets: [BRACED_GUID],
    },
    { url: `${D365}?pageType=EntityList&etn=Account`, pageType: 'account:list' },
    {
      url: 'https://crm.contoso.dynamics.com/Contoso/main.aspx?etn=account&pagetype=entitylist',
      pageType: 'account:list',
    },
    {
      url: `${D365}?pagetype=entityrecord&etn=new_project&id=${RECORD_GUID}`,
      pageType: 'new_project:record',
    },
    // Unmapped pages.
    { url: `${D365}?pagetype=entityrecord&id=${RECORD_GUID}`, pageType: 'other' },
    { url: `${D365}?appid=${APP_ID}`, pageType: 'other', secrets: [APP_ID] },
    { url: `${D365}?pagetype=bogus&etn=account`, pageType: 'other' },
    { url: 'https://contoso.crm.dynamics.com/apps/sales', pageType: 'other' },
    { url: 'https://contoso.crm.dynamics.com/', pageType: 'other' },
    { url: 'https://home.dynamics.com/', pageType: 'other' },
  ],
  hubspot: [
    {
      url: `${HS}/contacts/${PORTAL}/record/0-1/${HS_RECORD}`,
      pageType: 'contact:record',
      secrets: [PORTAL, HS_RECORD],
    },
    {
      url: 'https://app.hubspot.com/contacts/12345/record/0-1/67890',
      pageType: 'contact:record',
      secrets: ['12345', '67890'],
    },
    {
      url: `https://app-eu1.hubspot.com/contacts/${PORTAL}/record/0-2/${HS_RECORD}`,
      pageType: 'company:record',
    },
    {
      url: `https://app-na2.hubspot.com/contacts/${PORTAL}/record/0-3/${HS_RECORD}?eschref=%2F`,
      pageType: 'deal:record',
    },
    { url: `${HS}/contacts/${PORTAL}/record/0-5/${HS_RECORD}`, pageType: 'ticket:record' },
    {
      url: `${HS}/contacts/${PORTAL}/record/2-1234567/${HS_RECORD}`,
      pageType: 'custom:record',
      secrets: ['1234567'],
    },
    { url: `${HS}/contacts/${PORTAL}/record/0-48/${HS_RECORD}`, pageType: 'record' },
    { url: `${HS}/contacts/${PORTAL}/objects/0-1/views/all/list`, pageType: 'contact:list' },
    { url: `${HS}/contacts/${PORTAL}/objects/0-3/views/all/board`, pageType: 'deal:board' },
    {
      url: `${HS}/contacts/${PORTAL}/objects/0-2/views/88776655/list?query=CANARY`,
      pageType: 'company:list',
      secrets: ['88776655', 'CANARY'],
    },
    {
      url: `${HS}/contacts/${PORTAL}/objects/2-1234567/views/all/list`,
      pageType: 'custom:list',
    },
    { url: `${HS}/contacts/${PORTAL}/objects/0-5`, pageType: 'ticket:list' },
    { url: `${HS}/contacts/12345/contact/67890`, pageType: 'contact:record' },
    { url: `${HS}/contacts/12345/company/67890`, pageType: 'company:record' },
    { url: `${HS}/contacts/12345/deal/67890`, pageType: 'deal:record' },
    { url: `${HS}/contacts/12345/ticket/67890`, pageType: 'ticket:record' },
    { url: `${HS}/contacts/${PORTAL}/contacts/list/view/all/`, pageType: 'contact:list' },
    { url: `${HS}/contacts/${PORTAL}/deals/board/view/all/`, pageType: 'deal:board' },
    { url: `${HS}/reports-dashboard/12345/view/678`, pageType: 'dashboard', secrets: ['678'] },
    { url: `${HS}/reports-list/${PORTAL}`, pageType: 'report:list' },
    { url: `${HS}/settings/${PORTAL}/users`, pageType: 'settings' },
    { url: `${HS}/sales-products-settings/12345`, pageType: 'settings' },
    // Unmapped pages.
    { url: `${HS}/contacts/${PORTAL}`, pageType: 'other' },
    { url: `${HS}/contacts/${PORTAL}/record/0-1`, pageType: 'other' },
    { url: `${HS}/contacts/${PORTAL}/record/people/${HS_RECORD}`, pageType: 'other' },
    { url: `${HS}/contacts/${PORTAL}/objects/0-1/views/all/calendar`, pageType: 'other' },
    { url: `${HS}/email/${PORTAL}/manage`, pageType: 'other' },
    { url: `${HS}/contacts/not-a-portal/record/0-1/${HS_RECORD}`, pageType: 'other' },
    { url: `${HS}/`, pageType: 'other' },
  ],
  demo: [
    { url: `${DEMO}/app`, pageType: 'home' },
    { url: 'http://localhost:3000/app/', pageType: 'home' },
    { url: `${DEMO}/app/home`, pageType: 'home' },
    {
      url: `${DEMO}/app/opportunities?stage=CANARY-STAGE`,
      pageType: 'opportunity:list',
      secrets: ['CANARY'],
    },
    { url: `${DEMO}/app/opportunities/new`, pageType: 'opportunity:new' },
    {
      url: `${DEMO}/app/opportunities/opp-1001`,
      pageType: 'opportunity:record',
      secrets: ['1001'],
    },
    {
      url: `${DEMO}/app/opportunities/CANARY-ID-123`,
      pageType: 'opportunity:record',
      secrets: ['CANARY'],
    },
    {
      url: `${DEMO}/app/opportunities/CANARY-ID-123/edit`,
      pageType: 'opportunity:edit',
      secrets: ['CANARY'],
    },
    { url: `${DEMO}/app/accounts`, pageType: 'account:list' },
    { url: `${DEMO}/app/accounts/new`, pageType: 'account:new' },
    { url: `${DEMO}/app/accounts/acc-77`, pageType: 'account:record', secrets: ['acc-77'] },
    { url: `http://localhost:8080/app/accounts/acc-77/edit`, pageType: 'account:edit' },
    { url: `${DEMO}/app/reports#/pipeline`, pageType: 'report:pipeline' },
    { url: `${DEMO}/app/reports#/activity`, pageType: 'report:activity' },
    {
      url: `${DEMO}/app/reports#/pipeline?owner=CANARY-OWNER`,
      pageType: 'report:pipeline',
      secrets: ['CANARY'],
    },
    { url: `${DEMO}/app/reports`, pageType: 'report:home' },
    { url: `${DEMO}/app/reports#/`, pageType: 'report:home' },
    { url: `${DEMO}/app/settings`, pageType: 'settings' },
    { url: `${DEMO}/frames/notes.html`, pageType: 'frame:notes' },
    { url: `${DEMO}/frames/billing-widget.html?account=CANARY`, pageType: 'frame:billing-widget' },
    // Unmapped pages.
    { url: `${DEMO}/app/reports#/CANARY-ID-123`, pageType: 'other', secrets: ['CANARY'] },
    { url: `${DEMO}/app/opportunities/opp-1001/history`, pageType: 'other' },
    { url: `${DEMO}/app/opportunities/new/edit`, pageType: 'other' },
    { url: `${DEMO}/app/unknown`, pageType: 'other' },
    { url: `${DEMO}/app/settings/CANARY`, pageType: 'other', secrets: ['CANARY'] },
    { url: `${DEMO}/frames/notes.js`, pageType: 'other' },
    { url: `${DEMO}/`, pageType: 'other' },
  ],
  // A CRM without an adapter: no page type ever comes from its URL; the organisation's route
  // templates give them (tests/unit/core/adapters/routes.test.ts).
  generic: [
    { url: 'https://shop.example.com/customers/12345/edit', pageType: 'other' },
    {
      url: 'https://shop.example.com/Customers/12345/Edit/?tab=CANARY',
      pageType: 'other',
      secrets: ['CANARY', 'canary'],
    },
    { url: 'https://example.com', pageType: 'other' },
    { url: 'https://example.com/?q=CANARY', pageType: 'other', secrets: ['CANARY', 'canary'] },
    {
      url: 'https://example.com/orders/3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b/items',
      pageType: 'other',
      secrets: ['3f2b8c1e'],
    },
    {
      url: 'https://git.example.com/commits/9fceb02d0ae598e95dc970b74767f19372d61af8',
      pageType: 'other',
      secrets: ['9fceb02d'],
    },
    { url: 'https://example.com/blobs/DeadBeef', pageType: 'other' },
    { url: 'https://example.com/records/0015g00000AbCdEAAZ', pageType: 'other' },
    { url: 'https://example.com/records/a1b2c3d4e5f6g7h', pageType: 'other' },
    {
      url: 'https://example.com/users/jane.doe%40example.com/profile',
      pageType: 'other',
      secrets: ['jane', 'doe'],
    },
    { url: 'https://example.com/users/jane@example.com', pageType: 'other' },
    {
      url: 'https://example.com/share/AbCdEfGhIjKlMnOpQrStUvWx',
      pageType: 'other',
      secrets: ['abcdef'],
    },
    { url: 'https://example.com/invoices/INV-2024-000123', pageType: 'other' },
    { url: 'https://app.example.com/app#/orders/991', pageType: 'other' },
    {
      url: 'https://app.example.com/app#!/orders/991?tab=CANARY',
      pageType: 'other',
      secrets: ['CANARY', 'canary'],
    },
    { url: 'https://app.example.com/#/Inbox/', pageType: 'other' },
    { url: 'https://app.example.com/app#/', pageType: 'other' },
    { url: 'https://docs.example.com/docs/Setup#install', pageType: 'other' },
    {
      url: 'https://legacy.example.com/cart;jsessionid=ABC123DEF456/checkout',
      pageType: 'other',
      secrets: ['abc123'],
    },
    {
      url: 'http://intranet.local/settings/billing-profile',
      pageType: 'other',
    },
    { url: 'https://example.com/api/v2/reports/q3', pageType: 'other' },
    // Hosts that only look like a CRM's.
    { url: 'https://evilsalesforce.com/006/o', pageType: 'other' },
    { url: 'https://force.com.evil.example/lightning/page/home', pageType: 'other' },
    { url: 'https://www.hubspot.com/products/crm', pageType: 'other' },
    { url: 'https://notdynamics.com/main.aspx', pageType: 'other' },
    { url: 'https://localhost.evil.example/app', pageType: 'other' },
  ],
};

/** Query parameters that carry schema names (what a page type is made of), never data. */
const SCHEMA_PARAMS = new Set(['etn', 'pagetype', 'name', 'webresourcename']);

function queryValues(url: URL): string[] {
  const hashQuery = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?')) : '';
  return [...url.searchParams, ...new URLSearchParams(hashQuery)]
    .filter(([key, value]) => !SCHEMA_PARAMS.has(key.toLowerCase()) && value !== '')
    .map(([, value]) => value);
}

const ALL_FIXTURES = CRM_IDS.flatMap((crm) =>
  FIXTURES[crm].map((fixture) => ({ crm, ...fixture })),
);

describe.each(CRM_IDS)('%s adapter', (crm) => {
  it.each(FIXTURES[crm])('$url → $pageType', ({ url, pageType }) => {
    expect(pageTypeOf(url)).toEqual({ crm, pageType });
  });
});

describe('page types are id-free', () => {
  it.each(ALL_FIXTURES)('$url', ({ url, secrets = [] }) => {
    const { pageType } = pageTypeOf(url);
    const parsed = new URL(url);
    const digitRuns = url.match(/\d{5,}/g) ?? [];
    for (const leaked of [...secrets, ...digitRuns, ...queryValues(parsed)]) {
      expect(pageType).not.toContain(leaked);
    }
  });

  it('covers every adapter with planted ids', () => {
    for (const crm of CRM_IDS) {
      expect(FIXTURES[crm].some((fixture) => (fixture.secrets ?? []).length > 0)).toBe(true);
    }
  });
});

describe('adapterFor', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/page/home', 'salesforce'],
    ['https://acme--uat.sandbox.lightning.force.com/', 'salesforce'],
    ['https://acme.my.salesforce.com/006/o', 'salesforce'],
    ['https://login.salesforce.com/', 'salesforce'],
    ['https://acme--c.vf.force.com/apex/Invoice', 'salesforce'],
    ['https://contoso.crm.dynamics.com/main.aspx', 'dynamics'],
    ['https://contoso.crm4.dynamics.com/main.aspx', 'dynamics'],
    ['https://contoso.crm11.dynamics.com/main.aspx', 'dynamics'],
    ['https://app.hubspot.com/contacts/12345', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/12345', 'hubspot'],
    ['https://app-na2.hubspot.com/contacts/12345', 'hubspot'],
    ['http://127.0.0.1:5173/app', 'demo'],
    ['http://localhost:3000/app', 'demo'],
    ['http://localhost/app', 'demo'],
    ['https://example.com/', 'generic'],
    ['https://evilsalesforce.com/', 'generic'],
    ['https://force.com.evil.example/', 'generic'],
    ['https://notdynamics.com/', 'generic'],
    ['https://www.hubspot.com/', 'generic'],
    ['https://app.hubspot.com.evil.example/', 'generic'],
    ['https://localhost.evil.example/', 'generic'],
    ['ftp://acme.my.salesforce.com/', 'generic'],
    ['not a url', 'generic'],
  ] as const)('%s → %s', (url, crm) => {
    expect(adapterFor(url).id).toBe(crm);
    if (URL.canParse(url)) expect(adapterFor(new URL(url)).id).toBe(crm);
  });

  it('never lets two CRM adapters claim the same page', () => {
    for (const { url, crm } of ALL_FIXTURES) {
      const claimants = ADAPTERS.filter((adapter) => adapter.matches(new URL(url)));
      const crmClaimants = claimants.map((adapter) => adapter.id).filter((id) => id !== 'generic');
      expect(crmClaimants).toEqual(crm === 'generic' ? [] : [crm]);
    }
  });
});

describe('adapter registry', () => {
  it('has one adapter per CRM id, generic last', () => {
    expect(ADAPTERS.map((adapter) => adapter.id).sort()).toEqual([...CRM_IDS].sort());
    expect(ADAPTERS.at(-1)).toBe(genericAdapter);
  });

  it('lists every adapter file, and runs on each listed adapter’s hosts once', () => {
    const files = readdirSync('core/adapters')
      .filter((file) =>
        /^export const \w+: CrmAdapter</m.test(readFileSync(`core/adapters/${file}`, 'utf8')),
      )
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files).toEqual([...CRM_IDS].sort());
    for (const adapter of ADAPTERS) {
      if (adapter !== genericAdapter) expect(adapter.hosts.length, adapter.id).toBeGreaterThan(0);
      for (const host of adapter.hosts)
        expect(adapterFor(host.replace('*.', 'x.').replace('/*', '/')).id).toBe(adapter.id);
    }
    expect(CRM_MATCHES).toEqual(ADAPTERS.flatMap((adapter) => adapter.hosts));
    expect(new Set(CRM_MATCHES).size).toBe(CRM_MATCHES.length);
  });

  it.each(CRM_IDS)('adapterById(%s)', (crm) => {
    expect(adapterById(crm).id).toBe(crm);
  });

  it('accepts URL objects as well as strings', () => {
    const url = new URL(`${SF}/lightning/r/Opportunity/${OPP_ID}/view`);
    expect(pageTypeOf(url)).toEqual({ crm: 'salesforce', pageType: 'Opportunity:record' });
  });

  it('gives unparseable URLs the generic "other" page type', () => {
    expect(pageTypeOf('::not a url::')).toEqual({ crm: 'generic', pageType: 'other' });
  });

  it('gives non-web URLs the generic "other" page type', () => {
    expect(pageTypeOf('file:///home/jane/notes.txt')).toEqual({
      crm: 'generic',
      pageType: 'other',
    });
  });
});

describe('anchorSelector', () => {
  it.each([
    {
      adapter: salesforceAdapter,
      anchor: 'sfdc:StandardButton.Opportunity.LogACall',
      selector: '[data-target-selection-name="sfdc:StandardButton.Opportunity.LogACall"]',
    },
    {
      adapter: dynamicsAdapter,
      anchor: 'opportunity|NoRelationship|Form|Mscrm.Form.opportunity.Save',
      selector:
        '[data-id="opportunity|NoRelationship|Form|Mscrm.Form.opportunity.Save"], ' +
        '[data-lp-id="opportunity|NoRelationship|Form|Mscrm.Form.opportunity.Save"]',
    },
    {
      adapter: dynamicsAdapter,
      anchor: 'header_title',
      selector: '[data-id="header_title"], [data-lp-id="header_title"]',
    },
    {
      adapter: hubspotAdapter,
      anchor: 'record-header-name',
      selector: '[data-test-id="record-header-name"], [data-selenium-test="record-header-name"]',
    },
    {
      adapter: demoAdapter,
      anchor: 'opportunity.next-step',
      selector: '[data-anchor="opportunity.next-step"]',
    },
    {
      adapter: genericAdapter,
      anchor: 'save',
      selector:
        '[data-anchor="save"], [data-testid="save"], [data-test-id="save"], [data-test="save"]',
    },
  ])('$adapter.id: $anchor', ({ adapter, anchor, selector }) => {
    expect(adapter.anchorSelector(anchor)).toBe(selector);
  });

  const awkward = 'say "hi"\\now\nlater';
  const quoted = String.raw`"say \"hi\"\\now\a later"`;

  it('escapes quotes, backslashes and newlines', () => {
    expect(demoAdapter.anchorSelector(awkward)).toBe(`[data-anchor=${quoted}]`);
    expect(salesforceAdapter.anchorSelector(awkward)).toBe(
      `[data-target-selection-name=${quoted}]`,
    );
  });

  it.each(ADAPTERS)('$id quotes the anchor in every selector of its list', (adapter) => {
    for (const part of adapter.anchorSelector(awkward).split(', ')) {
      expect(part).toMatch(/^\[[a-z-]+=/);
      expect(part.endsWith(`=${quoted}]`)).toBe(true);
    }
  });
});
