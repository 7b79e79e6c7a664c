/**
 * Finds a guide step's target on a live CRM page. Every strategy the trainer gave votes for the
 * elements it matches; the visible element with most votes wins. One broken strategy (a renamed
 * class, a re-worded label) therefore does not break the guide. The search pierces open shadow
 * roots and same-origin iframes, which is where Lightning and Dynamics keep their fields.
 */
import type { Target } from '../core/guide/schema';
import type { TargetStrategy } from '../core/targetStrategies';
import { frameDocuments, shadowRoots, type Root } from './searchRoots';
import {
  matchesSelector,
  strategies,
  type AnchorSelector,
  type Strategy,
  type StrategyName,
} from './targetStrategies';

// Callers import everything about finding targets from this module; the parts it is built from
// are re-exported here.
export {
  accessibleName,
  labelText,
  normalizeLabel,
  normalizeText,
  readableLabel,
} from './accessibleName';
export { deepActiveElement, frameDocuments, shadowRoots } from './searchRoots';
export {
  pathMayHoldTarget,
  ROLE_SELECTORS,
  type AnchorSelector,
  type StrategyName,
} from './targetStrategies';

/** Rendered, not hidden by CSS, and with an area: hidden candidates never win. */
export function isShown(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }
  return true;
}

export interface Resolution {
  /** The element the strategies agreed on: what a step is drawn against. */
  element: Element | null;
  /**
   * The one control a step acts on: the element itself when it is a control, else the single
   * control inside it (through open shadow roots), as when Lightning puts its anchor on the
   * wrapper around a field. Null when there is none, or several to choose from.
   */
  control: Element | null;
  /** Every root searched, so a waiter can observe the shadow roots that exist now. */
  roots: Root[];
}

/** Controls that hold a value a person types or picks. */
const FIELD_CONTROL =
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]),textarea,select,[contenteditable]:not([contenteditable=false]),[role=textbox],[role=combobox],[role=searchbox],[role=spinbutton],[role=checkbox],[role=radio],[role=switch],[role=slider]';
/** Controls that do something when pressed. */
const ACTION_CONTROL =
  'button,input[type=button],input[type=submit],input[type=reset],input[type=image],a[href],[role=button],[role=link],[role=menuitem],[role=tab]';

/** Whether an element is itself a control a person can act on. */
export function isControl(el: Element): boolean {
  return matchesSelector(el, FIELD_CONTROL) || matchesSelector(el, ACTION_CONTROL);
}

/** Elements under `el` matching `selector`, through the open shadow roots inside it. */
function deepQueryAll(el: Element, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: Element | ShadowRoot) => {
    if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
    for (const inner of root.querySelectorAll('*')) {
      if (matchesSelector(inner, selector)) found.push(inner);
      if (inner.shadowRoot) visit(inner.shadowRoot);
    }
  };
  visit(el);
  return found;
}

/**
 * The control a step on `el` acts on: `el` when it is one; else the single shown field control
 * inside it; else, when it holds no field, its single shown action control. A wrapper holding
 * several fields (an address) has no single control.
 */
export function controlOf(el: Element): Element | null {
  if (isControl(el)) return el;
  for (const selector of [FIELD_CONTROL, ACTION_CONTROL]) {
    const shown = deepQueryAll(el, selector).filter(isShown);
    if (shown.length === 1) return shown[0] ?? null;
    if (shown.length > 1) return null;
  }
  return null;
}

/** Whether `inner` is `outer` or inside it, crossing shadow roots (not frames). */
function composedContains(outer: Element, inner: Element): boolean {
  for (let node: Node | null = inner; node;) {
    if (node === outer) return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}

export interface StrategyReport {
  strategy: StrategyName;
  /** Elements this strategy matches on the page, shown or not. */
  matches: number;
  /** Of those, the ones a rep can see. */
  shown: number;
  /** Whether it voted for the element the target resolves to. */
  votedForResolved: boolean;
}

export interface TargetReport extends Resolution {
  strategies: StrategyReport[];
  /** Distinct elements any strategy voted for. */
  candidates: number;
}

/**
 * What each strategy of a target finds on this page: for trainers choosing strategies, and for
 * the guide doctor telling which ones a CRM release broke.
 */
export function explainTarget(
  target: Target,
  anchorSelector: AnchorSelector,
  doc: Document,
): TargetReport {
  const resolution = resolveTarget(target, anchorSelector, doc);
  const found = strategies(target, anchorSelector).map(({ name, find }) => ({
    name,
    elements: new Set(resolution.roots.flatMap((root) => find(root))),
  }));
  const candidates = new Set(found.flatMap(({ elements }) => [...elements]));
  return {
    ...resolution,
    candidates: candidates.size,
    strategies: found.map(({ name, elements }) => ({
      strategy: name,
      matches: elements.size,
      shown: [...elements].filter(isShown).length,
      // A vote for the control inside the element found is a vote for it (they agreed).
      votedForResolved:
        resolution.element !== null &&
        (elements.has(resolution.element) ||
          (resolution.control !== null && elements.has(resolution.control))),
    })),
  };
}

/**
 * The strategies of a target that match nothing at all on this page, for the `target.missing` a
 * step records: by name only, never what they looked for. A strategy matching only hidden
 * elements is not among them (the element is there, not shown), and `frame` is when no frame on
 * the page matches the target's frame selector.
 */
export function failedStrategies(
  target: Target,
  anchorSelector: AnchorSelector,
  doc: Document,
): TargetStrategy[] {
  const failed: TargetStrategy[] = explainTarget(target, anchorSelector, doc)
    .strategies.filter(({ matches }) => matches === 0)
    .map(({ strategy }) => strategy);
  if (target.frame !== undefined && frameDocuments(doc, target.frame).length === 0) {
    failed.push('frame');
  }
  return failed;
}

export function resolveTarget(
  target: Target,
  anchorSelector: AnchorSelector,
  doc: Document,
): Resolution {
  const roots = frameDocuments(doc, target.frame).flatMap((d) => shadowRoots(d));
  const votes = new Map<Element, Set<Strategy>>();
  const order = new Map<Element, number>();
  for (const strategy of strategies(target, anchorSelector)) {
    roots.forEach((root, rootIndex) => {
      for (const el of strategy.find(root)) {
        let voters = votes.get(el);
        if (!voters) votes.set(el, (voters = new Set()));
        voters.add(strategy);
        if (!order.has(el)) order.set(el, rootIndex);
      }
    });
  }
  const shown = [...votes.keys()].filter(isShown);
  // A vote for a control inside a wrapper is a vote for the wrapper too: the anchor on a
  // Lightning record-layout item and the label of the input deep inside it name one field.
  const controls = shown.filter(isControl);
  const agreed = new Map<Element, { score: number; control: Element | null }>();
  for (const el of shown) {
    const voters = new Set(votes.get(el));
    let inner: Element | null = null;
    for (const control of controls) {
      if (control === el || !composedContains(el, control)) continue;
      if (inner === null || (votes.get(control)?.size ?? 0) > (votes.get(inner)?.size ?? 0)) {
        inner = control;
      }
    }
    for (const voter of inner ? (votes.get(inner) ?? []) : []) voters.add(voter);
    const score = [...voters].reduce((sum, { weight }) => sum + weight, 0);
    agreed.set(el, { score, control: inner });
  }
  let best = 0;
  let tied: Element[] = [];
  for (const [el, { score }] of agreed) {
    if (score < best) continue;
    if (score > best) {
      best = score;
      tied = [];
    }
    tied.push(el);
  }
  tied.sort((a, b) => {
    const byRoot = (order.get(a) ?? 0) - (order.get(b) ?? 0);
    if (byRoot !== 0) return byRoot;
    return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  const element = tied[target.nth ?? 0] ?? null;
  if (!element) return { element: null, control: null, roots };
  const control = agreed.get(element)?.control ?? controlOf(element);
  return { element, control, roots };
}
