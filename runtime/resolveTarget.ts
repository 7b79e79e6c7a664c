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

export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return normalizeText(label);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Root;
    return normalizeText(
      labelledBy
        .split(/\s+/)
        .map((id) => byId(root, id)?.textContent ?? '')
        .join(' '),
    );
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return normalizeText([...labels].map((l) => l.textContent).join(' '));
  }
  if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) {
    return normalizeText(el.value);
  }
  return normalizeText(el.textContent || el.getAttribute('title') || el.getAttribute('alt'));
}

function queryAll(root: Root, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    // An invalid selector is one failed vote, not a broken page.
    return [];
  }
}

function labelled(root: Root, wanted: string): Element[] {
  const found: Element[] = [];
  for (const label of root.querySelectorAll('label')) {
    if (normalizeText(label.textContent) === wanted && label.control) found.push(label.control);
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
    const wanted = normalizeText(name ?? text);
    const selector = ROLE_SELECTORS[role] ?? `[role=${role}]`;
    const named = (el: Element) => !wanted || accessibleName(el) === wanted;
    add(
      'role',
      (r) => queryAll(r, selector).filter(named),
      (el) => matchesSelector(el, selector) && named(el),
    );
  }
  if (label) {
    const wanted = normalizeText(label);
    add(
      'label',
      (r) => labelled(r, wanted),
      (el) =>
        [...((el as HTMLInputElement).labels ?? [])].some(
          (l) => normalizeText(l.textContent) === wanted,
        ) ||
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
  element: Element | null;
  /** Every root searched, so a waiter can observe the shadow roots that exist now. */
  roots: Root[];
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
      votedForResolved: resolution.element !== null && elements.has(resolution.element),
    })),
  };
}

export function resolveTarget(
  target: Target,
  anchorSelector: AnchorSelector,
  doc: Document,
): Resolution {
  const roots = frameDocuments(doc, target.frame).flatMap((d) => shadowRoots(d));
  const votes = new Map<Element, number>();
  const order = new Map<Element, number>();
  for (const { weight, find } of strategies(target, anchorSelector)) {
    roots.forEach((root, rootIndex) => {
      for (const el of find(root)) {
        votes.set(el, (votes.get(el) ?? 0) + weight);
        if (!order.has(el)) order.set(el, rootIndex);
      }
    });
  }
  let best = 0;
  let tied: Element[] = [];
  for (const [el, score] of votes) {
    if (score < best || !isShown(el)) continue;
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
  return { element: tied[target.nth ?? 0] ?? null, roots };
}
