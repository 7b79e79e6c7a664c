/**
 * A run's step on the page: its target waited for, its UI drawn on it (or centred), and what the
 * rep sees when the target never comes. All of it goes with the step's signal.
 */
import { render, type VNode } from 'preact';
import { localizedTitle, stepTextLangs } from '../../core/guide/locale';
import { plainText } from '../../core/guide/text';
import { DEFAULT_WAIT_MS } from '../../core/guide/defaults';
import type { Step } from '../../core/guide/schema';
import type { ActiveRun } from '../../core/messages';
import type { RunAction } from '../../core/guideRun';
import { mountLayer, type Layer } from '../ui/layer';
import { MissingTarget } from '../ui/MissingTarget';
import { STEP_VIEWS } from '../ui/steps';
import type { ChampionContact, StepHandlers, StepKindView, StepViewProps } from '../ui/steps/types';
import { followTarget } from '../followTarget';
import { revealTarget } from '../revealTarget';
import { failedStrategies } from '../resolveTarget';
import { waitForTarget, type FoundTarget } from '../waitForTarget';
import {
  focusInto,
  holdFocusInModal,
  isEditable,
  mayTakeFocus,
  type FocusPolicy,
} from './stepFocus';
import { answerMissingTargetKeys, answerStepKeys } from './stepKeys';
import type { StepUsage } from './stepUsage';

/** What a step on the page asks of the run it belongs to. */
export interface StepRun {
  readonly doc: Document;
  readonly locale: string;
  /** The run as it is now, which may be newer than the one the step was drawn for. */
  readonly current: ActiveRun | null;
  readonly champion: ChampionContact | null;
  readonly usage: StepUsage;
  enqueue(op: () => unknown): void;
  act(action: RunAction, focus: FocusPolicy): Promise<void>;
  restart(active: ActiveRun, focus: FocusPolicy): void;
}

/** The user pressed a step's button or key: the next step takes focus. */
const pressed = (run: StepRun, action: RunAction) => () =>
  run.enqueue(() => run.act(action, 'take'));

/** Shows `step` (in the user's locale) of `active` once its target is there, if it has one. */
export async function present(
  run: StepRun,
  active: ActiveRun,
  step: Step,
  stepSignal: AbortSignal,
  focus: FocusPolicy,
): Promise<void> {
  const on = step.advance?.on ?? 'next';
  if (!('target' in step)) {
    paint(run, active, step, null, stepSignal, focus);
    return;
  }
  // A "visible" step explains what to wait for while it waits.
  const waiting = on === 'visible' ? paint(run, active, step, null, stepSignal, focus) : null;
  const wait = step.wait ?? DEFAULT_WAIT_MS;
  const anchorSelector = (anchor: string) => active.anchors[anchor] ?? '';
  const found = await waitForTarget(step.target, anchorSelector, run.doc, wait, stepSignal);
  if (stepSignal.aborted) return;
  if (on === 'visible' && found) return run.enqueue(() => run.act('next', 'polite'));
  waiting?.abort();
  if (!found) {
    run.usage.missing(active, failedStrategies(step.target, anchorSelector, run.doc));
    return paintMissing(run, active, stepSignal, focus);
  }
  revealTarget(found.element);
  paint(run, active, step, found, stepSignal, focus);
  if (on === 'click' || on === 'input' || on === 'change') {
    advanceOnAction(run, found, on, stepSignal);
  }
}

function advanceOnAction(
  run: StepRun,
  found: FoundTarget,
  on: 'click' | 'input' | 'change',
  stepSignal: AbortSignal,
): void {
  // What the rep does happens on the control: `change` does not even leave its shadow root.
  const acted = found.control ?? found.element;
  // The user acted on the page: the next step must not pull focus away from what they do.
  const listener = (event: Event) => {
    // What page script does to the control is not the rep doing the step.
    if (!event.isTrusted) return;
    acted.removeEventListener(on, listener, { capture: true });
    run.enqueue(() => run.act('next', isEditable(acted) ? 'leave' : 'polite'));
  };
  acted.addEventListener(on, listener, { capture: true, signal: stepSignal });
}

function paint(
  run: StepRun,
  active: ActiveRun,
  step: Step,
  found: FoundTarget | null,
  stepSignal: AbortSignal,
  focus: FocusPolicy,
): AbortController {
  const target = found?.element ?? null;
  // Its own controller, so a placeholder can be removed while the step goes on.
  const paintControl = new AbortController();
  stepSignal.addEventListener('abort', () => paintControl.abort(), { once: true });
  const layer = mountLayer(run.doc, paintControl.signal);
  const view: StepKindView = STEP_VIEWS[step.kind] as StepKindView;
  let expanded = view.collapsible !== true;
  const handlers = stepHandlers(run, active, found, () => {
    expanded = !expanded;
    void draw().then(() => focusInto(layer));
  });
  // Guides do not declare their own text's language: it is taken to be the CRM page's.
  const ownLang = run.doc.documentElement.lang;
  const textLang = { ...stepTextLangs(active.guide, step, run.locale, ownLang), own: ownLang };
  const follow = target ? followOnEachDraw(run, target, layer, step, paintControl.signal) : null;
  const draw = (): Promise<void> => {
    render(
      (view as { render(p: StepViewProps): VNode }).render({
        step,
        guideTitle: localizedTitle(active.guide, run.locale),
        textLang,
        index: active.run.stepIndex,
        total: active.guide.steps.length,
        anchored: target !== null,
        expanded,
        champion: run.champion,
        autoLaunched: active.run.auto === true,
        on: handlers,
      }),
      layer.container,
    );
    return follow ? follow() : Promise.resolve();
  };
  const placed = draw();
  answerStepKeys(
    layer,
    {
      view,
      on: step.advance?.on ?? 'next',
      index: active.run.stepIndex,
      expanded: () => expanded,
      handlers,
    },
    paintControl.signal,
  );
  void placed.then(() => {
    if (!paintControl.signal.aborted) settle(run, active, step, layer, textLang, focus);
  });
  holdFocusInModal(layer, run.doc, focus, paintControl.signal);
  return paintControl;
}

function stepHandlers(
  run: StepRun,
  active: ActiveRun,
  found: FoundTarget | null,
  toggle: () => void,
): StepHandlers {
  const next = pressed(run, 'next');
  return {
    next,
    back: pressed(run, 'back'),
    skip: pressed(run, 'skip'),
    exit: pressed(run, 'exit'),
    // "Show me" puts the rep in the field itself, not on the wrapper the step is drawn on.
    reveal: () => ((found?.control ?? found?.element ?? null) as HTMLElement | null)?.focus?.(),
    toggle,
    answer: (score) => {
      run.usage.record('survey.answered', active, score);
      next();
    },
    askChampion: () => run.usage.record('champion.asked', active),
    snooze: pressed(run, 'snooze'),
    never: pressed(run, 'never'),
  };
}

/** Positioning for each draw of a step's UI on its target; returns the first placement. */
function followOnEachDraw(
  run: StepRun,
  target: Element,
  layer: Layer,
  step: Step,
  paintSignal: AbortSignal,
): () => Promise<void> {
  let drawControl: AbortController | null = null;
  return () => {
    // Each draw re-attaches positioning to the elements just rendered.
    drawControl?.abort();
    drawControl = new AbortController();
    paintSignal.addEventListener('abort', () => drawControl?.abort(), { once: true });
    // A target the CRM re-rendered is looked up again, unless the step has moved on meanwhile.
    return followTarget(target, layer.root, placementOf(step), drawControl.signal, () =>
      run.enqueue(() => !paintSignal.aborted && run.current && run.restart(run.current, 'leave')),
    );
  };
}

/** The step is in place: counted, then given focus or, when it may not take it, announced. */
function settle(
  run: StepRun,
  active: ActiveRun,
  step: Step,
  layer: Layer,
  textLang: StepViewProps['textLang'],
  focus: FocusPolicy,
): void {
  run.usage.shown(active);
  if (mayTakeFocus(focus, run.doc)) focusInto(layer);
  else {
    layer.announce(
      `${step.title ?? ''} ${plainText(step.body ?? '')}`.trim(),
      step.body ? textLang.body : textLang.title,
    );
  }
}

function paintMissing(
  run: StepRun,
  active: ActiveRun,
  stepSignal: AbortSignal,
  focus: FocusPolicy,
): void {
  const layer = mountLayer(run.doc, stepSignal);
  const exit = pressed(run, 'exit');
  render(
    <MissingTarget
      guideTitle={localizedTitle(active.guide, run.locale)}
      onRetry={() => run.enqueue(() => run.restart(active, 'take'))}
      onSkip={pressed(run, 'skip')}
      onExit={exit}
    />,
    layer.container,
  );
  answerMissingTargetKeys(layer, exit, stepSignal);
  if (mayTakeFocus(focus, run.doc)) focusInto(layer);
}

function placementOf(step: Step) {
  return ('placement' in step && step.placement) || STEP_VIEWS[step.kind].placement || 'auto';
}
