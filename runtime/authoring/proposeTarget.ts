/**
 * A target for an element a trainer picked: every strategy that can name it, so the resolver's
 * vote survives a CRM release that breaks one of them. The CRM's own anchors and test ids come
 * first; role with accessible name, label and text follow what users see; a short CSS path from
 * @medv/finder is the last resort.
 */
import { finder } from '@medv/finder';
import type { Target } from '../../core/guide/schema';
import {
  accessibleName,
  controlOf,
  explainTarget,
  labelText,
  normalizeLabel,
  readableLabel,
  ROLE_SELECTORS,
  type AnchorSelector,
  type StrategyName,
  type TargetReport,
} from '../resolveTarget';

/** Elements a trainer means when they point inside them (the icon in a button). */
const MEANINGFUL =
  'button,a[href],input,select,textarea,label,summary,h1,h2,h3,h4,h5,h6,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[role=combobox],[role=textbox]';

/** Longer texts are content, not names: they change too often to find an element by. */
const MAX_TEXT = 60;

/** Class names that are generated per build, so worthless in a selector that must last. */
const GENERATED_CLASS = /^(css-|sc-|jsx-|ng-|ember|svelte-|_)|[0-9a-f]{5,}|\d{3,}/i;

export function meaningfulElement(el: Element, anchorAttributes: readonly string[]): Element {
  const anchored = anchorAttributes.map((a) => `[${a}]`).join(',');
  return el.closest(anchored ? `${MEANINGFUL},${anchored}` : MEANINGFUL) ?? el;
}

function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit && /^[a-z]+$/.test(explicit)) return explicit;
  return Object.entries(ROLE_SELECTORS).find(([, selector]) => el.matches(selector))?.[0];
}

/**
 * The label of a form control as a person reads it: without required markers or a trailing
 * colon, which is how the resolver compares labels.
 */
function labelOf(el: Element): string | undefined {
  const labels = (el as HTMLInputElement).labels;
  const first = labels && labels.length > 0 ? labels[0] : undefined;
  const text = first ? labelText(first) : readableLabel(el.getAttribute('aria-label'));
  return text && text.length <= MAX_TEXT ? text : undefined;
}

/**
 * The CRM anchor that names `el`: its own, or that of the wrapper it is the one control of, up
 * through shadow roots (Lightning anchors the record-layout item around a field's input).
 */
function anchorOf(el: Element, anchorAttributes: readonly string[]): string | undefined {
  for (let node: Node | null = el, depth = 0; node && depth < 32; depth++) {
    if (node instanceof Element) {
      for (const attribute of anchorAttributes) {
        const value = node.getAttribute(attribute);
        if (value && (node === el || controlOf(node) === el)) return value;
      }
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

function cssPath(el: Element): string | undefined {
  const root = el.getRootNode() as Document | ShadowRoot;
  try {
    return finder(el, {
      // Unique within its own document or shadow root: the resolver searches each root.
      root: (root instanceof Document ? root.documentElement : root) as unknown as Element,
      className: (name) => !GENERATED_CLASS.test(name),
      idName: (name) => !GENERATED_CLASS.test(name),
      timeoutMs: 300,
    });
  } catch {
    return undefined;
  }
}

/** The selector of the same-origin iframe that holds `doc`, from the top document. */
function frameSelectorOf(doc: Document, top: Document): string | undefined {
  if (doc === top) return undefined;
  const frame = doc.defaultView?.frameElement;
  if (!frame) return undefined;
  const name = frame.getAttribute('name');
  if (name) return `iframe[name="${name.replace(/["\\]/g, '\\$&')}"]`;
  return cssPath(frame);
}

export function proposeTarget(el: Element, anchorAttributes: readonly string[], top: Document) {
  const target: Target = {};
  const anchor = anchorOf(el, anchorAttributes);
  if (anchor) target.anchor = anchor;
  const testId = el.getAttribute('data-testid') ?? el.getAttribute('data-test-id');
  if (testId && testId !== target.anchor) target.testId = testId;
  const role = roleOf(el);
  const name = accessibleName(el);
  if (role && name && name.length <= MAX_TEXT) {
    target.role = role;
    // As written on the page where that reads the same as the name the resolver compares.
    target.name = readableLabel(el.getAttribute('aria-label') || labelOf(el) || el.textContent);
    if (normalizeLabel(target.name) !== name) target.name = name;
  }
  const label = labelOf(el);
  if (label && /^(input|select|textarea)$/i.test(el.tagName)) target.label = label;
  const text = el.textContent?.replace(/\s+/g, ' ').trim();
  if (text && text.length <= MAX_TEXT && !/^(input|select|textarea)$/i.test(el.tagName)) {
    target.text = text;
  }
  const css = cssPath(el);
  if (css) target.css = css;
  const frame = frameSelectorOf(el.ownerDocument, top);
  if (frame) target.frame = frame;
  return target;
}

export interface StrategyCheck {
  strategy: StrategyName;
  value: string;
  /** Elements this strategy alone matches on the page. */
  matches: number;
  /** Whether the picked element is among them. */
  findsPicked: boolean;
}

export interface ProposalCheck {
  strategies: StrategyCheck[];
  /** What the whole target resolves to, and whether that is the picked element. */
  report: TargetReport;
  resolvesToPicked: boolean;
}

const STRATEGY_FIELDS: Record<StrategyName, (t: Target) => Target | null> = {
  anchor: (t) => (t.anchor ? { anchor: t.anchor } : null),
  testId: (t) => (t.testId ? { testId: t.testId } : null),
  css: (t) => (t.css ? { css: t.css } : null),
  role: (t) => (t.role ? { role: t.role, ...(t.name ? { name: t.name } : {}) } : null),
  label: (t) => (t.label ? { label: t.label } : null),
  text: (t) => (t.text ? { text: t.text } : null),
};

/** How each strategy of `target` does on this page, one at a time and all together. */
export function checkProposal(
  target: Target,
  picked: Element,
  anchorSelector: AnchorSelector,
  doc: Document,
): ProposalCheck {
  const frame = target.frame ? { frame: target.frame } : {};
  const strategies: StrategyCheck[] = [];
  for (const [strategy, only] of Object.entries(STRATEGY_FIELDS) as [
    StrategyName,
    (t: Target) => Target | null,
  ][]) {
    const alone = only(target);
    if (!alone) continue;
    const report = explainTarget({ ...alone, ...frame }, anchorSelector, doc);
    const found = report.strategies[0];
    strategies.push({
      strategy,
      value: Object.values(alone).join(' '),
      matches: found?.matches ?? 0,
      findsPicked: report.element === picked,
    });
  }
  const report = explainTarget(target, anchorSelector, doc);
  return { strategies, report, resolvesToPicked: report.element === picked };
}
