/**
 * Passive workflow tracking: a guide's steps double as the definition of a workflow, so the same
 * behaviour can be measured when no guidance is shown (observe-only, a control group, or a rep
 * who never opened the guide). Only steps that ask for an action the page can observe define the
 * workflow — a click on the target, an edit of a field, reaching a page; "Next"-only steps are
 * explanations and are passed over. Pure: the runtime reports which step's action it saw, the
 * background keeps the progress and records what this returns.
 */
import type { Guide, Step } from './guide/schema';
import { ABANDON_AFTER_MS } from './usage';

export type WorkflowStatus = 'active' | 'completed' | 'abandoned';

export interface WorkflowProgress {
  guideId: string;
  version: number;
  /** Index into the workflow's observable steps of the last one performed. */
  reached: number;
  status: WorkflowStatus;
  startedAt: number;
  updatedAt: number;
}

export type WorkflowEventKind = 'workflow.started' | 'workflow.completed' | 'workflow.abandoned';

export interface WorkflowEvent {
  kind: WorkflowEventKind;
  /** The step performed (started, completed) or the last one reached (abandoned). */
  stepId: string;
}

/** The steps of a guide whose action the page shows: the workflow. */
export function workflowSteps(guide: Guide): Step[] {
  return guide.steps.filter((step) => {
    const on = step.advance?.on ?? 'next';
    return on === 'click' || on === 'input' || on === 'change' || on === 'route';
  });
}

export function isWorkflow(guide: Guide): boolean {
  return workflowSteps(guide).length >= 2;
}

/**
 * The user performed step `stepId` of the guide's workflow. The first observable step starts a
 * workflow; a later step moves it on, also past steps the page could not show being done (a
 * field filled by the CRM itself); the last one completes it. A step performed again, or one
 * behind the progress, changes nothing.
 */
export function performStep(
  progress: WorkflowProgress | undefined,
  guide: Guide,
  stepId: string,
  now: number,
): { progress: WorkflowProgress | undefined; events: WorkflowEvent[] } {
  const steps = workflowSteps(guide);
  const index = steps.findIndex((s) => s.id === stepId);
  if (index < 0 || steps.length < 2) return { progress, events: [] };
  const last = steps.length - 1;
  const running =
    progress && progress.status === 'active' && progress.version === guide.version
      ? progress
      : undefined;
  if (!running) {
    // Only the first step starts a workflow: doing step 3 alone is not "the workflow".
    if (index !== 0) return { progress, events: [] };
    return {
      progress: {
        guideId: guide.id,
        version: guide.version,
        reached: 0,
        status: 'active',
        startedAt: now,
        updatedAt: now,
      },
      events: [{ kind: 'workflow.started', stepId }],
    };
  }
  if (index <= running.reached) return { progress: running, events: [] };
  if (index === last) {
    return {
      progress: { ...running, reached: index, status: 'completed', updatedAt: now },
      events: [{ kind: 'workflow.completed', stepId }],
    };
  }
  return { progress: { ...running, reached: index, updatedAt: now }, events: [] };
}

/** An active workflow untouched for ABANDON_AFTER_MS is abandoned where it stopped. */
export function sweepWorkflow(
  progress: WorkflowProgress,
  guide: Guide | undefined,
  now: number,
): { progress: WorkflowProgress; events: WorkflowEvent[] } {
  if (progress.status !== 'active' || now - progress.updatedAt < ABANDON_AFTER_MS) {
    return { progress, events: [] };
  }
  const step = guide ? workflowSteps(guide)[progress.reached] : undefined;
  return {
    progress: { ...progress, status: 'abandoned', updatedAt: now },
    events: [{ kind: 'workflow.abandoned', stepId: step?.id ?? '' }],
  };
}
