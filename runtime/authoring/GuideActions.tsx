/** What the trainer does with the whole guide: preview it, download its file, or start over. */
import { T } from './panelText';

export function GuideActions({
  onPreview,
  onDownload,
  onStartOver,
}: {
  onPreview: () => void;
  onDownload: () => void;
  onStartOver: () => void;
}) {
  return (
    <div class="wm-foot wm-author-foot">
      <button type="button" class="wm-primary" onClick={onPreview}>
        {T.preview}
      </button>
      <button type="button" onClick={onDownload}>
        {T.download}
      </button>
      <button type="button" onClick={onStartOver}>
        {T.startOver}
      </button>
    </div>
  );
}
