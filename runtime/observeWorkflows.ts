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
  const handle = (event: Event, path: readonly EventTarget[], listening: WatchedStep[]) => {
    // Only what the user did: scripts filling fields are not the user doing the step.
    if (!event.isTrusted) return;
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
  };
  const options = { capture: true, passive: true, signal };
  for (const doc of frameDocuments(top)) {
    for (const type of EVENTS) {
      const listening = steps.filter((s) => s.on === type);
      if (listening.length === 0) continue;
      doc.addEventListener(
        type,
        (event) => handle(event, event.composedPath(), listening),
        options,
      );
      if (type === 'change')
        watchShadowChanges(doc, (event, path) => handle(event, path, listening));
    }
  }

  /**
   * `change` is not composed: from a control inside a shadow root (Lightning's inputs) it never
   * reaches the document. The control is listened on itself once focused, and its event read
   * with the path the focus took, which crosses the shadow roots to the step's target.
   */
  function watchShadowChanges(
    doc: Document,
    changed: (event: Event, path: readonly EventTarget[]) => void,
  ): void {
    const focusPaths = new WeakMap<EventTarget, readonly EventTarget[]>();
    const onChange = (event: Event) => {
      const path = event.currentTarget && focusPaths.get(event.currentTarget);
      if (path) changed(event, path);
    };
    doc.addEventListener(
      'focusin',
      (event) => {
        const path = event.composedPath();
        const control = path[0];
        if (!(control instanceof Element) || control.getRootNode() === doc) return;
        focusPaths.set(control, path);
        // The same listener added twice is added once.
        control.addEventListener('change', onChange, options);
      },
      options,
    );
  }
}
