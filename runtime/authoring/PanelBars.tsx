/** The bars the panel shrinks to while the trainer picks an element or previews the guide. */
import { T } from './panelText';
import type { Outline } from './usePickerSession';

/** While picking: the outline of what a click would pick, and how to pick. */
export function PickingBar({ outline }: { outline: Outline | null }) {
  return (
    <>
      {outline && (
        <div
          class="wm-pick-outline"
          style={{
            left: `${outline.left}px`,
            top: `${outline.top}px`,
            width: `${outline.width}px`,
            height: `${outline.height}px`,
          }}
        />
      )}
      <div class="wm-author wm-author-bar" role="status">
        {T.pickHelp}
      </div>
    </>
  );
}

export function PreviewBar({ title, onBack }: { title: string; onBack: () => void }) {
  return (
    <div class="wm-author wm-author-bar">
      <span>{T.previewingTitle(title)}</span>
      <button type="button" class="wm-primary" onClick={onBack}>
        {T.backToEditing}
      </button>
    </div>
  );
}
