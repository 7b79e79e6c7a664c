/**
 * Where a target is searched for on a live CRM page: the document, the same-origin iframes inside
 * it and the open shadow roots inside those, which is where Lightning and Dynamics keep their
 * fields.
 */

/** A document or an open shadow root: a scope ids resolve in and selectors search. */
export type Root = Document | ShadowRoot;

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
