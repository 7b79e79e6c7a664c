/**
 * A session of the element picker for the step or field rule being edited: while it runs, the
 * panel gives way to an outline of what would be picked; when it ends, focus returns to the button
 * that started it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { T } from './panelText';
import { outlineOf, startPicker } from './picker';
import { meaningfulElement } from './proposeTarget';

export type Outline = ReturnType<typeof outlineOf>;

export function usePickerSession(
  doc: Document,
  anchorAttributes: readonly string[],
  announce: (message: string) => void,
) {
  const [picking, setPicking] = useState(false);
  const [outline, setOutline] = useState<Outline | null>(null);
  // Who asked: the editor that receives the element, and the button focus goes back to. The panel
  // gives way to the picking bar meanwhile, so that button is found again by its id.
  const asked = useRef<{
    onPicked: (el: Element) => void;
    button: string;
    root: Document | ShadowRoot;
  } | null>(null);

  // A layout effect: the picker listens from the render that shows its bar, so an Esc or a click
  // right after "Pick the element" reaches it (an effect would wait for a frame to be painted).
  useLayoutEffect(() => {
    if (!picking) return;
    const control = new AbortController();
    const end = (picked: Element | null) => {
      setPicking(false);
      setOutline(null);
      if (picked) asked.current?.onPicked(picked);
      announce(picked ? T.picked : T.pickCancelled);
      const { button, root } = asked.current ?? {};
      setTimeout(() => (button ? root?.getElementById(button)?.focus() : undefined));
    };
    startPicker(
      doc,
      (el) => meaningfulElement(el, anchorAttributes),
      {
        onHover: (el) => setOutline(el ? outlineOf(el) : null),
        onPick: end,
        onCancel: () => end(null),
      },
      control.signal,
    );
    return () => control.abort();
  }, [picking]);

  return {
    picking,
    outline,
    /** Picks an element for `onPicked`; `from` is the button that asked, with an id. */
    start: (onPicked: (el: Element) => void, from: HTMLElement) => {
      asked.current = { onPicked, button: from.id, root: from.getRootNode() as ShadowRoot };
      setPicking(true);
    },
  };
}
