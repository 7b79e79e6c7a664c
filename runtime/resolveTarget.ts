/**
 * Finds a guide step's target on a live CRM page. Every strategy the trainer gave votes for the
 * elements it matches; the visible element with most votes wins. One broken strategy (a renamed
 * class, a re-worded label) therefore does not break the guide. The search pierces open shadow
 * roots and same-origin iframes, which is where Lightning and Dynamics keep their fields.
 */
import type { Target } from '../core/guide/schema';

type Root = Document | ShadowRoot;

/** The CRM adapter's selector for one of its semantic anchors. */
export type AnchorSelector = (anchor: string) => string;

/** Votes per strategy: the CRM's own anchors and test ids are the most deliberate signals. */
const WEIGHT = { anchor: 4, testId: 4, css: 3, role: 2, label: 2, text: 1 } as const;

export const ROLE_SELECTORS: Record<string, string> = {
  button: 'button,input[type=button],input[type=submit],input[type=reset],[role=button]',
  link: 'a[href],[role=link]',
  textbox:
    'input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=url],input[type=search],input[type=number],textarea,[role=textbox]',
  combobox: 'select,[role=combobox]',
  checkbox: 'input[type=checkbox],[role=checkbox]',
  radio: 'input[type=radio],[role=radio]',
  heading: 'h1,h2,h3,h4,h5,h6,[role=heading]',
  img: 'img[alt],[role=img]',
};

export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Required markers and separators that forms put around a field's name: `* First name`,
 * `First name *`, `First name:`. People read past them, so targets name the field without them.
 */
const LABEL_DECORATION = /^[\s*]+|[\s*:\uff1a]+$/g;

/** A label as a person reads it, in its own case: markers, colons and extra spaces dropped. */
export function readableLabel(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').replace(LABEL_DECORATION, '');
}

/** A label as targets compare it: readable, and case-blind. */
export function normalizeLabel(text: string | null | undefined): string {
  return readableLabel(text).toLowerCase();
}

/**
 * Inside a label, what is not its name: text hidden from assistive technology (MUI, Fluent and
 * shadcn put the required asterisk there) and the text of a control the label wraps (a select's
 * options). SLDS's `<abbr title="required">*</abbr>` is read, then dropped as a marker.
 */
const NOT_LABEL_TEXT = '[aria-hidden="true"],select,textarea,input,button,[role=listbox],option';

/** The text of a label element as a person reads it (before normalising). */
export function labelText(label: Element): string {
  const doc = label.ownerDocument;
  const walker = doc.createTreeWalker(label, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(NOT_LABEL_TEXT)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
  }
  return readableLabel(text);
}

/** Documents to search: this one and every same-origin iframe inside it, nested. */
export function frameDocuments(doc: Document, frameSelector?: string): Document[] {
  const docs: Document[] = [];
  const visit = (d: Document, include: boolean) => {
    if (include) docs.push(d);
    for (const frame of d.querySelectorAll('iframe,frame')) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        // Cross-origin: that frame's own content script speaks for it.
      }
      if (!inner) continue;
      visit(inner, include || (frameSelector !== undefined && frame.matches(frameSelector)));
    }
  };
  visit(doc, frameSelector === undefined);
  return docs;
}

/** A document and every open shadow root inside it, in tree order. */
export function shadowRoots(root: Root, into: Root[] = []): Root[] {
  into.push(root);
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) shadowRoots(el.shadowRoot, into);
  }
  return into;
}

/** The focused element, inside open shadow roots too (the document only sees their host). */
export function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function byId(root: Root, id: string): Element | null {
  return 'getElementById' in root ? root.getElementById(id) : null;
}

/**
 * The element's accessible name, normalised as labels are: what a screen reader would announce,
 * without required markers or a trailing colon.
 */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return normalizeLabel(label);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Root;
    return normalizeLabel(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const named = byId(root, id);
          return named ? labelText(named) : '';
        })
        .join(' '),
    );
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return normalizeLabel([...labels].map(labelText).join(' '));
  }
  if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) {
    return normalizeLabel(el.value);
  }
  return normalizeLabel(el.textContent || el.getAttribute('title') || el.getAttribute('alt'));
}

function queryAll(root: Root, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    // An invalid selector is one failed vote, not a broken page.
    return [];
  }
}

/** Whether a form control has a `<label>` that reads `wanted` (normalised). */
function hasLabel(el: Element, wanted: string): boolean {
  return [...((el as HTMLInputElement).labels ?? [])].some(
    (l) => normalizeLabel(labelText(l)) === wanted,
  );
}

function labelled(root: Root, wanted: string): Element[] {
  const found: Element[] = [];
  for (const label of root.querySelectorAll('label')) {
    if (label.control && normalizeLabel(labelText(label)) === wanted) found.push(label.control);
  }
  for (const el of root.querySelectorAll('[aria-label],[aria-labelledby]')) {
    if (accessibleName(el) === wanted) found.push(el);
  }
  return found;
}

function withText(root: Root, wanted: string): Element[] {
  const found = new Set<Element>();
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = normalizeText(node.nodeValue);
    if (!data || !wanted.includes(data)) continue;
    // The text may be split over inline children: climb to the smallest element holding all of it.
    let el = node.parentElement;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      const own = normalizeText(el.textContent);
      if (own === wanted) {
        found.add(el);
        break;
      }
      if (own.length > wanted.length) break;
    }
  }
  return [...found];
}

/**
 * Whether an element's whole text reads `wanted`. The walk stops as soon as the text is longer, so
 * asking it of a large container (a page's body) costs no more than asking it of a cell.
 */
function textIs(el: Element, wanted: string): boolean {
  const budget = wanted.replace(/\s/g, '').length;
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  let letters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? '';
    letters += data.toLowerCase().replace(/\s/g, '').length;
    if (letters > budget) return false;
    text += data;
  }
  return normalizeText(text) === wanted;
}

function matchesSelector(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export type StrategyName = keyof typeof WEIGHT;

interface Strategy {
  name: StrategyName;
  weight: number;
  /** The elements of a root it votes for. */
  find: (root: Root) => Element[];
  /**
   * Whether it could vote for this element: true for every element `find` returns, and cheap,
   * so that an event can be ruled out without searching the page.
   */
  accepts: (el: Element) => boolean;
}

function strategies(target: Target, anchorSelector: AnchorSelector): Strategy[] {
  const list: Strategy[] = [];
  const add = (name: StrategyName, find: Strategy['find'], accepts: Strategy['accepts']) =>
    list.push({ name, weight: WEIGHT[name], find, accepts });
  const bySelector = (name: StrategyName, selector: string) =>
    add(
      name,
      (r) => queryAll(r, selector),
      (el) => matchesSelector(el, selector),
    );
  const { anchor, testId, css, role, name, label, text } = target;
  if (anchor) bySelector('anchor', anchorSelector(anchor));
  if (testId) {
    const v = JSON.stringify(testId);
    bySelector('testId', `[data-testid=${v}],[data-test-id=${v}]`);
  }
  if (css) bySelector('css', css);
  if (role) {
    const wanted = normalizeLabel(name ?? text);
    const selector = ROLE_SELECTORS[role] ?? `[role=${role}]`;
    const named = (el: Element) => !wanted || accessibleName(el) === wanted;
    add(
      'role',
      (r) => queryAll(r, selector).filter(named),
      (el) => matchesSelector(el, selector) && named(el),
    );
  }
  if (label) {
    const wanted = normalizeLabel(label);
    add(
      'label',
      (r) => labelled(r, wanted),
      (el) =>
        hasLabel(el, wanted) ||
        ((el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) &&
          accessibleName(el) === wanted),
    );
  }
  if (text) {
    const wanted = normalizeText(text);
    add(
      'text',
      (r) => withText(r, wanted),
      (el) => textIs(el, wanted),
    );
  }
  return list;
}

/**
 * Whether any element on an event's path could be the target: only then can the target resolve
 * to one of them. Far cheaper than resolving it, which searches the whole page.
 */
export function pathMayHoldTarget(
  path: readonly EventTarget[],
  target: Target,
  anchorSelector: AnchorSelector,
): boolean {
  const list = strategies(target, anchorSelector);
  return path.some(
    (node) =>
      (node as Node).nodeType === Node.ELEMENT_NODE && list.some((s) => s.accepts(node as Element)),
  );
}

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
