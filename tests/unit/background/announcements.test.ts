// Announcements in the background, on a real Dexie database over fake-indexeddb: which one a page
// gets, and what a page's reports of it may count.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuidance } from '../../../background/guidance';
import { writeSettings } from '../../../background/settings';
import { createUsageLog, type UsageLog } from '../../../background/usageLog';
import type { Guide, GuideInput } from '../../../core/guide/schema';
import type { PageContext } from '../../../core/match';
import type { Cohort } from '../../../core/usage';
import { makeGuide } from '../helpers/guides';

const news = (over: Partial<GuideInput> = {}): Guide =>
  makeGuide({
    id: 'news',
    match: { page: 'account:*' },
    announcement: {
      text: 'The **Stage** field changed.',
      link: { label: 'Show me', guide: 'tour' },
    },
    locales: { de: { announcement: { text: 'Das Feld **Stage** ist neu.' } } },
    steps: [],
    ...over,
  });
const tour = makeGuide({ id: 'tour', match: { page: 'account:*' } });

const ACCOUNTS = 'http://127.0.0.1:5178/app/accounts';
const accounts = { crm: 'demo', pageType: 'account:list', path: '/app/accounts' } as PageContext;
const home = { crm: 'demo', pageType: 'home', path: '/app/home' } as PageContext;

let db: WaymarkDb;
let usage: UsageLog;
let clock = 1000;

function setup(guides: Guide[], { cohort = 'guided' as Cohort, locale = 'en' } = {}) {
  db = openDb(`test-${Math.random()}`);
  usage = createUsageLog(db);
  return createGuidance({
    db,
    usage,
    guides: () => guides,
    now: () => ++clock,
    cohort: () => cohort,
    locale,
  });
}

const counted = async () =>
  (await usage.all())
    .filter((e) => e.kind.startsWith('announcement.'))
    .map((e) => `${e.kind} ${e.guideId}@${e.guideVersion} ${e.pageType} ${e.role}`);

afterEach(async () => {
  await db.delete();
});

describe('the announcement a page gets', () => {
  it('is given in the user language to a matching page, and is never a walkthrough', async () => {
    const guidance = setup([news(), tour], { locale: 'de-DE' });
    const answer = await guidance.pageGuides(ACCOUNTS);
    expect(answer.announcement).toEqual({
      guideId: 'news',
      version: 1,
      text: 'Das Feld **Stage** ist neu.',
      link: { label: 'Show me', guide: 'tour' },
    });
    expect((await guidance.pageGuides('http://127.0.0.1:5178/app/home')).announcement).toBe(
      undefined,
    );
    expect(await guidance.start('news')).toBeNull();
    const popup = await guidance.popupState(ACCOUNTS);
    expect(popup.pageGuides.map((g) => g.id)).toEqual(['tour']);
    expect(popup.checklist.map((g) => g.guideId)).toEqual(['tour']);
    expect((await guidance.trackedWorkflows()).guides).toEqual([]);
  });

  it('leaves out a link to a guide the user cannot start', async () => {
    const managers = makeGuide({ id: 'tour', roles: ['manager'] });
    for (const guides of [
      [news()],
      [news(), managers],
      [news(), news({ id: 'tour', announcement: { text: 'Another.' } })],
    ]) {
      const guidance = setup(guides);
      expect((await guidance.pageGuides(ACCOUNTS)).announcement).toEqual({
        guideId: 'news',
        version: 1,
        text: 'The **Stage** field changed.',
      });
      await db.delete();
    }
  });

  it('is not given when guidance is paused, nor to a cohort shown nothing', async () => {
    const paused = setup([news()]);
    await writeSettings(db, { paused: true });
    expect((await paused.pageGuides(ACCOUNTS)).announcement).toBe(undefined);
    await db.delete();
    for (const cohort of ['observe', 'control'] as const) {
      const quiet = setup([news()], { cohort });
      expect((await quiet.pageGuides(ACCOUNTS)).announcement).toBe(undefined);
      expect(await quiet.announcements.record('news', accounts, 'shown')).toBe(false);
      expect(await counted()).toEqual([]);
      await db.delete();
    }
  });
});

describe('what a page reports of its announcement', () => {
  it('counts the first drawing of a version once, then a dismissal, after which it is gone', async () => {
    const guidance = setup([news(), tour]);
    const { announcements } = guidance;
    expect(await announcements.record('news', accounts, 'shown')).toBe(true);
    // Every reload draws it again: only the first counts.
    expect(await announcements.record('news', accounts, 'shown')).toBe(false);
    expect((await guidance.pageGuides(ACCOUNTS)).announcement?.guideId).toBe('news');
    expect(await announcements.record('news', accounts, 'dismissed')).toBe(true);
    expect((await guidance.pageGuides(ACCOUNTS)).announcement).toBe(undefined);
    // Gone: neither a second dismissal nor a click on it counts.
    expect(await announcements.record('news', accounts, 'dismissed')).toBe(false);
    expect(await announcements.record('news', accounts, 'clicked')).toBe(false);
    expect(await counted()).toEqual([
      'announcement.shown news@1 account:list rep',
      'announcement.dismissed news@1 account:list rep',
    ]);
  });

  it('shows a new version again, counted afresh', async () => {
    const first = setup([news()]);
    await first.announcements.record('news', accounts, 'shown');
    await first.announcements.record('news', accounts, 'clicked');
    expect((await first.pageGuides(ACCOUNTS)).announcement).toBe(undefined);
    const guides = [news({ version: 2 })];
    const next = createGuidance({ db, usage, guides: () => guides, now: () => ++clock });
    expect((await next.pageGuides(ACCOUNTS)).announcement?.version).toBe(2);
    expect(await next.announcements.record('news', accounts, 'shown')).toBe(true);
    expect(await counted()).toEqual([
      'announcement.shown news@1 account:list rep',
      'announcement.clicked news@1 account:list rep',
      'announcement.shown news@2 account:list rep',
    ]);
  });

  it('attack: a page cannot count an announcement it was not given, or act before drawing it', async () => {
    const guidance = setup([news(), tour, news({ id: 'other', match: { page: 'home' } })]);
    const { announcements } = guidance;
    // A guide that does not exist, a walkthrough, and an announcement of another page.
    expect(await announcements.record('nope', accounts, 'shown')).toBe(false);
    expect(await announcements.record('tour', accounts, 'shown')).toBe(false);
    expect(await announcements.record('other', accounts, 'shown')).toBe(false);
    expect(await announcements.record('news', home, 'shown')).toBe(false);
    // Dismissed or followed without ever being drawn.
    expect(await announcements.record('news', accounts, 'clicked')).toBe(false);
    expect(await announcements.record('news', accounts, 'dismissed')).toBe(false);
    // Another role's announcement.
    await writeSettings(db, { role: 'manager' });
    expect(await announcements.record('news', accounts, 'shown')).toBe(false);
    expect(await counted()).toEqual([]);
    // The page was given it: now it counts.
    await writeSettings(db, { role: 'rep' });
    expect(await announcements.record('news', accounts, 'shown')).toBe(true);
    expect(await counted()).toEqual(['announcement.shown news@1 account:list rep']);
  });

  it('counts one drawing of two frames reporting at once', async () => {
    const { announcements } = setup([news()]);
    const both = await Promise.all([
      announcements.record('news', accounts, 'shown'),
      announcements.record('news', accounts, 'shown'),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await counted()).toHaveLength(1);
  });
});
