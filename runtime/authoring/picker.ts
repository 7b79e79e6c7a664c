/**
 * The element picker: while it runs, pointing at anything on the CRM page (inside open shadow
 * roots and same-origin iframes too) outlines it, and a click picks it instead of acting on the
 * page. Keyboard users move focus with Tab and press Enter to pick the focused element. Escape
 * cancels. Waymark's own layers are never picked.
 */
import { rectInTopWindow } from '../followTarget';
import { deepActiveElement, frameDocuments } from '../resolveTarget';

export interface PickerCallbacks {
  /** The element under the pointer or focus changed (null: nothing pickable). */
  onHover(el: Element | null): void;
  onPick(el: Element): void;
  onCancel(): void;
}

const OWN_LAYER = 'WAYMARK-LAYER';

function isOwn(event: Event): boolean {
  return event.composedPath().some((node) => (node as Element).tagName === OWN_LAYER);
}

/** The innermost element of an event, through open shadow roots. */
function deepTarget(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

/** Starts picking until `signal` aborts; `choose` maps what is hovered to what would be picked. */
export function startPicker(
  top: Document,
  choose: (el: Element) => Element,
  callbacks: PickerCallbacks,
  signal: AbortSignal,
): void {
  let current: Element | null = null;
  const hover = (el: Element | null) => {
    const next = el ? choose(el) : null;
    if (next === current) return;
    current = next;
    callbacks.onHover(current);
  };
  const swallow = (event: Event) => {
    if (isOwn(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const doc of frameDocuments(top)) {
    const options = { capture: true, signal };
    doc.addEventListener(
      'pointermove',
      (event) => {
        if (!isOwn(event)) hover(deepTarget(event));
      },
      options,
    );
    doc.addEventListener(
      'focusin',
      (event) => {
        if (!isOwn(event)) hover(deepTarget(event) ?? deepActiveElement(doc));
      },
      options,
    );
    // The page must not react to the click that picks (no navigation, no submit, no menu).
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const) {
      doc.addEventListener(type, swallow, options);
    }
    doc.addEventListener(
      'click',
      (event) => {
        if (isOwn(event)) return;
        swallow(event);
        const el = deepTarget(event);
        if (el) callbacks.onPick(choose(el));
      },
      options,
    );
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') {
          swallow(event);
          callbacks.onCancel();
        } else if (event.key === 'Enter' && !isOwn(event)) {
          swallow(event);
          const el = deepActiveElement(doc);
          if (el && el !== doc.body) callbacks.onPick(choose(el));
        }
      },
      options,
    );
  }
}

/** The outline of a hovered element, in the top window's viewport (iframes included). */
export function outlineOf(el: Element): {
  left: number;
  top: number;
  width: number;
  height: number;
} {
  const r = rectInTopWindow(el);
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}
