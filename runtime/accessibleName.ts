/**
 * What elements are called, as people read them: the text of a label without the markers forms
 * put around it, and the accessible name a screen reader announces. Targets name elements this
 * way, so a name proposed for a picked element compares equal when the resolver reads it back.
 */
import type { Root } from './searchRoots';

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
