/** Passive workflow tracking: the guide's observable steps as a workflow. */
import { describe, expect, it } from 'vitest';
import { guideSchema, type Guide } from '../../../core/guide/schema';
import { ABANDON_AFTER_MS } from '../../../core/usage';
import { isWorkflow, performStep, sweepWorkflow, workflowSteps } from '../../../core/workflow';

const guide: Guide = guideSchema.parse({
  schemaVersion: 1,
  id: 'log-call',
  version: 2,
  title: 'Log a call',
  roles: ['rep'],
  crm: 'demo',
  match: { page: 'opportunity:record' },
  steps: [
    { id: 'intro', kind: 'modal', body: 'Why calls matter.' },
    {
      id: 'open',
      kind: 'tooltip',
      target: { anchor: 'a' },
      body: 'Open.',
      advance: { on: 'click' },
    },
    {
      id: 'subject',
      kind: 'fieldTip',
      target: { label: 'Subject' },
      body: 'Say what.',
      advance: { on: 'input' },
    },
    {
      id: 'save',
      kind: 'tooltip',
      target: { anchor: 's' },
      body: 'Save.',
      advance: { on: 'click' },
    },
    { id: 'done', kind: 'modal', body: 'Done.' },
  ],
});

describe('passive workflows', () => {
  it('are the steps whose action the page shows', () => {
    expect(workflowSteps(guide).map((s) => s.id)).toEqual(['open', 'subject', 'save']);
    expect(isWorkflow(guide)).toBe(true);
  });

  it('start at the first step, move on (also past an unseen step) and complete at the last', () => {
    let state = performStep(undefined, guide, 'subject', 1);
    expect(state).toEqual({ progress: undefined, events: [] });
    state = performStep(undefined, guide, 'open', 1);
    expect(state.events).toEqual([{ kind: 'workflow.started', stepId: 'open' }]);
    // The same step again changes nothing.
    expect(performStep(state.progress, guide, 'open', 2).events).toEqual([]);
    state = performStep(state.progress, guide, 'save', 3);
    expect(state.events).toEqual([{ kind: 'workflow.completed', stepId: 'save' }]);
    expect(state.progress).toMatchObject({ status: 'completed', reached: 2, updatedAt: 3 });
    // Once completed, only the first step starts the next one.
    expect(performStep(state.progress, guide, 'save', 4).events).toEqual([]);
    expect(performStep(state.progress, guide, 'open', 5).events).toEqual([
      { kind: 'workflow.started', stepId: 'open' },
    ]);
  });

  it('are abandoned where they stopped after the abandon time, not before', () => {
    const started = performStep(undefined, guide, 'open', 0);
    const reached = performStep(started.progress, guide, 'subject', 10).progress;
    if (!reached) throw new Error('expected progress');
    expect(sweepWorkflow(reached, guide, 10 + ABANDON_AFTER_MS - 1).events).toEqual([]);
    expect(sweepWorkflow(reached, guide, 10 + ABANDON_AFTER_MS)).toEqual({
      progress: { ...reached, status: 'abandoned', updatedAt: 10 + ABANDON_AFTER_MS },
      events: [{ kind: 'workflow.abandoned', stepId: 'subject' }],
    });
  });

  it('restart when the guide has a new version', () => {
    const old = performStep(undefined, { ...guide, version: 1 }, 'open', 0).progress;
    expect(performStep(old, guide, 'save', 1).events).toEqual([]);
    expect(performStep(old, guide, 'open', 1).events).toEqual([
      { kind: 'workflow.started', stepId: 'open' },
    ]);
  });
});
