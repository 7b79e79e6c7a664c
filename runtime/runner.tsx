/**
 * The walkthrough runner of one CRM frame: asks the background what to show on this page, finds
 * each step's target, shows the step and turns what the user does into run actions. The run itself
 * lives in the background, so it survives navigation and reloads. Every step owns one
 * AbortController: moving on is one abort(), which removes its UI, observers and listeners.
 */
import { render, type VNode } from 'preact';
import { localizeStep, localizedTitle, stepTextLangs } from '../core/guide/locale';
import { browserLanguage } from '../core/i18n/locales';
import { plainText } from '../core/guide/text';
import { DEFAULT_WAIT_MS } from '../core/guide/defaults';
import type { Step } from '../core/guide/schema';
import { globMatch, stepFitsPage, type PageContext } from '../core/match';
import type { ActiveRun, PageGuides } from '../core/messages';
import { currentStep, type RunAction } from '../core/walkthrough';
import { mountLayer, type Layer } from './ui/layer';
import { MissingTarget } from './ui/MissingTarget';
import { STEP_VIEWS } from './ui/steps';
import type { StepHandlers, StepKindView, StepViewProps } from './ui/steps/types';
import { answerTabMessages, callBackground } from '../platform/channel';
import { deepActiveElement } from './resolveTarget';
import { followTarget } from './followTarget';
import { revealTarget } from './revealTarget';
import { waitForTarget, type FoundTarget } from './waitForTarget';
import { usageRecorder } from './usageRecorder';
import { showFieldHints } from './fieldHints';
import { watchFields } from './watchFields';
import { watchRoute } from './watchRoute';
import { formatMatcher } from './fieldFormats';

function isEditable(el: Element | null): boolean {
  return (
    !!el &&
    (el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement ||
      (el as HTMLElement).isContentEditable)
  );
}

/**
 * When a step appears: `take` focus (the user asked for it: started the guide or pressed a
 * step button), be `polite` (take it unless the user is typing somewhere), or `leave` it where
 * the user's own action on the page put it.
 */
type FocusPolicy = 'take' | 'polite' | 'leave';

function mayTakeFocus(focus: FocusPolicy, doc: Document): boolean {
  return focus === 'take' || (focus === 'polite' && !isEditable(deepActiveElement(doc)));
}

const FOCUSABLE = 'button,[href],input,select,textarea,[tabindex]:not([tabindex="-1"])';

/**
 * Runs guidance in this frame until `signal` aborts. `launchGuideId` starts that guide at once
 * (the rep asked for it in the launcher); otherwise the background says what fits the page.
 */
export function startGuidance(
  signal: AbortSignal,
  launchGuideId?: string,
  doc: Document = document,
): void {
  // Guide text and Waymark's own words (runtime/ui/uiText.ts) follow the same language.
  const locale = browserLanguage();
  // Filled from the background, which holds the CRM adapters (keeping this script small).
  let page: PageContext | null = null;
  let current: ActiveRun | null = null;
  let stepControl: AbortController | null = null;
  let returnFocus: Element | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const recorder = usageRecorder();
  /** The step showing last, so a step re-found after the CRM re-rendered is not counted twice. */
  let lastShown = '';
  /**
   * The step whose target was last found missing: a page refresh or "Try again" that finds it
   * missing again is the same miss, counted once per step of a run.
   */
  let lastMissing = '';
  let champion: PageGuides['champion'] = null;
  /** Field-rule checks of the current page; replaced on every refresh. */
  let fieldControl: AbortController | null = null;

  // Nothing here may throw into the page: failures end up in the console, guidance carries on.
  const enqueue = (op: () => unknown) => {
    queue = queue.then(op).catch((error: unknown) => console.debug('[waymark]', error));
  };

  function recordStep(
    kind: 'step.shown' | 'target.missing' | 'survey.answered' | 'champion.asked',
    active: ActiveRun,
    score?: number,
  ): void {
    if (!page) return;
    const { guide, run } = active;
    recorder?.record({
      at: Date.now(),
      kind,
      crm: page.crm,
      pageType: page.pageType,
      guideId: guide.id,
      guideVersion: guide.version,
      stepId: guide.steps[run.stepIndex]?.id,
      ...(score === undefined ? {} : { score }),
    });
  }

  function endStep(): void {
    stepControl?.abort();
    stepControl = null;
  }

  function endRun(): void {
    endStep();
    if (current && returnFocus?.isConnected) (returnFocus as HTMLElement).focus?.();
    current = null;
    returnFocus = null;
  }

  async function refresh(routeChanged = false, autoLaunch = true): Promise<void> {
    const previous = page;
    const state = await callBackground('page:guides', { url: location.href, viewed: routeChanged });
    if (signal.aborted) return;
    page = state.page;
    champion = state.champion ?? null;
    fieldControl?.abort();
    const fieldsControl = new AbortController();
    fieldControl = fieldsControl;
    signal.addEventListener('abort', () => fieldsControl.abort(), { signal: fieldsControl.signal });
    // The formats' engine may still be loading: the walkthrough does not wait for it.
    void watchPageFields(state, fieldsControl.signal).catch((e: unknown) =>
      console.debug('[waymark]', e),
    );
    if (routeChanged && current && previous?.pageType !== page.pageType) {
      const advance = currentStep(current.run, current.guide)?.advance;
      if (advance?.on === 'route' && (!advance.page || globMatch(advance.page, page.pageType))) {
        return act('next', 'polite');
      }
    }
    if (state.paused || state.quiet) return endRun();
    if (state.active) return show(state.active, 'polite');
    if (current) endRun();
    if (state.autoLaunch && autoLaunch) await start(state.autoLaunch.id);
  }

  /** Field rules on this page: checked on save and, for a guided rep, tips while typing. */
  async function watchPageFields(state: PageGuides, fieldsSignal: AbortSignal): Promise<void> {
    const fieldWatch = {
      page: state.page,
      fields: state.fields,
      saveSelector: state.saveSelector,
      anchors: state.fieldAnchors,
      matches: await formatMatcher(state.fields).catch(() => undefined),
    };
    if (signal.aborted || fieldsSignal.aborted) return;
    watchFields(fieldWatch, recorder, doc, fieldsSignal);
    // A walkthrough step on screen has the user's attention; tips wait until it is gone. A
    // cohort measured without guidance gets the checks on save, never the tips.
    if (!state.quiet) {
      showFieldHints(fieldWatch, doc, fieldsSignal, () => stepControl !== null);
    }
  }

  async function start(guideId: string): Promise<void> {
    recorder?.flush();
    const active = await callBackground('run:start', { guideId });
    if (!active || signal.aborted) return;
    endRun();
    returnFocus = deepActiveElement(doc);
    show(active, 'take');
  }

  async function act(action: RunAction, focus: FocusPolicy): Promise<void> {
    if (!current) return;
    const { run } = current;
    // What this page recorded so far reaches the log before the step's outcome does.
    recorder?.flush();
    const next = await callBackground('run:advance', {
      guideId: run.guideId,
      stepIndex: run.stepIndex,
      action,
    });
    if (signal.aborted) return;
    if (!next || next.run.status !== 'active') return endRun();
    show(next, focus);
  }

  /** Shows the run's current step; targets are awaited in the background of the queue. */
  function show(active: ActiveRun, focus: FocusPolicy): void {
    const same =
      current &&
      stepControl &&
      current.run.guideId === active.run.guideId &&
      current.run.stepIndex === active.run.stepIndex;
    current = active;
    if (same) return;
    endStep();
    const step = currentStep(active.run, active.guide);
    if (!step || !page || !stepFitsPage(step, page.pageType)) return; // waits for its page
    const control = new AbortController();
    stepControl = control;
    signal.addEventListener('abort', () => control.abort(), { signal: control.signal });
    void present(active, localizeStep(step, locale), control.signal, focus).catch(
      (error: unknown) => console.debug('[waymark]', error),
    );
  }

  async function present(
    active: ActiveRun,
    step: Step,
    stepSignal: AbortSignal,
    focus: FocusPolicy,
  ): Promise<void> {
    const on = step.advance?.on ?? 'next';
    if (!('target' in step)) {
      paint(active, step, null, stepSignal, focus);
      return;
    }
    // A "visible" step explains what to wait for while it waits.
    const waiting = on === 'visible' ? paint(active, step, null, stepSignal, focus) : null;
    const wait = step.wait ?? DEFAULT_WAIT_MS;
    const anchorSelector = (anchor: string) => active.anchors[anchor] ?? '';
    const found = await waitForTarget(step.target, anchorSelector, doc, wait, stepSignal);
    if (stepSignal.aborted) return;
    if (on === 'visible' && found) return enqueue(() => act('next', 'polite'));
    waiting?.abort();
    if (!found) return paintMissing(active, stepSignal, focus);
    revealTarget(found.element);
    paint(active, step, found, stepSignal, focus);
    if (on === 'click' || on === 'input' || on === 'change') {
      // What the rep does happens on the control: `change` does not even leave its shadow root.
      const acted = found.control ?? found.element;
      // The user acted on the page: the next step must not pull focus away from what they do.
      const listener = (event: Event) => {
        // What page script does to the control is not the rep doing the step.
        if (!event.isTrusted) return;
        acted.removeEventListener(on, listener, { capture: true });
        enqueue(() => act('next', isEditable(acted) ? 'leave' : 'polite'));
      };
      acted.addEventListener(on, listener, { capture: true, signal: stepSignal });
    }
  }

  function paint(
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
    const layer = mountLayer(doc, paintControl.signal);
    const on = step.advance?.on ?? 'next';
    const kind: StepKindView = STEP_VIEWS[step.kind] as StepKindView;
    let expanded = kind.collapsible !== true;
    let drawControl: AbortController | null = null;
    const handlers: StepHandlers = {
      next: () => enqueue(() => act('next', 'take')),
      back: () => enqueue(() => act('back', 'take')),
      skip: () => enqueue(() => act('skip', 'take')),
      exit: () => enqueue(() => act('exit', 'take')),
      // "Show me" puts the rep in the field itself, not on the wrapper the step is drawn on.
      reveal: () => ((found?.control ?? target) as HTMLElement | null)?.focus?.(),
      toggle: () => {
        expanded = !expanded;
        void draw().then(() => focusInto(layer));
      },
      answer: (score) => {
        recordStep('survey.answered', active, score);
        enqueue(() => act('next', 'take'));
      },
      askChampion: () => recordStep('champion.asked', active),
    };
    // Guides do not declare their own text's language: it is taken to be the CRM page's.
    const ownLang = doc.documentElement.lang;
    const textLang = { ...stepTextLangs(active.guide, step, locale, ownLang), own: ownLang };
    const draw = (): Promise<void> => {
      render(
        (kind as { render(p: StepViewProps): VNode }).render({
          step,
          guideTitle: localizedTitle(active.guide, locale),
          textLang,
          index: active.run.stepIndex,
          total: active.guide.steps.length,
          anchored: target !== null,
          expanded,
          champion,
          on: handlers,
        }),
        layer.container,
      );
      if (!target) return Promise.resolve();
      // Each draw re-attaches positioning to the elements just rendered.
      drawControl?.abort();
      drawControl = new AbortController();
      paintControl.signal.addEventListener('abort', () => drawControl?.abort(), { once: true });
      // A target the CRM re-rendered is looked up again, unless the step has moved on meanwhile.
      return followTarget(target, layer.root, placementOf(step), drawControl.signal, () =>
        enqueue(() => !paintControl.signal.aborted && current && restart(current, 'leave')),
      );
    };
    const placed = draw();
    layer.container.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          if (kind.collapsible && expanded) handlers.toggle();
          else handlers.exit();
        } else if (event.key === 'ArrowRight' && on === 'next' && kind.arrowKeysAdvance !== false) {
          handlers.next();
        } else if (event.key === 'ArrowLeft' && active.run.stepIndex > 0) {
          handlers.back();
        } else if (event.key === 'Tab') {
          trapTab(event, layer);
        }
      },
      { signal: paintControl.signal },
    );
    void placed.then(() => {
      if (paintControl.signal.aborted) return;
      const shown = stepKey(active);
      if (shown !== lastShown) {
        lastShown = shown;
        recordStep('step.shown', active);
      }
      if (mayTakeFocus(focus, doc)) focusInto(layer);
      else {
        layer.announce(
          `${step.title ?? ''} ${plainText(step.body ?? '')}`.trim(),
          step.body ? textLang.body : textLang.title,
        );
      }
    });
    if (layer.root.querySelector('[aria-modal="true"]')) {
      // A modal step blocks the page behind its backdrop, so focus stays with it even when the
      // CRM moves focus late (e.g. back to the opener of its own dialog once a save completes).
      doc.addEventListener(
        'focusin',
        (event) => {
          if (
            event.composedPath()[0] instanceof Node &&
            !layer.root.contains(event.composedPath()[0] as Node)
          ) {
            focusInto(layer);
          }
        },
        { signal: paintControl.signal },
      );
      if (focus !== 'leave') focusInto(layer);
    }
    return paintControl;
  }

  function restart(active: ActiveRun, focus: FocusPolicy): void {
    endStep();
    show(active, focus);
  }

  function paintMissing(active: ActiveRun, stepSignal: AbortSignal, focus: FocusPolicy): void {
    const missed = stepKey(active);
    if (missed !== lastMissing) {
      lastMissing = missed;
      recordStep('target.missing', active);
    }
    const layer = mountLayer(doc, stepSignal);
    render(
      <MissingTarget
        guideTitle={localizedTitle(active.guide, locale)}
        onRetry={() => enqueue(() => restart(active, 'take'))}
        onSkip={() => enqueue(() => act('skip', 'take'))}
        onExit={() => enqueue(() => act('exit', 'take'))}
      />,
      layer.container,
    );
    layer.container.addEventListener(
      'keydown',
      (event) => event.key === 'Escape' && enqueue(() => act('exit', 'take')),
      { signal: stepSignal },
    );
    if (mayTakeFocus(focus, doc)) focusInto(layer);
  }

  function onRoute(): void {
    // The CRM may have re-rendered everything: the step finds its target again.
    enqueue(() => {
      endStep();
      return refresh(true);
    });
  }

  const checkRoute = watchRoute(onRoute, signal);
  answerTabMessages(
    {
      'tab:route': () => checkRoute(),
      'tab:launch': ({ guideId }) => enqueue(() => start(guideId)),
      'tab:refresh': () => enqueue(() => refresh()),
    },
    signal,
  );
  signal.addEventListener('abort', endStep, { once: true });
  if (launchGuideId) {
    enqueue(() => refresh(false, false));
    enqueue(() => start(launchGuideId));
  } else {
    enqueue(() => refresh());
  }
}

/** One step of one run: what step.shown and target.missing are counted once for. */
function stepKey({ run }: ActiveRun): string {
  return `${run.guideId}:${run.startedAt}:${run.stepIndex}`;
}

function placementOf(step: Step) {
  return ('placement' in step && step.placement) || STEP_VIEWS[step.kind].placement || 'auto';
}

/** Centred steps are modal: Tab cycles inside them. */
function trapTab(event: KeyboardEvent, layer: Layer): void {
  if (!layer.root.querySelector('[aria-modal="true"]')) return;
  const items = [...layer.root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  const focused = layer.root.activeElement;
  if (event.shiftKey && (focused === first || !focused)) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && focused === last) {
    event.preventDefault();
    first?.focus();
  }
}

function focusInto(layer: Layer): void {
  const primary =
    layer.root.querySelector<HTMLElement>('[data-primary]') ??
    layer.root.querySelector<HTMLElement>('[role=dialog],[role=alertdialog]');
  primary?.focus({ preventScroll: true });
}
