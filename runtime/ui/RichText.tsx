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
        return node.href.startsWith('/') ? (
          <a href={node.href}>{inlines(node.c)}</a>
        ) : (
          <a href={node.href} target="_blank" rel="noopener noreferrer">
            {inlines(node.c)}
          </a>
        );
    }
  });
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
