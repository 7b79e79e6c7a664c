/**
 * Lightning-style modal: a div with role="dialog" aria-modal="true" over a backdrop at
 * z-index 2147483000 (not the <dialog> element). Esc and Cancel close it; focus moves in, is
 * trapped, and returns to the opener.
 */
import { h } from './dom.js';

let counter = 0;

export interface ModalHandle {
  root: HTMLElement;
  dialog: HTMLElement;
  close(): void;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function openModal(opts: {
  title: string;
  anchor?: string;
  body: Node[];
  footer: Node[];
  /** Element to focus first (defaults to the first focusable element in the body). */
  initialFocus?: HTMLElement;
  onClose?: () => void;
}): ModalHandle {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `modal-title-${++counter}`;
  const closeX = h(
    'button',
    { type: 'button', class: 'crm-modal-close', 'aria-label': 'Close' },
    h('span', { 'aria-hidden': 'true' }, '✕'),
  );
  const dialog = h(
    'div',
    {
      class: 'crm-modal',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': titleId,
      'data-anchor': opts.anchor,
      tabindex: '-1',
    },
    h('header', { class: 'crm-modal-header' }, h('h2', { id: titleId }, opts.title), closeX),
    h('div', { class: 'crm-modal-body' }, ...opts.body),
    h('footer', { class: 'crm-modal-footer' }, ...opts.footer),
  );
  const root = h('div', { class: 'crm-modal-backdrop' }, dialog);
  let closed = false;

  function close(): void {
    if (closed) return;
    closed = true;
    document.removeEventListener('keydown', onKey, true);
    root.remove();
    document.body.classList.remove('modal-open');
    opts.onClose?.();
    if (opener?.isConnected) opener.focus();
  }

  function onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  }

  closeX.addEventListener('click', close);
  document.addEventListener('keydown', onKey, true);
  document.body.appendChild(root);
  document.body.classList.add('modal-open');
  const target =
    opts.initialFocus ?? dialog.querySelector<HTMLElement>(`.crm-modal-body ${FOCUSABLE}`);
  (target ?? dialog).focus();
  return { root, dialog, close };
}
