import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  /** Prefix of the heading's and the text's ids. */
  id: string;
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm(): void;
  /** The dialog closed: Esc, Cancel, or `open` turned false. */
  onClose(): void;
  /** Where focus goes when it closes: the button that opened it, or what replaced that. */
  returnFocus: RefObject<HTMLElement | null>;
}

/** A modal question with a dangerous answer; it opens on the safe one, Cancel. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { id, open, busy } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // After the render that wrote its title: a screen reader announces the dialog by that title.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-text`}
      onClose={() => {
        props.returnFocus.current?.focus();
        props.onClose();
      }}
    >
      <h2 id={`${id}-heading`}>{props.title}</h2>
      <p id={`${id}-text`}>{props.text}</p>
      <div class="actions">
        <button type="button" class="danger-solid" disabled={busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button
          type="button"
          class="secondary"
          ref={cancel}
          disabled={busy}
          onClick={() => dialog.current?.close()}
        >
          {props.cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
