/** The usage events of the steps a run shows in this frame, on the page they were shown on. */
import type { PageContext } from '../../core/match';
import type { ActiveRun } from '../../core/messages';
import type { TargetStrategy } from '../../core/targetStrategies';
import type { UsageRecorder } from '../usageRecorder';

type StepEventKind = 'step.shown' | 'target.missing' | 'survey.answered' | 'champion.asked';

export interface StepUsage {
  record(kind: StepEventKind, active: ActiveRun, score?: number): void;
  /** The step is on screen: counted once per step of a run. */
  shown(active: ActiveRun): void;
  /**
   * The step's target never came: counted once per step of a run, with the names of the target's
   * strategies that found nothing.
   */
  missing(active: ActiveRun, failedStrategies: readonly TargetStrategy[]): void;
}

export function stepUsage(
  recorder: UsageRecorder | undefined,
  page: () => PageContext | null,
): StepUsage {
  function record(
    kind: StepEventKind,
    active: ActiveRun,
    score?: number,
    failedStrategies: readonly TargetStrategy[] = [],
  ): void {
    const shownOn = page();
    if (!shownOn) return;
    const { guide, run } = active;
    recorder?.record({
      at: Date.now(),
      kind,
      crm: shownOn.crm,
      pageType: shownOn.pageType,
      guideId: guide.id,
      guideVersion: guide.version,
      stepId: guide.steps[run.stepIndex]?.id,
      ...(score === undefined ? {} : { score }),
      ...(failedStrategies.length === 0 ? {} : { failedStrategies: [...failedStrategies] }),
    });
  }
  /** The step showing last, so a step re-found after the CRM re-rendered is not counted twice. */
  const newlyShown = oncePerStep();
  /**
   * The step whose target was last found missing: a page refresh or "Try again" that finds it
   * missing again is the same miss, counted once per step of a run.
   */
  const newlyMissing = oncePerStep();
  return {
    record,
    shown: (active) => {
      if (newlyShown(active)) record('step.shown', active);
    },
    missing: (active, failedStrategies) => {
      if (newlyMissing(active)) record('target.missing', active, undefined, failedStrategies);
    },
  };
}

/** Whether this is another step than the one this check saw last. */
function oncePerStep(): (active: ActiveRun) => boolean {
  let last = '';
  return (active) => {
    const key = stepKey(active);
    if (key === last) return false;
    last = key;
    return true;
  };
}

/** One step of one run: what step.shown and target.missing are counted once for. */
function stepKey({ run }: ActiveRun): string {
  return `${run.guideId}:${run.startedAt}:${run.stepIndex}`;
}
