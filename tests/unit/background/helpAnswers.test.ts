// The help panel's answers (its guides, checklist, search and start), on a real Dexie database
// over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuidance } from '../../../background/guidance';
import { excerptOf, startAddress } from '../../../background/helpAnswers';
import { writeSettings } from '../../../background/settings';
import { createUsageLog } from '../../../background/usageLog';
import { guideSchema, type Guide, type GuideInput } from '../../../core/guide/schema';
import type { PageContext } from '../../../core/match';
import { DEFAULT_ORG, type OrgConfig } from '../../../core/org';
import type { Cohort } from '../../../core/usage';
import { makeGuide } from '../helpers/guides';

const ORIGIN = 'http://127.0.0.1:5178';
const LIST_URL = `${ORIGIN}/app/opportunities`;
const SETTINGS_URL = `${ORIGIN}/app/settings`;

const displayName = makeGuide({
  id: 'display-name',
  title: 'Set your display name',
  description: 'Customers see it on every email.',
  match: { page: 'settings' },
  startUrl: '/app/settings',
  steps: [
    {
      id: 'name',
      kind: 'modal',
      title: 'Display name',
      body: 'Use your **full name** as customers know it.',
      locales: { de: { body: 'Verwenden Sie Ihren vollen Namen, wie Kunden ihn kennen.' } },
    },
  ],
});
const nextStep = makeGuide({
  id: 'next-step',
  title: 'Keep the next step up to date',
  match: { page: 'opportunity:list' },
  steps: [{ id: 'open', kind: 'modal', title: 'Open a deal', body: 'Pick the deal you called.' }],
});
const logCall = makeGuide({
  id: 'log-call',
  title: 'Log a call',
  match: { page: 'opportunity:record' },
  checklist: false,
  steps: [{ id: 'log', kind: 'modal', title: 'Log it', body: 'Every call you log counts.' }],
});
const managersOnly = makeGuide({
  id: 'forecast',
  title: 'Review the forecast',
  roles: ['manager'],
  steps: [{ id: 'f', kind: 'modal', title: 'Forecast', body: 'Every call counts here too.' }],
});
const hubspot = makeGuide({
  id: 'hubspot-call',
  title: 'Log a call in HubSpot',
  crm: 'hubspot',
  match: { page: 'contact:record' },
});

let db: WaymarkDb;

function setup(
  guides: Guide[],
  { org = DEFAULT_ORG, cohort = 'guided' }: { org?: OrgConfig; cohort?: Cohort } = {},
) {
  db = openDb(`test-${Math.random()}`);
  return createGuidance({
    db,
    usage: createUsageLog(db),
    guides: () => guides,
    org,
    cohort: () => cohort,
  });
}

afterEach(async () => {
  await db.delete();
});

const ALL = [displayName, nextStep, logCall, managersOnly, hubspot];

describe('the help panel', () => {
  it("lists this page's guides and the role's checklist of this CRM, each saying where it starts", async () => {
    const guidance = setup(ALL);
    const state = await guidance.helpState(LIST_URL, 'en');
    expect(state.pageGuides.map((g) => g.guideId)).toEqual(['next-step']);
    expect(state.pageGuides[0]?.start).toEqual({
      here: true,
      pages: ['opportunity:list'],
      opens: false,
    });
    // Not the manager's guide, not HubSpot's, not one left out of the checklist.
    expect(state.checklist.map((i) => [i.guideId, i.status])).toEqual([
      ['display-name', 'not-started'],
      ['next-step', 'not-started'],
    ]);
    expect(state.checklist[0]?.start).toEqual({ here: false, pages: ['settings'], opens: true });
  });

  it('shows nothing to start to a cohort measured without guidance', async () => {
    const guidance = setup(ALL, { cohort: 'control' });
    const state = await guidance.helpState(LIST_URL, 'en');
    expect(state.pageGuides).toEqual([]);
    expect(state.checklist).toEqual([]);
    expect(await guidance.searchGuides(LIST_URL, 'call', 'en')).toEqual([]);
    expect((await guidance.startFromHelp('next-step', LIST_URL)).active).toBeNull();
  });

  it("searches titles and every step's text, in the page's language, by word beginnings", async () => {
    const guidance = setup(ALL);
    const hits = async (query: string, locale = 'en') =>
      (await guidance.searchGuides(LIST_URL, query, locale)).map((h) => h.guideId);
    expect(await hits('full name')).toEqual(['display-name']);
    // Beginnings of words, and a typo.
    expect(await hits('custom')).toEqual(['display-name']);
    expect(await hits('custmers')).toEqual(['display-name']);
    // The title weighs more than the text: both mention calls, the one titled so comes first.
    expect(await hits('call')).toEqual(['log-call', 'next-step']);
    // Every word must be there.
    expect(await hits('call forecast')).toEqual([]);
    // In German, the German text is searched; the English one is not what the rep reads.
    expect(await hits('vollen Namen', 'de')).toEqual(['display-name']);
    expect(await hits('full name', 'de')).toEqual([]);
    expect(await hits('   ')).toEqual([]);
  });

  it('says where a found guide starts, and shows the words around what matched', async () => {
    const guidance = setup(ALL);
    const [hit] = await guidance.searchGuides(LIST_URL, 'customers know', 'en');
    expect(hit).toMatchObject({
      guideId: 'display-name',
      title: 'Set your display name',
      start: { here: false, pages: ['settings'], opens: true },
    });
    expect(hit?.excerpt).toContain('customers');
    // Formatting marks are not searched or shown.
    expect(hit?.excerpt).not.toContain('**');
  });

  it("starts a guide here, or answers its start page's address on the same site", async () => {
    const guidance = setup(ALL);
    const here = await guidance.startFromHelp('next-step', LIST_URL);
    expect(here.active?.guide.id).toBe('next-step');
    expect(here.open).toBeUndefined();

    const elsewhere = await guidance.startFromHelp('display-name', LIST_URL);
    expect(elsewhere.active?.run.status).toBe('active');
    expect(elsewhere.open).toBe(SETTINGS_URL);
    // The run goes on on that page.
    expect((await guidance.pageGuides(SETTINGS_URL)).active?.guide.id).toBe('display-name');

    // Already there: no page to open.
    expect((await guidance.startFromHelp('display-name', SETTINGS_URL)).open).toBeUndefined();
    // Not this role's, or no such guide.
    expect((await guidance.startFromHelp('forecast', LIST_URL)).active).toBeNull();
    expect((await guidance.startFromHelp('nope', LIST_URL)).active).toBeNull();
    await writeSettings(db, { role: 'manager' });
    expect((await guidance.startFromHelp('forecast', LIST_URL)).active).not.toBeNull();
  });

  it("opens only an address on the page's own site", () => {
    const page: PageContext = { crm: 'demo', pageType: 'home', path: '/', origin: ORIGIN };
    const withStart = (startUrl: string) => ({ ...displayName, startUrl }) as Guide; // as a hostile pack might send it, unchecked
    expect(startAddress(withStart('/app/settings#/x'), page)).toBe(`${ORIGIN}/app/settings#/x`);
    expect(startAddress(withStart('//evil.example/app'), page)).toBeNull();
    expect(startAddress(withStart('https://evil.example/'), page)).toBeNull();
    expect(startAddress(withStart('/app'), { ...page, origin: undefined })).toBeNull();
  });

  it('the guide format takes a start page as a path on the CRM only', () => {
    const parse = (startUrl: string) =>
      guideSchema.safeParse({ ...(displayName as GuideInput), startUrl }).success;
    expect(parse('/lightning/o/Opportunity/list')).toBe(true);
    expect(parse('/app#/deals')).toBe(true);
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'app',
      '/a b',
    ]) {
      expect(parse(bad), bad).toBe(false);
    }
  });
});

describe('the help button', () => {
  it('is offered where the role has guides for the CRM, in the corner the organisation chose', async () => {
    const guidance = setup(ALL, {
      org: { ...DEFAULT_ORG, launcher: { shown: true, corner: 'top-left' } },
    });
    expect((await guidance.pageGuides(LIST_URL)).launcher).toEqual({ corner: 'top-left' });
    // Not on a page the adapter does not know, such as the endpoint's dashboard beside the demo.
    expect((await guidance.pageGuides(`${ORIGIN}/dashboard/`)).launcher).toBeUndefined();
    // The role has no guide on Dynamics: no button there.
    const dynamics = 'https://acme.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=account';
    expect((await guidance.pageGuides(dynamics)).launcher).toBeUndefined();
    await writeSettings(db, { paused: true });
    expect((await guidance.pageGuides(LIST_URL)).launcher).toBeUndefined();
  });

  it('is in the bottom-right corner by default, and the organisation can turn it off', async () => {
    expect((await setup(ALL).pageGuides(LIST_URL)).launcher).toEqual({ corner: 'bottom-right' });
    await db.delete();
    const off = setup(ALL, {
      org: { ...DEFAULT_ORG, launcher: { shown: false, corner: 'bottom-right' } },
    });
    expect((await off.pageGuides(LIST_URL)).launcher).toBeUndefined();
    await db.delete();
    const observed = setup(ALL, { cohort: 'observe' });
    expect((await observed.pageGuides(LIST_URL)).launcher).toBeUndefined();
  });
});

describe('excerptOf', () => {
  const text =
    'Open the deal you called. Then write what the customer said in their own words, and save it.';
  it('cuts whole words around the first match, marking what was left out', () => {
    const excerpt = excerptOf(`${'lead-in words '.repeat(20)}${text}`, ['customer']);
    expect(excerpt?.startsWith('…')).toBe(true);
    expect(excerpt).toContain('the customer said');
    expect(excerpt?.length).toBeLessThanOrEqual(142);
  });
  it('is absent when only the title matched', () => {
    expect(excerptOf(text, ['forecast'])).toBeUndefined();
  });
});
