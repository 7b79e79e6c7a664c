import type { ComponentChildren } from 'preact';
import { parseInline, parseText, type Inline } from '../../core/guide/text';

function inlines(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    switch (node.t) {
      case 'text':
        return node.v;
      case 'b':
        return <strong>{inlines(node.c)}</strong>;
      case 'i':
        return <em>{inlines(node.c)}</em>;
      case 'a':
        return <GuideLink href={node.href}>{inlines(node.c)}</GuideLink>;
    }
  });
}

/**
 * A link of guide text (already checked safe): a path in the CRM opens in the same tab, any other
 * address in a new one that cannot reach back to the CRM page.
 */
export function GuideLink({
  href,
  onClick,
  children,
}: {
  href: string;
  onClick?: (event: Event) => void;
  children: ComponentChildren;
}) {
  return href.startsWith('/') ? (
    <a href={href} onClick={onClick}>
      {children}
    </a>
  ) : (
    <a href={href} target="_blank" rel="noopener noreferrer" onClick={onClick}>
      {children}
    </a>
  );
}

/** Guide text as Preact children: the markdown subset becomes elements, everything else text. */
export function RichText({ source }: { source: string }) {
  return (
    <>
      {parseText(source).map((block) =>
        block.t === 'p' ? (
          <p>{inlines(block.c)}</p>
        ) : (
          <ul>
            {block.items.map((item) => (
              <li>{inlines(item)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/** One line of guide text (an announcement): its marks become elements, never a block. */
export function InlineText({ source }: { source: string }) {
  return <>{inlines(parseInline(source))}</>;
}
