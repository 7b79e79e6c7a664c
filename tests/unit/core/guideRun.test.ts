import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../../core/guide/schema';
import { advanceRun, currentStep, shouldAutoLaunch, startRun } from '../../../core/guideRun';

const guide = guideSchema.parse({
  schemaVersion: 1,
  id: 'g',
  version: 2,
  title: 'G',
  roles: ['rep'],
  crm: 'demo',
  match: { page: 'home' },
  launch: { mode: 'auto', once: true },
  steps: [
    { id: 'a', kind: 'modal', title: 'A' },
    { id: 'b', kind: 'modal', title: 'B' },
  ],
});

describe('walkthrough state machine', () => {
  it('walks forward, back and to completion', () => {
    const run = startRun(guide, 1);
    expect(currentStep(run, guide)?.id).toBe('a');
    const second = advanceRun(run, guide, 'next', 2);
    expect(currentStep(second, guide)?.id).toBe('b');
    expect(advanceRun(second, guide, 'back', 3).stepIndex).toBe(0);
    expect(advanceRun(run, guide, 'back', 3).stepIndex).toBe(0);
    const done = advanceRun(second, guide, 'skip', 4);
    expect(done).toMatchObject({ status: 'completed', stepIndex: 1, updatedAt: 4 });
    expect(currentStep(done, guide)).toBeUndefined();
    expect(advanceRun(done, guide, 'next', 5)).toBe(done);
  });

  it('exit dismisses the run', () => {
    expect(advanceRun(startRun(guide, 1), guide, 'exit', 2).status).toBe('dismissed');
  });

  it('forgets runs of an older guide version', () => {
    const old = { ...startRun(guide, 1), version: 1 };
    expect(currentStep(old, guide)).toBeUndefined();
    expect(shouldAutoLaunch(guide, { ...old, status: 'completed' })).toBe(true);
  });

  it('auto-launches a once guide until it was finished or closed', () => {
    expect(shouldAutoLaunch(guide, undefined)).toBe(true);
    const run = startRun(guide, 1);
    expect(shouldAutoLaunch(guide, run)).toBe(false);
    expect(shouldAutoLaunch(guide, advanceRun(run, guide, 'exit', 2))).toBe(false);
    const again = { ...guide, launch: { mode: 'auto' as const, once: false } };
    expect(shouldAutoLaunch(again, advanceRun(run, guide, 'exit', 2))).toBe(true);
    expect(shouldAutoLaunch({ ...guide, launch: { mode: 'manual', once: true } }, undefined)).toBe(
      false,
    );
  });
});
