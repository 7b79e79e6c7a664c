/**
 * The strategies a target names its element by, each a voter for the resolver: the CRM's anchor,
 * a test id, a CSS selector, a role with its accessible name, a label, a text. Each finds the
 * elements of a root it votes for, and tells cheaply whether it could vote for a given element.
 */
import type { Target } from '../core/guide/schema';
import type { TargetStrategy } from '../core/targetStrategies';
import { accessibleName, labelText, normalizeLabel, normalizeText } from './accessibleName';
import type { Root } from './searchRoots';

/** The CRM adapter's selector for one of its semantic anchors. */
export type AnchorSelector = (anchor: string) => string;

/** Votes per strategy: the CRM's own anchors and test ids are the most deliberate signals. */
const WEIGHT = {
  anchor: 4,
  testId: 4,
  css: 3,
  role: 2,
  label: 2,
  text: 1,
} as const satisfies Record<Exclude<TargetStrategy, 'frame'>, number>;

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

export function matchesSelector(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export type StrategyName = keyof typeof WEIGHT;

export interface Strategy {
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

export function strategies(target: Target, anchorSelector: AnchorSelector): Strategy[] {
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
