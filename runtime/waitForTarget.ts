/**
 * Waits for a late target without polling: one MutationObserver per searched root (the document,
 * each open shadow root, each same-origin iframe document) re-runs the resolver when the DOM
 * changes, so a target is found in the same task it is inserted.
 */
import type { Target } from '../core/guide/schema';
import { resolveTarget, type AnchorSelector } from './resolveTarget';

/** A target found on the page: the element to draw against, and the control to act on. */
export interface FoundTarget {
  element: Element;
  control: Element | null;
}

const OBSERVED = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden', 'src'],
};

export function waitForTarget(
  target: Target,
  anchorSelector: AnchorSelector,
  doc: Document,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<FoundTarget | null> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(null);
    const observed = new WeakSet<Node>();
    const observer = new MutationObserver(check);
    const done = (found: FoundTarget | null) => {
      observer.disconnect();
      clearTimeout(timer);
      doc.removeEventListener('load', check, true);
      signal.removeEventListener('abort', abort);
      resolve(found);
    };
    const abort = () => done(null);
    function check() {
      const { element, control, roots } = resolveTarget(target, anchorSelector, doc);
      if (element) return done({ element, control });
      // Roots that appeared since the last look (new shadow hosts, iframes that loaded).
      for (const root of roots) {
        if (observed.has(root)) continue;
        observed.add(root);
        observer.observe(root, OBSERVED);
      }
    }
    const timer = setTimeout(abort, timeoutMs);
    signal.addEventListener('abort', abort);
    // Iframe loads do not mutate the parent DOM; their load event reaches a capturing listener.
    doc.addEventListener('load', check, true);
    check();
  });
}
