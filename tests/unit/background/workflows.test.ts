// The background's passive workflow tracking, on a real Dexie database over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuidance } from '../../../background/guidance';
import { createUsageLog } from '../../../background/usageLog';
import { createWorkflows } from '../../../background/workflows';
import type { Guide, GuideInput } from '../../../core/guide/schema';
import type { PageContext } from '../../../core/match';
import { ABANDON_AFTER_MS, type Cohort } from '../../../core/usage';
import { makeGuide } from '../helpers/guides';

const logCall = (over: Partial<GuideInput> = {}): Guide =>
  makeGuide({
    id: 'log-call',
    match: { page: 'opportunity:record' },
    roles: ['rep'],
    steps: [
      {
        id: 'open',
        kind: 'tooltip',
        target: { anchor: 'opportunity.logCall' },
        advance: { on: 'click' },
      },
      { id: 'subject', kind: 'fieldTip', target: { label: 'Subject' }, advance: { on: 'input' } },
      { id: 'save', kind: 'tooltip', target: { anchor: 'call.save' }, advance: { on: 'click' } },
      { id: 'done', kind: 'modal', title: 'Done' },
    ],
    ...over,
  });

/** A workflow across pages: pick on the list (route), edit, then save back to the record. */
const nextStep = (): Guide =>
  makeGuide({
    id: 'next-step',
    roles: ['rep'],
    match: { page: ['opportunity:list', 'opportunity:record', 'opportunity:edit'] },
    steps: [
      {
        id: 'pick',
        kind: 'tooltip',
        page: 'opportunity:list',
        target: { css: 'tbody tr a' },
        advance: { on: 'route', page: 'opportunity:record' },
      },
      {
        id: 'edit',
        kind: 'tooltip',
        page: 'opportunity:record',
        target: { anchor: 'record.edit' },
        advance: { on: 'click' },
      },
      {
        id: 'save',
        kind: 'tooltip',
        page: 'opportunity:edit',
        target: { anchor: 'record.save' },
        advance: { on: 'route', page: 'opportunity:record' },
      },
    ],
  });

const page = (pageType: string): PageContext => ({ crm: 'demo', pageType, path: '/' });
const RECORD = page('opportunity:record');

let db: WaymarkDb;
let clock = 1_000;

function setup(guides: Guide[], cohort: Cohort = 'guided') {
  db = openDb(`test-${Math.random()}`);
  const usage = createUsageLog(db);
  const guidance = createGuidance({
    db,
    usage,
    guides: () => guides,
    now: () => clock,
    cohort: () => cohort,
  });
  const workflows = createWorkflows({
    db,
    usage,
    guides: () => guides,
    tracked: () => guidance.trackedWorkflows(),
    now: () => clock,
  });
  const events = async () =>
    (await usage.all())
      .filter((e) => e.kind.startsWith('workflow.'))
      .map((e) => `${e.kind}:${e.guideId}:${e.stepId ?? ''}`);
  return { guidance, workflows, events };
}

afterEach(async () => {
  await db.delete();
});

describe('passive workflow tracking in the background', () => {
  it('watches the click and edit steps that can be done on the page, with their anchors', async () => {
    const { workflows } = setup([logCall(), nextStep()]);
    const watched = await workflows.watch(RECORD);
    expect(watched.steps.map((s) => `${s.guideId}:${s.stepId}:${s.on}`)).toEqual([
      'log-call:open:click',
      'log-call:subject:input',
      'log-call:save:click',
      'next-step:edit:click',
    ]);
    expect(watched.anchors['opportunity.logCall']).toBe('[data-anchor="opportunity.logCall"]');
    expect((await workflows.watch(page('opportunity:list'))).steps).toEqual([]);
    // Another CRM's page watches nothing of the demo's guides.
    expect((await workflows.watch({ crm: 'salesforce', pageType: 'x', path: '/' })).steps).toEqual(
      [],
    );
  });

  it('records started and completed as the steps are performed, and keeps the progress', async () => {
    const { workflows, events } = setup([logCall()]);
    await workflows.perform('log-call', 'open', RECORD);
    await workflows.perform('log-call', 'subject', RECORD);
    await workflows.perform('log-call', 'subject', RECORD);
    expect(await events()).toEqual(['workflow.started:log-call:open']);
    expect((await db.settings.get('workflow:log-call'))?.value).toMatchObject({
      reached: 1,
      status: 'active',
    });
    await workflows.perform('log-call', 'save', RECORD);
    expect(await events()).toEqual([
      'workflow.started:log-call:open',
      'workflow.completed:log-call:save',
    ]);
    // Doing it again is a second workflow.
    await workflows.perform('log-call', 'open', RECORD);
    expect((await events()).at(-1)).toBe('workflow.started:log-call:open');
  });

  it('times a completed workflow once, from its first step to its last, as a bucket', async () => {
    const { workflows } = setup([logCall()], 'control');
    const usage = createUsageLog(db);
    const timed = async () => (await usage.all()).filter((e) => e.kind === 'task.timed');
    await workflows.perform('log-call', 'open', RECORD);
    // 20 s to fill the subject, 25 s more to save: 45 s from the first step, "30s-2m".
    clock += 20_000;
    await workflows.perform('log-call', 'subject', RECORD);
    expect(await timed()).toEqual([]);
    clock += 25_000;
    await workflows.perform('log-call', 'save', RECORD);
    const [only, ...more] = await timed();
    expect(more).toEqual([]);
    expect(only).toMatchObject({
      kind: 'task.timed',
      role: 'rep',
      crm: 'demo',
      pageType: '',
      guideId: 'log-call',
      guideVersion: 1,
      field: '30s-2m',
    });
    expect(only?.stepId ?? '').toBe('');
    // The same save again, after completion, starts and times nothing.
    clock += 1_000;
    await workflows.perform('log-call', 'save', RECORD);
    expect(await timed()).toHaveLength(1);
    // A second run of the workflow in 10 s is timed on its own: "under-30s".
    await workflows.perform('log-call', 'open', RECORD);
    clock += 10_000;
    await workflows.perform('log-call', 'save', RECORD);
    expect((await timed()).map((e) => e.field)).toEqual(['30s-2m', 'under-30s']);
  });

  it('times no abandoned workflow', async () => {
    const { workflows } = setup([logCall()], 'observe');
    const usage = createUsageLog(db);
    await workflows.perform('log-call', 'open', RECORD);
    clock += ABANDON_AFTER_MS + 1;
    await workflows.sweep('rep');
    const kinds = (await usage.all()).map((e) => e.kind);
    expect(kinds).toEqual(['workflow.started', 'workflow.abandoned']);
  });

  it('ignores steps that are not the workflow’s, of other roles, or not done on their page', async () => {
    const { workflows, events } = setup([
      logCall(),
      logCall({ id: 'managers', roles: ['manager'] }),
    ]);
    await workflows.perform('log-call', 'done', RECORD);
    await workflows.perform('log-call', 'nope', RECORD);
    await workflows.perform('log-call', 'open', page('opportunity:list'));
    await workflows.perform('managers', 'open', RECORD);
    expect(await events()).toEqual([]);
  });

  it('leaves alone a guide the rep is being shown, and tracks it in cohorts without guidance', async () => {
    const guided = setup([logCall()]);
    await guided.guidance.start('log-call', RECORD);
    expect((await guided.workflows.watch(RECORD)).steps).toEqual([]);
    await guided.workflows.perform('log-call', 'open', RECORD);
    expect(await guided.events()).toEqual([]);
    await db.delete();

    const observed = setup([logCall()], 'observe');
    expect(await observed.guidance.start('log-call', RECORD)).toBeNull();
    expect(
      (await observed.guidance.pageGuides('http://127.0.0.1:5178/app/opportunities/o-1')).quiet,
    ).toBe(true);
    await observed.workflows.perform('log-call', 'open', RECORD);
    expect(await observed.events()).toEqual(['workflow.started:log-call:open']);
  });

  it('ends, without an event, the workflow a rep began unguided when its guide starts', async () => {
    const { guidance, workflows, events } = setup([logCall()]);
    await workflows.perform('log-call', 'open', RECORD);
    await guidance.start('log-call', RECORD);
    expect(await db.settings.get('workflow:log-call')).toBeUndefined();
    clock += ABANDON_AFTER_MS + 1;
    await workflows.sweep('rep');
    expect(await events()).toEqual(['workflow.started:log-call:open']);
  });

  it('performs a route step when its page is left for the page it leads to', async () => {
    const { workflows, events } = setup([nextStep()]);
    // Opening a record directly is not "picking it from the list".
    await workflows.routed(RECORD, undefined);
    await workflows.routed(RECORD, 'opportunity:edit');
    expect(await events()).toEqual([]);
    await workflows.routed(RECORD, 'opportunity:list');
    await workflows.perform('next-step', 'edit', RECORD);
    await workflows.routed(page('opportunity:edit'), 'opportunity:record');
    expect(await events()).toEqual(['workflow.started:next-step:pick']);
    await workflows.routed(RECORD, 'opportunity:edit');
    expect(await events()).toEqual([
      'workflow.started:next-step:pick',
      'workflow.completed:next-step:save',
    ]);
  });

  it('sweeps a workflow left untouched into abandoned, on the step where it stopped', async () => {
    const { workflows, events } = setup([logCall()]);
    await workflows.perform('log-call', 'open', RECORD);
    await workflows.perform('log-call', 'subject', RECORD);
    clock += ABANDON_AFTER_MS - 1;
    await workflows.sweep('rep');
    expect(await events()).toEqual(['workflow.started:log-call:open']);
    clock += 2;
    await workflows.sweep('rep');
    await workflows.sweep('rep');
    expect(await events()).toEqual([
      'workflow.started:log-call:open',
      'workflow.abandoned:log-call:subject',
    ]);
    expect((await db.settings.get('workflow:log-call'))?.value).toMatchObject({
      status: 'abandoned',
    });
    await workflows.clear();
    expect(await db.settings.get('workflow:log-call')).toBeUndefined();
  });
});
