/**
 * The tiny markdown subset guide text may use: **bold**, *italic*, [links](https://…) and "- "
 * lists. It is parsed into a tree that components render as Preact children, so guide text can
 * never become markup.
 */
export type Inline =
  { t: 'text'; v: string } | { t: 'b' | 'i'; c: Inline[] } | { t: 'a'; href: string; c: Inline[] };
export type Block = { t: 'p'; c: Inline[] } | { t: 'ul'; items: Inline[][] };

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Links may only leave for https: or stay inside the CRM (a path on the same site). */
export function safeHref(href: string): string | null {
  if (/^https:\/\/[^\s/]/i.test(href)) return href;
  if (href.startsWith('/') && !href.startsWith('//') && !href.includes('\\')) return href;
  return null;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of source.matchAll(INLINE)) {
    if (m.index > last) out.push({ t: 'text', v: source.slice(last, m.index) });
    const [whole, bold, star, under, label, href] = m;
    if (bold !== undefined) out.push({ t: 'b', c: parseInline(bold) });
    else if (star !== undefined || under !== undefined)
      out.push({ t: 'i', c: parseInline(star ?? under ?? '') });
    else {
      const safe = safeHref(href ?? '');
      out.push(
        safe ? { t: 'a', href: safe, c: parseInline(label ?? '') } : { t: 'text', v: whole },
      );
    }
    last = m.index + whole.length;
  }
  if (last < source.length) out.push({ t: 'text', v: source.slice(last) });
  return out;
}

export function parseText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ t: 'p', c: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    const item = /^[-*] +(.*)$/.exec(line);
    if (item) {
      endParagraph();
      if (!list) blocks.push({ t: 'ul', items: (list = []) });
      list.push(parseInline(item[1] ?? ''));
      continue;
    }
    list = null;
    if (line) paragraph.push(line);
    else endParagraph();
  }
  endParagraph();
  return blocks;
}

function flatten(nodes: Inline[]): string {
  return nodes.map((n) => (n.t === 'text' ? n.v : flatten(n.c))).join('');
}

/** The words of guide text without its formatting marks, e.g. for a screen-reader announcement. */
export function plainText(source: string): string {
  return parseText(source)
    .map((b) => (b.t === 'p' ? flatten(b.c) : b.items.map(flatten).join('; ')))
    .join(' ');
}
