/**
 * Where keyboard focus goes around a run: into a step the user asked for, never out of a field
 * they are typing in, held by a modal step, and back where it was when the run ends.
 */
import { deepActiveElement } from '../resolveTarget';
import type { Layer } from '../ui/layer';

export function isEditable(el: Element | null): boolean {
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
export type FocusPolicy = 'take' | 'polite' | 'leave';

export function mayTakeFocus(focus: FocusPolicy, doc: Document): boolean {
  return focus === 'take' || (focus === 'polite' && !isEditable(deepActiveElement(doc)));
}

export function focusInto(layer: Layer): void {
  const primary =
    layer.root.querySelector<HTMLElement>('[data-primary]') ??
    layer.root.querySelector<HTMLElement>('[role=dialog],[role=alertdialog]');
  primary?.focus({ preventScroll: true });
}

/** Centred steps are modal: their backdrop blocks the page. */
export function isModal(layer: Layer): boolean {
  return !!layer.root.querySelector('[aria-modal="true"]');
}

export function holdFocusInModal(
  layer: Layer,
  doc: Document,
  focus: FocusPolicy,
  signal: AbortSignal,
): void {
  if (!isModal(layer)) return;
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
    { signal },
  );
  if (focus !== 'leave') focusInto(layer);
}

/** Back to where focus was when the user started the run, if that element is still there. */
export function returnFocusTo(element: Element | null): void {
  if (element?.isConnected) (element as HTMLElement).focus?.();
}
