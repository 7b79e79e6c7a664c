/**
 * Passive workflow tracking in the page: notices when the user performs a workflow step on their
 * own — clicks its target, edits its field — with no UI at all. It costs nothing while the user
 * does nothing: no observers, no timers, only capture listeners that resolve a step's target when
 * an event of the step's kind happens on an element that could be it. Reaching a page (route
 * steps) is seen by the background, which already hears of every navigation.
 */
import type { Target } from '../core/guide/schema';
import {
  frameDocuments,
  isShown,
  pathMayHoldTarget,
  resolveTarget,
  type AnchorSelector,
} from './resolveTarget';

export interface WatchedStep {
  guideId: string;
  stepId: string;
  on: 'click' | 'input' | 'change';
  target: Target;
}

const EVENTS = ['click', 'input', 'change'] as const;

/** Calls `performed` for each watched step whose action an event is. */
export function observeWorkflows(
  top: Document,
  steps: readonly WatchedStep[],
  anchorSelector: AnchorSelector,
  performed: (step: WatchedStep) => void,
  signal: AbortSignal,
): void {
  if (steps.length === 0) return;
  // Typing sends an event per keystroke: the element a step's target resolved to stands for it
  // while it is still shown, so the page is searched again only when that element goes.
  const found = new Map<WatchedStep, Element>();
  for (const doc of frameDocuments(top)) {
    for (const type of EVENTS) {
      const listening = steps.filter((s) => s.on === type);
      if (listening.length === 0) continue;
      doc.addEventListener(
        type,
        (event) => {
          // Only what the user did: scripts filling fields are not the user doing the step.
          if (!event.isTrusted) return;
          const path = event.composedPath();
          for (const step of listening) {
            const known = found.get(step);
            if (known?.isConnected && isShown(known)) {
              if (path.includes(known)) performed(step);
              continue;
            }
            // Most events are nowhere near a step's target: rule them out before searching.
            if (!pathMayHoldTarget(path, step.target, anchorSelector)) continue;
            const { element } = resolveTarget(step.target, anchorSelector, top);
            if (!element) continue;
            found.set(step, element);
            if (path.includes(element)) performed(step);
          }
        },
        { capture: true, passive: true, signal },
      );
    }
  }
}
