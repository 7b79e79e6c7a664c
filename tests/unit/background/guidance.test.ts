// The background's guidance state, on a real Dexie database over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuidance } from '../../../background/guidance';
import { writeSettings } from '../../../background/settings';
import { createUsageLog } from '../../../background/usageLog';
import type { Guide, GuideInput } from '../../../core/guide/schema';
import { makeGuide } from '../helpers/guides';

const guide = (over: Partial<GuideInput>): Guide =>
  makeGuide({
    match: { page: 'opportunity:record' },
    steps: [
      {
        id: 'a',
        kind: 'tooltip',
        target: { anchor: 'opportunity.logCall' },
        advance: { on: 'click' },
      },
      { id: 'b', kind: 'modal', title: 'B' },
    ],
    ...over,
  });

const RECORD_URL = 'http://127.0.0.1:5178/app/opportunities/opp-1001';
let db: WaymarkDb;
let clock = 1000;

function setup(guides: Guide[]) {
  db = openDb(`test-${Math.random()}`);
  return createGuidance({
    db,
    usage: createUsageLog(db),
    guides: () => guides,
    now: () => ++clock,
  });
}

afterEach(async () => {
  await db.delete();
});

describe('background guidance', () => {
  it('maps the page with the CRM adapter and offers the auto-launch guide once', async () => {
    const guidance = setup([guide({ launch: { mode: 'auto', once: true } })]);
    const first = await guidance.pageGuides(RECORD_URL);
    expect(first.page).toEqual({
      crm: 'demo',
      pageType: 'opportunity:record',
      path: '/app/opportunities/opp-1001',
      origin: 'http://127.0.0.1:5178',
    });
    expect(first.autoLaunch?.id).toBe('g');

    const started = await guidance.start('g');
    expect(started?.anchors).toEqual({
      'opportunity.logCall': '[data-anchor="opportunity.logCall"]',
    });
    const during = await guidance.pageGuides(RECORD_URL);
    expect(during.active?.run.stepIndex).toBe(0);
    expect(during.autoLaunch).toBeNull();

    await guidance.advance('g', 0, 'exit');
    const after = await guidance.pageGuides(RECORD_URL);
    expect(after.active).toBeNull();
    expect(after.autoLaunch).toBeNull();
  });

  it('keeps the run across calls (a reload) and ignores an action on a step already left', async () => {
    const guidance = setup([guide({})]);
    await guidance.start('g');
    const moved = await guidance.advance('g', 0, 'next');
    expect(moved?.run.stepIndex).toBe(1);
    // A second tab still showing step 0 presses Next: nothing is counted twice.
    const stale = await guidance.advance('g', 0, 'next');
    expect(stale?.run).toMatchObject({ stepIndex: 1, status: 'active' });
    const reloaded = await guidance.pageGuides('http://127.0.0.1:5178/app/home');
    expect(reloaded.active?.run.stepIndex).toBe(1);
    const done = await guidance.advance('g', 1, 'next');
    expect(done?.run.status).toBe('completed');
  });

  it('runs one walkthrough at a time', async () => {
    const guidance = setup([guide({ id: 'one' }), guide({ id: 'two' })]);
    await guidance.start('one');
    await guidance.start('two');
    expect((await db.runs.get('one'))?.status).toBe('abandoned');
    expect((await guidance.pageGuides(RECORD_URL)).active?.guide.id).toBe('two');
  });

  it('filters by role and refuses guides the role may not see', async () => {
    const guidance = setup([guide({ roles: ['manager'] })]);
    expect((await guidance.pageGuides(RECORD_URL)).autoLaunch).toBeNull();
    expect(await guidance.start('g')).toBeNull();
    await writeSettings(db, { role: 'manager' });
    expect(await guidance.start('g')).not.toBeNull();
    await expect(writeSettings(db, { role: 'nobody' })).rejects.toThrow('Unknown role "nobody"');
  });

  it('builds the popup state: page guides, checklist progress, active run', async () => {
    const guidance = setup([
      guide({}),
      guide({ id: 'other', match: { page: 'home' }, checklist: false }),
    ]);
    await guidance.start('g');
    await guidance.advance('g', 0, 'next');
    const state = await guidance.popupState(RECORD_URL);
    expect(state.pageGuides.map((g) => g.id)).toEqual(['g']);
    expect(state.checklist).toEqual([
      { guideId: 'g', title: 'G', status: 'active', stepIndex: 1, stepCount: 2 },
    ]);
    expect(state.active).toEqual({ guideId: 'g', title: 'G' });
    expect((await guidance.popupState('chrome://extensions')).page).toBeNull();
  });

  it('abandons a walkthrough left 30 minutes without progress, recording where it stopped', async () => {
    const guidance = setup([guide({})]);
    const usage = createUsageLog(db);
    await guidance.start('g', { crm: 'demo', pageType: 'opportunity:record', path: '/x' });
    await guidance.advance('g', 0, 'next', {
      crm: 'demo',
      pageType: 'opportunity:record',
      path: '/x',
    });
    clock += 29 * 60 * 1000;
    expect(await guidance.sweepAbandoned()).toBe(0);
    clock += 2 * 60 * 1000;
    const state = await guidance.pageGuides(RECORD_URL);
    expect(state.active).toBeNull();
    expect((await db.runs.get('g'))?.status).toBe('abandoned');
    const kinds = (await usage.all()).map((e) => `${e.kind}:${e.stepId ?? ''}`);
    expect(kinds).toEqual(['guide.started:a', 'step.completed:a', 'guide.abandoned:b']);
    expect((await usage.all()).at(-1)).toMatchObject({
      pageType: 'opportunity:record',
      role: 'rep',
    });
  });

  it('abandons the walkthrough in progress when the user starts another', async () => {
    const guidance = setup([guide({ id: 'one' }), guide({ id: 'two' })]);
    const usage = createUsageLog(db);
    await guidance.start('one');
    await guidance.start('two');
    expect((await usage.all()).map((e) => `${e.kind}:${e.guideId}`)).toEqual([
      'guide.started:one',
      'guide.abandoned:one',
      'guide.started:two',
    ]);
  });

  it('times a completed walkthrough once, from its start, as a bucket of the guide alone', async () => {
    const guidance = setup([guide({})]);
    const usage = createUsageLog(db);
    const RECORD = { crm: 'demo', pageType: 'opportunity:record', path: '/x' } as const;
    const startedAt = clock + 1;
    await guidance.start('g', RECORD);
    // 40 s on the first step, then 5 min on the modal: 340 s from the start, in "2m-10m".
    clock += 40_000;
    await guidance.advance('g', 0, 'next', RECORD);
    clock += 300_000;
    await guidance.advance('g', 1, 'next', RECORD);
    const completedAt = clock;
    expect(completedAt - startedAt).toBeGreaterThanOrEqual(340_000);
    expect(completedAt - startedAt).toBeLessThan(341_000);
    const timed = (await usage.all()).filter((e) => e.kind === 'task.timed');
    expect(timed).toHaveLength(1);
    expect(timed[0]).toMatchObject({
      kind: 'task.timed',
      role: 'rep',
      crm: 'demo',
      pageType: '',
      guideId: 'g',
      guideVersion: 1,
      field: '2m-10m',
    });
    expect(timed[0]?.stepId ?? '').toBe('');
    expect(timed[0]).not.toHaveProperty('score');
    // A stale second press on the last step moves nothing and times nothing again.
    await guidance.advance('g', 1, 'next', RECORD);
    expect((await usage.all()).filter((e) => e.kind === 'task.timed')).toHaveLength(1);
  });

  it('measures from the start of the run, not from the last step', async () => {
    const guidance = setup([guide({})]);
    const usage = createUsageLog(db);
    await guidance.start('g');
    // 11 min on the first step, then 10 s on the last: 670 s in all, "over-10m".
    clock += 11 * 60_000;
    await guidance.advance('g', 0, 'next');
    clock += 10_000;
    await guidance.advance('g', 1, 'next');
    const timed = (await usage.all()).filter((e) => e.kind === 'task.timed');
    expect(timed.map((e) => e.field)).toEqual(['over-10m']);
    // Started again and done quickly (2 × 5 s): a second timing, of the new run only.
    await guidance.start('g');
    clock += 5_000;
    await guidance.advance('g', 0, 'next');
    clock += 5_000;
    await guidance.advance('g', 1, 'next');
    expect((await usage.all()).filter((e) => e.kind === 'task.timed').map((e) => e.field)).toEqual([
      'over-10m',
      'under-30s',
    ]);
  });

  it('times no walkthrough that was dismissed, snoozed or abandoned', async () => {
    const guidance = setup([guide({ id: 'one' }), guide({ id: 'two' }), guide({ id: 'three' })]);
    const usage = createUsageLog(db);
    await guidance.start('one');
    await guidance.advance('one', 0, 'next');
    await guidance.advance('one', 1, 'exit');
    await guidance.start('two');
    await guidance.start('three');
    clock += 31 * 60 * 1000;
    await guidance.sweepAbandoned();
    const kinds = (await usage.all()).map((e) => `${e.kind}:${e.guideId}`);
    expect(kinds).toContain('guide.dismissed:one');
    expect(kinds).toContain('guide.abandoned:two');
    expect(kinds).toContain('guide.abandoned:three');
    expect(kinds.filter((k) => k.startsWith('task.timed'))).toEqual([]);
  });
});
