/**
 * The keyboard on step UI: Esc closes a collapsible step's bubble or exits the guide, → and ←
 * move through it, and Tab stays inside a modal step.
 */
import type { AdvanceOn } from '../../core/guide/schema';
import type { Layer } from '../ui/layer';
import type { StepHandlers, StepKindView } from '../ui/steps/types';
import { isModal } from './stepFocus';

const FOCUSABLE = 'button,[href],input,select,textarea,[tabindex]:not([tabindex="-1"])';

export interface KeyedStep {
  view: StepKindView;
  /** What completes the step: → presses "Next" only where "Next" is what completes it. */
  on: AdvanceOn;
  /** The step's place in its guide: there is nothing before the first. */
  index: number;
  /** Whether a collapsible step's bubble is open now. */
  expanded(): boolean;
  handlers: StepHandlers;
}

export function answerStepKeys(
  layer: Layer,
  { view, on, index, expanded, handlers }: KeyedStep,
  signal: AbortSignal,
): void {
  layer.container.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (view.collapsible && expanded()) handlers.toggle();
        else handlers.exit();
      } else if (event.key === 'ArrowRight' && on === 'next' && view.arrowKeysAdvance !== false) {
        handlers.next();
      } else if (event.key === 'ArrowLeft' && index > 0) {
        handlers.back();
      } else if (event.key === 'Tab') {
        trapTab(event, layer);
      }
    },
    { signal },
  );
}

/** The step whose target is missing: Esc ends the guide. */
export function answerMissingTargetKeys(layer: Layer, exit: () => void, signal: AbortSignal): void {
  layer.container.addEventListener('keydown', (event) => event.key === 'Escape' && exit(), {
    signal,
  });
}

/** Centred steps are modal: Tab cycles inside them. */
function trapTab(event: KeyboardEvent, layer: Layer): void {
  if (!isModal(layer)) return;
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
