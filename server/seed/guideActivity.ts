/**
 * What a simulated person does with a guide: run its walkthrough, driven by the real run state
 * machine, or do its workflow without guidance, tracked passively as the extension does. Both
 * report the events the extension records, in the order it records them.
 */
import type { EventKind } from '../../core/usage';
import { advanceRun, startRun, type RunAction } from '../../core/guideRun';
import { taskTimeBucket } from '../../core/taskTime';
import { performStep, sweepWorkflow } from '../../core/workflow';
import { pick, type Browser } from './browsers';
import type { GuidePlan, Outcome, StepPlan } from './demoPack';
import { isEdit, SECOND, type SimEvent, type WorkingDay } from './workingDay';

/**
 * The share of the people doing a guide's workflow on their own who get to the end. People who
 * completed the guide's walkthrough have learned it and finish more often.
 */
const WORKFLOW_COMPLETION = 0.45;
const WORKFLOW_COMPLETION_LEARNED = 0.85;

/**
 * How long each step of a task takes, as a share of the draws below. Shown the way, a person
 * goes faster, and faster still as they settle in with the guides (the ramp); on their own they
 * look for each button and field first, less once they have learned the guide's walkthrough.
 * Only the clock moves with it, never the number of draws, so every counter but the time on
 * task stays as it was.
 */
const GUIDED_PACE = { first: 0.5, settled: 0.2 } as const;
const UNGUIDED_PACE = { learned: 1.2, unlearned: 3 } as const;

function guidedPace(day: WorkingDay): number {
  return GUIDED_PACE.first - (GUIDED_PACE.first - GUIDED_PACE.settled) * day.ramp;
}

/**
 * A workflow done on one's own: at the learned pace once the walkthrough was completed, else
 * from the unlearned pace towards it as a guided person settles in with the guides around them
 * (the launcher, field tips, the help panel). No guidance shown, no such help.
 */
function workflowPace(day: WorkingDay, learned: boolean): number {
  if (learned) return UNGUIDED_PACE.learned;
  const settled = day.cohort === 'guided' ? day.ramp : 0;
  return UNGUIDED_PACE.unlearned - (UNGUIDED_PACE.unlearned - UNGUIDED_PACE.learned) * settled;
}

/** Time on task, as the background records it when a run or a workflow completes. */
function timeTask(day: WorkingDay, plan: GuidePlan, startedAt: number): void {
  day.push({
    kind: 'task.timed',
    pageType: '',
    guideId: plan.guide.id,
    guideVersion: plan.guide.version,
    field: taskTimeBucket(day.at - startedAt),
  });
}

/** To the guide's first page: from the checklist, or by the person's own way there. */
export function toGuidePage(day: WorkingDay, plan: GuidePlan): void {
  day.wait(10, 60, SECOND);
  day.view(plan.pages[0] as string);
}

/** How a person ends a step shown to them. */
function stepOutcome(step: StepPlan, uninvited: boolean, person: Browser): Outcome {
  // A tour that started uninvited is often closed at once; keen people finish more.
  const reluctance = 1.5 - person.affinity;
  const outcomes = step.outcomes.map(([o, w]): [Outcome, number] => [
    o,
    o === 'complete' ? w : o === 'exit' && uninvited ? (w + 0.1) * reluctance : w * reluctance,
  ]);
  return pick(outcomes, person.random);
}

/**
 * Where a person's answers lean on the survey's scale (half way up, and up to 45% of it higher
 * for the keenest), and how far one answer strays from that (±40% of the scale): wide enough for
 * a 0–10 survey to have promoters, passives and detractors alike.
 */
const SCORE_LEANING = 0.5;
const SCORE_SPREAD = 0.8;

/** Keen people rate the guide higher. */
function surveyScore({ min, max }: NonNullable<StepPlan['survey']>, person: Browser): number {
  const leaning = min + (max - min) * (SCORE_LEANING + 0.45 * person.affinity);
  return Math.round(
    Math.min(max, Math.max(min, leaning + (person.random() - 0.5) * (max - min) * SCORE_SPREAD)),
  );
}

/**
 * A walkthrough run, from its start to where it ends. The run is kept: whether the guide launches
 * itself again, is run again or counts as learned follows from it on the days after.
 */
export function runGuide(day: WorkingDay, plan: GuidePlan, auto: boolean): void {
  const { guide } = plan;
  const { random } = day.person;
  let run = startRun(guide, day.at);
  const guideEvent = (
    kind: EventKind,
    stepIndex: number,
    when = day.at,
    extra: Partial<SimEvent> = {},
  ) =>
    day.push(
      {
        kind,
        pageType: day.page,
        guideId: guide.id,
        guideVersion: guide.version,
        stepId: guide.steps[stepIndex]?.id,
        ...extra,
      },
      when,
    );
  const act = (action: RunAction) => {
    const stepIndex = run.stepIndex;
    run = advanceRun(run, guide, action, day.at);
    if (action === 'next') guideEvent('step.completed', stepIndex);
    if (action === 'skip') guideEvent('step.skipped', stepIndex);
    if (action === 'exit') guideEvent('guide.dismissed', stepIndex);
    if (action === 'snooze') guideEvent('guide.snoozed', stepIndex);
    if (run.status === 'completed') {
      guideEvent('guide.completed', stepIndex);
      timeTask(day, plan, run.startedAt);
    }
  };
  const pace = guidedPace(day);
  guideEvent('guide.started', 0);
  while (run.status === 'active') {
    const step = plan.steps[run.stepIndex] as StepPlan;
    day.wait(4 * pace, 40 * pace, SECOND);
    if (step.page && step.page !== day.page) {
      // The walkthrough leads to its next page; leaving a form saves it.
      if (isEdit(day.page)) day.save(day.page, guide.id, pace);
      day.view(step.page);
    }
    // While the element is not there, every strategy of its target finds nothing.
    const failedStrategies = [...step.strategies];
    if (step.anchored && random() < step.missingRate) {
      guideEvent('target.missing', run.stepIndex, day.at, { failedStrategies });
      const choice = random();
      if (choice < 0.55) {
        act('skip');
        continue;
      }
      if (choice < 0.75) {
        act('exit');
        continue;
      }
      day.wait(3 * pace, 15 * pace, SECOND); // retried, and found this time
    } else if (step.breaksOnRelease && day.ctx.dayIndex >= day.ctx.release) {
      // The release moved the element into a menu: until the rep opens it, Waymark cannot find
      // it; "Try again" then does. The run goes on as it would have (no draw is taken from the
      // person's stream), so no other figure of the demo moves.
      guideEvent('target.missing', run.stepIndex, day.at, { failedStrategies });
    }
    guideEvent('step.shown', run.stepIndex);
    day.wait(5 * pace, 90 * pace, SECOND);
    const outcome = stepOutcome(step, auto && run.stepIndex === 0, day.person);
    if (outcome === 'abandon') {
      guideEvent('guide.abandoned', run.stepIndex, day.sweptAt());
      run = { ...run, status: 'abandoned' };
    } else if (outcome === 'complete') {
      if (step.survey) {
        const score = surveyScore(step.survey, day.person);
        guideEvent('survey.answered', run.stepIndex, day.at, { score });
      }
      act('next');
    } else if (outcome === 'exit' && auto && day.person.index % 3 === 0) {
      // A third of the people put off a guide that came uninvited rather than close it. Chosen
      // by who they are, not by a draw, so every other figure of the demo stays as it was.
      act('snooze');
    } else {
      act(outcome);
    }
  }
  day.person.runs.set(guide.id, run);
}

/** The guide's workflow done without guidance, as the extension tracks it passively. */
export function doWorkflow(day: WorkingDay, plan: GuidePlan, steps: readonly string[]): void {
  const { guide } = plan;
  const { random, affinity, runs } = day.person;
  if (!plan.pages.includes(day.page)) toGuidePage(day, plan);
  const learned = runs.get(guide.id)?.status === 'completed';
  const target = learned ? WORKFLOW_COMPLETION_LEARNED : WORKFLOW_COMPLETION;
  const pace = workflowPace(day, learned);
  // Each step after the first is reached with the same chance, so that all of them are
  // reached with `target`, times how keen this person is.
  const onward = Math.pow(Math.min(1, target * (0.75 + 0.5 * affinity)), 1 / (steps.length - 1));
  let progress: ReturnType<typeof performStep>['progress'];
  const emit = (events: ReturnType<typeof performStep>['events'], when = day.at) => {
    for (const e of events) {
      day.push(
        {
          kind: e.kind,
          pageType: day.page,
          guideId: guide.id,
          guideVersion: guide.version,
          stepId: e.stepId,
        },
        when,
      );
    }
  };
  for (let i = 0; i < steps.length; i++) {
    if (i > 0 && random() >= onward) break;
    day.wait(10 * pace, 90 * pace, SECOND);
    const done = performStep(progress, guide, steps[i] as string, day.at);
    progress = done.progress;
    emit(done.events);
    if (progress?.status === 'completed') timeTask(day, plan, progress.startedAt);
  }
  if (progress?.status === 'active') {
    const later = day.sweptAt();
    emit(sweepWorkflow(progress, guide, later).events, later);
  }
}
