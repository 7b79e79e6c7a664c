/** Shared page pieces: page header, cards, buttons, toasts, stage badges. */
import { h, type Child } from './dom.js';

export type IconKind = 'opportunity' | 'account' | 'home' | 'report' | 'settings' | 'error';

const ICON_TEXT: Record<IconKind, string> = {
  opportunity: '◆',
  account: '▣',
  home: '⌂',
  report: '▤',
  settings: '⚙',
  error: '!',
};

export function icon(kind: IconKind): HTMLElement {
  return h('span', { class: `object-icon icon-${kind}`, 'aria-hidden': 'true' }, ICON_TEXT[kind]);
}

export function pageHeader(opts: {
  icon: IconKind;
  kicker: string;
  title: Child;
  actions?: Child[];
  meta?: Child;
  anchor?: string;
}): HTMLElement {
  return h(
    'section',
    { class: 'page-header card', 'data-anchor': opts.anchor },
    h(
      'div',
      { class: 'page-header-row' },
      icon(opts.icon),
      h(
        'div',
        { class: 'page-header-titles' },
        h('p', { class: 'kicker' }, opts.kicker),
        h('h1', { class: 'page-title' }, opts.title),
      ),
      h('div', { class: 'button-group' }, ...(opts.actions ?? [])),
    ),
    opts.meta ?? null,
  );
}

export function card(
  title: string,
  body: Child | Child[],
  opts: { anchor?: string; class?: string; headingLevel?: 'h2' | 'h3'; extra?: Child } = {},
): HTMLElement {
  const children = Array.isArray(body) ? body : [body];
  return h(
    'section',
    {
      class: `card ${opts.class ?? ''}`.trim(),
      'data-anchor': opts.anchor,
      'aria-label': title,
    },
    h(
      'div',
      { class: 'card-header' },
      h(opts.headingLevel ?? 'h2', { class: 'card-title' }, title),
      opts.extra ?? null,
    ),
    h('div', { class: 'card-body' }, ...children),
  );
}

export function button(
  label: string,
  opts: {
    anchor?: string;
    variant?: 'brand' | 'neutral';
    onClick?: (e: Event) => void;
    type?: string;
  } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      type: opts.type ?? 'button',
      class: `btn ${opts.variant === 'brand' ? 'btn-brand' : 'btn-neutral'}`,
      'data-anchor': opts.anchor,
      onclick: opts.onClick,
    },
    label,
  );
}

/** A link that looks like a button (navigation stays a real `<a href>`). */
export function linkButton(
  label: string,
  href: string,
  anchor?: string,
  brand = false,
): HTMLElement {
  return h(
    'a',
    { href, class: `btn ${brand ? 'btn-brand' : 'btn-neutral'}`, 'data-anchor': anchor },
    label,
  );
}

export function stageBadge(stage: string): HTMLElement {
  const slug = stage.toLowerCase().replace(/[^a-z]+/g, '-');
  return h('span', { class: `stage-badge stage-${slug}` }, stage);
}

let toastRegion: HTMLElement | null = null;

/** Lightning-style toast at the top of the window. */
export function toast(message: string): void {
  if (!toastRegion) {
    toastRegion = h('div', { class: 'toast-region', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(toastRegion);
  }
  const item = h(
    'div',
    { class: 'toast' },
    h('span', { class: 'toast-check', 'aria-hidden': 'true' }, '✓'),
    message,
  );
  toastRegion.appendChild(item);
  setTimeout(() => item.remove(), 4000);
}
