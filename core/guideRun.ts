/**
 * A guide run: one rep's way through one guide, as a state machine. A run is plain data kept by
 * the background, so it survives navigation, reloads and service-worker restarts; transitions
 * are pure.
 */
import type { Guide, Step } from './guide/schema';

export type RunStatus = 'active' | 'completed' | 'dismissed' | 'abandoned';
/** `snooze` ("Remind me later") and `never` ("Don't show again") close an auto-launched run. */
export type RunAction = 'next' | 'back' | 'skip' | 'exit' | 'snooze' | 'never';

export interface GuideRun {
  guideId: string;
  version: number;
  stepIndex: number;
  status: RunStatus;
  startedAt: number;
  updatedAt: number;
  /** Page type of the last progress, so an abandoned run can say where it stopped. */
  pageType?: string;
  /** The guide launched by itself (fatigue control offers to snooze it or never show it). */
  auto?: true;
}

export function startRun(guide: Guide, now: number): GuideRun {
  return {
    guideId: guide.id,
    version: guide.version,
    stepIndex: 0,
    status: 'active',
    startedAt: now,
    updatedAt: now,
  };
}

export function advanceRun(run: GuideRun, guide: Guide, action: RunAction, now: number): GuideRun {
  if (run.status !== 'active') return run;
  switch (action) {
    case 'exit':
    case 'snooze':
    case 'never':
      return { ...run, status: 'dismissed', updatedAt: now };
    case 'back':
      return { ...run, stepIndex: Math.max(0, run.stepIndex - 1), updatedAt: now };
    case 'next':
    case 'skip': {
      const last = run.stepIndex + 1 >= guide.steps.length;
      return last
        ? { ...run, status: 'completed', updatedAt: now }
        : { ...run, stepIndex: run.stepIndex + 1, updatedAt: now };
    }
  }
}

/** The step a run is on, or nothing when the run is over or belongs to another guide version. */
export function currentStep(run: GuideRun, guide: Guide): Step | undefined {
  if (run.status !== 'active' || run.version !== guide.version) return undefined;
  return guide.steps[run.stepIndex];
}

/** Auto-launch unless a `once` guide was already finished or closed by this user. */
export function shouldAutoLaunch(guide: Guide, past: GuideRun | undefined): boolean {
  if (guide.launch.mode !== 'auto') return false;
  if (!past || past.version !== guide.version) return true;
  if (past.status === 'active') return false;
  return !guide.launch.once;
}
