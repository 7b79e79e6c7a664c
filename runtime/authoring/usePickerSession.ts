/**
 * A session of the element picker for the step being edited: while it runs, the panel gives way
 * to an outline of what would be picked; when it ends, focus returns to the button that started
 * it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { T } from './panelText';
import { outlineOf, startPicker } from './picker';
import { meaningfulElement } from './proposeTarget';

export type Outline = ReturnType<typeof outlineOf>;

export function usePickerSession(
  doc: Document,
  anchorAttributes: readonly string[],
  onPicked: (el: Element) => void,
  announce: (message: string) => void,
) {
  const [picking, setPicking] = useState(false);
  const [outline, setOutline] = useState<Outline | null>(null);
  const pickButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!picking) return;
    const control = new AbortController();
    const end = (picked: Element | null) => {
      setPicking(false);
      setOutline(null);
      if (picked) onPicked(picked);
      announce(picked ? T.picked : T.pickCancelled);
      setTimeout(() => pickButton.current?.focus());
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

  return { picking, outline, pickButton, start: () => setPicking(true) };
}
