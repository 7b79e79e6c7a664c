/**
 * Keeps a step's bubble, spotlight and beacon on their target with Floating UI: repositioned on
 * scroll (of the window, any scroll container and any iframe on the way), resize and layout
 * shifts, and hidden while the target is scrolled out of its container.
 */
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  hide,
  offset,
  shift,
  type Placement,
} from '@floating-ui/dom';

/** The element's box in the top window's viewport, adding the offsets of iframes on the way. */
export function rectInTopWindow(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  let { x, y } = r;
  let frame = el.ownerDocument.defaultView?.frameElement ?? null;
  while (frame) {
    const fr = frame.getBoundingClientRect();
    x += fr.left + frame.clientLeft;
    y += fr.top + frame.clientTop;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return new DOMRect(x, y, r.width, r.height);
}

/**
 * Whether a target inside an iframe is scrolled wholly out of view: out of its own frame's
 * viewport, or its frame out of the top window's. Floating UI's hide() measures a framed target
 * against its frame's viewport in the wrong coordinates and hid a field in plain view.
 */
function outOfFrameView(el: Element, inTop: DOMRect): boolean {
  const r = el.getBoundingClientRect();
  const win = el.ownerDocument.defaultView;
  const outside = (
    b: { top: number; bottom: number; left: number; right: number },
    w: number,
    h: number,
  ) => b.bottom <= 0 || b.right <= 0 || b.top >= h || b.left >= w;
  return (
    (win !== null && outside(r, win.innerWidth, win.innerHeight)) ||
    outside(inTop, window.innerWidth, window.innerHeight)
  );
}

function place(el: HTMLElement | null, left: number, top: number, hidden: boolean): void {
  if (!el) return;
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
  el.style.visibility = hidden ? 'hidden' : 'visible';
}

const SPOT_PADDING = 6;

export function followTarget(
  target: Element,
  layer: ShadowRoot,
  placement: Placement | 'auto',
  signal: AbortSignal,
  onTargetLost: () => void,
): Promise<void> {
  let placed: () => void = () => undefined;
  const firstPlacement = new Promise<void>((resolve) => (placed = resolve));
  const card = layer.querySelector<HTMLElement>('[data-floating]');
  const arrowEl = layer.querySelector<HTMLElement>('[data-arrow]');
  const spot = layer.querySelector<HTMLElement>('[data-spot]');
  const beacon = layer.querySelector<HTMLElement>('[data-beacon]');
  const framed = Boolean(target.ownerDocument.defaultView?.frameElement);
  const update = () => {
    if (signal.aborted) return;
    if (!target.isConnected) return onTargetLost();
    const rect = rectInTopWindow(target);
    if (spot) {
      place(spot, rect.left - SPOT_PADDING, rect.top - SPOT_PADDING, false);
      spot.style.width = `${rect.width + 2 * SPOT_PADDING}px`;
      spot.style.height = `${rect.height + 2 * SPOT_PADDING}px`;
    }
    // The beacon sits on the target's top-right corner, kept inside the viewport.
    place(beacon, Math.max(rect.right - 12, 2), Math.max(rect.top - 6, 2), false);
    if (!card) return placed();
    void computePosition(target, card, {
      strategy: 'fixed',
      placement: placement === 'auto' ? 'bottom' : placement,
      middleware: [
        offset(12),
        flip(),
        shift({ padding: 8 }),
        arrowEl && arrow({ element: arrowEl }),
        !framed && hide(),
      ],
    }).then(({ x, y, placement: side, middlewareData }) => {
      if (signal.aborted) return;
      const hidden = framed
        ? outOfFrameView(target, rect)
        : Boolean(middlewareData.hide?.referenceHidden);
      place(card, x, y, hidden);
      if (spot) spot.style.visibility = hidden ? 'hidden' : 'visible';
      if (beacon) beacon.style.visibility = hidden ? 'hidden' : 'visible';
      card.dataset.side = side.split('-')[0];
      const a = middlewareData.arrow;
      if (arrowEl && a) {
        arrowEl.style.left = a.x === undefined ? '' : `${a.x}px`;
        arrowEl.style.top = a.y === undefined ? '' : `${a.y}px`;
      }
      placed();
    });
  };
  const floating = card ?? beacon ?? spot;
  if (!floating) return Promise.resolve();
  const stop = autoUpdate(target, floating, update, { layoutShift: true });
  signal.addEventListener('abort', stop, { once: true });
  // Hidden elements cannot take focus: callers wait for the first placement to move focus in.
  return firstPlacement;
}
