// Fatigue control in the background, on a real Dexie database over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuidance } from '../../../background/guidance';
import { createUsageLog } from '../../../background/usageLog';
import type { FatigueLimits } from '../../../core/fatigue';
import type { Guide, GuideInput } from '../../../core/guide/schema';
import { DEFAULT_ORG } from '../../../core/org';
import { makeGuide } from '../helpers/guides';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HOME = 'http://127.0.0.1:5178/app/home';

const auto = (id: string, over: Partial<GuideInput> = {}): Guide =>
  makeGuide({ id, launch: { mode: 'auto', once: true }, ...over });

let db: WaymarkDb;
// Noon, local time: a few hours on stays the same local day.
let clock = new Date(2026, 11, 5, 12).getTime();

function setup(guides: Guide[], fatigue: Partial<FatigueLimits> = {}) {
  db = openDb(`fatigue-${Math.random()}`);
  return createGuidance({
    db,
    usage: createUsageLog(db),
    guides: () => guides,
    now: () => clock,
    org: { ...DEFAULT_ORG, fatigue },
  });
}

afterEach(async () => {
  await db.delete();
});

const byItself = { tabLaunches: 0 };

describe('fatigue control in the background', () => {
  it('snoozes a guide: it stays away until the snooze has passed, then launches again', async () => {
    const guidance = setup([auto('tour')]);
    expect((await guidance.pageGuides(HOME)).autoLaunch?.id).toBe('tour');
    const started = await guidance.start('tour', undefined, byItself);
    expect(started?.run.auto).toBe(true);
    await guidance.advance('tour', 0, 'snooze');
    expect((await db.runs.get('tour'))?.status).toBe('dismissed');
    const kinds = (await createUsageLog(db).all()).map((e) => e.kind);
    expect(kinds).toEqual(['guide.started', 'guide.snoozed']);

    clock += DAY - 1;
    expect((await guidance.pageGuides(HOME)).autoLaunch).toBeNull();
    expect(await guidance.start('tour', undefined, byItself)).toBeNull();
    clock += 1;
    expect((await guidance.pageGuides(HOME)).autoLaunch?.id).toBe('tour');
    expect(await guidance.start('tour', undefined, byItself)).not.toBeNull();
    // Shown again after its snooze, a `once` guide closed now stays closed.
    await guidance.advance('tour', 0, 'exit');
    clock += 2 * DAY;
    expect((await guidance.pageGuides(HOME)).autoLaunch).toBeNull();
  });

  it('"Don\'t show again" is a dismissal, and the guide never launches by itself again', async () => {
    const guidance = setup([auto('tour', { launch: { mode: 'auto', once: false } })]);
    await guidance.start('tour', undefined, byItself);
    await guidance.advance('tour', 0, 'never');
    const kinds = (await createUsageLog(db).all()).map((e) => e.kind);
    expect(kinds).toEqual(['guide.started', 'guide.dismissed']);
    clock += 30 * DAY;
    expect((await guidance.pageGuides(HOME)).autoLaunch).toBeNull();
    expect(await guidance.start('tour', undefined, byItself)).toBeNull();
    // The rep can still start it by hand.
    expect(await guidance.start('tour')).not.toBeNull();
  });

  it('launches one guide per page view of a tab', async () => {
    const guidance = setup([auto('one'), auto('two')]);
    expect((await guidance.pageGuides(HOME, true, 1)).autoLaunch).toBeNull();
    expect(await guidance.start('one', undefined, { tabLaunches: 1 })).toBeNull();
    expect(await guidance.start('one', undefined, byItself)).not.toBeNull();
  });

  it("launches at most the day's number of guides, then again the next day", async () => {
    const guidance = setup([auto('one'), auto('two'), auto('three')], { autoLaunchesPerDay: 2 });
    for (const id of ['one', 'two']) {
      expect((await guidance.pageGuides(HOME)).autoLaunch?.id).toBe(id);
      expect(await guidance.start(id, undefined, byItself)).not.toBeNull();
      await guidance.advance(id, 0, 'next');
    }
    expect((await guidance.pageGuides(HOME)).autoLaunch).toBeNull();
    expect(await guidance.start('three', undefined, byItself)).toBeNull();
    // Started by hand, a guide is never counted nor held back.
    expect(await guidance.start('three')).not.toBeNull();
    await guidance.advance('three', 0, 'exit');
    await guidance.start('three');
    clock += DAY;
    expect(await guidance.start('one', undefined, byItself)).toBeNull(); // once, and done
    expect(await guidance.start('three', undefined, byItself)).toBeNull(); // once, and closed
  });

  it('waits the cool-down after the rep closed any guide', async () => {
    const guidance = setup([auto('one'), auto('two')]);
    await guidance.start('one');
    await guidance.advance('one', 0, 'exit');
    clock += 29 * MINUTE;
    expect((await guidance.pageGuides(HOME)).autoLaunch).toBeNull();
    expect(await guidance.start('two', undefined, byItself)).toBeNull();
    clock += MINUTE;
    expect((await guidance.pageGuides(HOME)).autoLaunch?.id).toBe('two');
  });

  it('lets only one of the tabs asking at once through the last launch of the day', async () => {
    const ids = ['one', 'two', 'three', 'four', 'five', 'six'];
    const guidance = setup(
      ids.map((id) => auto(id)),
      { autoLaunchesPerDay: 1 },
    );
    const started = await Promise.all(ids.map((id) => guidance.start(id, undefined, byItself)));
    expect(started.filter((run) => run !== null)).toHaveLength(1);
    expect(await db.runs.count()).toBe(1);
  });
});
