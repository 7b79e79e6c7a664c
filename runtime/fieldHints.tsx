/**
 * Entry-time tips for field rules: while the user is in a field whose rule is not met (required
 * and empty, or not matching its pattern), the rule's message sits beside it, and it goes away as
 * soon as the value is fine or the user leaves the field.
 */
import { render } from 'preact';
import { FieldHint } from './ui/FieldHint';
import { mountLayer } from './ui/layer';
import { fieldProblem, type FieldCheck } from '../core/fieldRules';
import { plainText } from '../core/guide/text';
import { followTarget } from './followTarget';
import { deepActiveElement, pathMayHoldTarget, resolveTarget } from './resolveTarget';
import { valueOf, type FieldWatch } from './watchFields';

export function showFieldHints(
  { fields, anchors, matches }: FieldWatch,
  doc: Document,
  signal: AbortSignal,
  busy: () => boolean,
): void {
  if (fields.length === 0) return;
  let focused: { element: Element; field: FieldCheck } | null = null;
  let shown: AbortController | null = null;

  const hide = () => {
    shown?.abort();
    shown = null;
  };
  const update = () => {
    if (
      !focused ||
      busy() ||
      fieldProblem(focused.field, valueOf(focused.element), matches) === null
    ) {
      return hide();
    }
    if (shown) return;
    const control = new AbortController();
    shown = control;
    signal.addEventListener('abort', () => control.abort(), { signal: control.signal });
    const layer = mountLayer(doc, control.signal);
    // Guides do not declare their own text's language: it is taken to be the CRM page's.
    const lang = doc.documentElement.lang;
    render(<FieldHint message={focused.field.message} lang={lang} />, layer.container);
    layer.announce(plainText(focused.field.message), lang);
    void followTarget(focused.element, layer.root, 'right', control.signal, hide);
  };

  const anchorSelector = (anchor: string) => anchors[anchor] ?? '';
  /** `path`: the focus event's composed path, the focused control first. */
  const focusOn = (path: readonly EventTarget[]) => {
    const element = path[0];
    if (focused?.element === element) return; // the same event, seen again at an outer root
    focused = null;
    hide();
    if (!(element instanceof Element)) return;
    for (const field of fields) {
      // Searching the page for every rule on every focus would cost a large form a frame. The
      // rule may name the field's wrapper (a Lightning anchor), so the whole path is asked.
      if (!pathMayHoldTarget(path, field.target, anchorSelector)) continue;
      if (resolveTarget(field.target, anchorSelector, doc).control === element) {
        focused = { element, field };
        break;
      }
    }
    update();
  };
  const onFocusIn = (event: Event) => {
    watchShadowRoots(event);
    focusOn(event.composedPath());
  };
  const onFocusOut = (event: Event) => {
    if (focused && event.composedPath()[0] === focused.element) {
      focused = null;
      hide();
    }
  };
  /**
   * Focus moving between two fields of one shadow tree (a Lightning-style form) never reaches
   * the document: both ends retarget to the same host. So the shadow roots a focus event passed
   * through are watched too.
   */
  const watched = new WeakSet<EventTarget>();
  const watch = (root: EventTarget) => {
    if (watched.has(root)) return;
    watched.add(root);
    root.addEventListener('focusin', onFocusIn, { capture: true, signal });
    root.addEventListener('focusout', onFocusOut, { capture: true, signal });
  };
  function watchShadowRoots(event: Event): void {
    for (const node of event.composedPath()) if (node instanceof ShadowRoot) watch(node);
  }
  watch(doc);
  doc.addEventListener('input', update, { capture: true, signal });
  // A field the user focused before the rules arrived gets its tip now.
  const active = deepActiveElement(doc);
  for (
    let root = active?.getRootNode();
    root instanceof ShadowRoot;
    root = root.host.getRootNode()
  ) {
    watch(root);
  }
  if (active && active !== doc.body) focusOn(composedAncestry(active));
}

/** An element and its ancestors through shadow roots: a focus event's path, for a past focus. */
function composedAncestry(el: Element): EventTarget[] {
  const path: EventTarget[] = [];
  for (let node: Node | null = el; node;) {
    path.push(node);
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return path;
}
