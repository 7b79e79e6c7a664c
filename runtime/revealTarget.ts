/**
 * Brings a target into view: inside its scroll containers and iframes, and clear of sticky or
 * fixed headers that would otherwise sit on top of it (the usual CRM global header).
 */
import { rectInTopWindow } from './followTarget';

const MARGIN = 16;

/** `contains` that sees through shadow roots (hit testing returns the outermost host). */
function containsComposed(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n === outer) return true;
  }
  return false;
}

function coveringHeaderBottom(target: Element): number {
  const win = target.ownerDocument.defaultView;
  if (!win) return 0;
  const rect = target.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), win.innerWidth - 1);
  const y = Math.max(rect.top + 1, 0);
  for (let el = target.ownerDocument.elementFromPoint(x, y); el; el = el.parentElement) {
    if (containsComposed(target, el) || containsComposed(el, target)) return 0;
    const position = win.getComputedStyle(el).position;
    if (position === 'fixed' || position === 'sticky') return el.getBoundingClientRect().bottom;
  }
  return 0;
}

function inViewport(target: Element): boolean {
  const top = target.ownerDocument.defaultView?.top ?? window;
  const r = rectInTopWindow(target);
  return r.top >= 0 && r.left >= 0 && r.bottom <= top.innerHeight && r.right <= top.innerWidth;
}

export function revealTarget(target: Element): void {
  if (!inViewport(target)) {
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }
  const headerBottom = coveringHeaderBottom(target);
  if (headerBottom > 0) {
    const shift = headerBottom - target.getBoundingClientRect().top + MARGIN;
    target.ownerDocument.defaultView?.scrollBy({ top: -shift, behavior: 'instant' });
  }
}
