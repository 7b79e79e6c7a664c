/**
 * The trainer's authoring panel, shown on the live CRM page: name the guide, add steps by
 * pointing at elements, reorder and delete them, preview the walkthrough for real, and download
 * a guide file that passes `npm run guides:check`. Everything is plain form controls, so it
 * works from the keyboard and with a screen reader.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuthorContext } from '../../core/messages';
import type { Draft } from './draft';
import { GuideActions } from './GuideActions';
import { GuideDetails } from './GuideDetails';
import { PickingBar, PreviewBar } from './PanelBars';
import { T } from './panelText';
import { Problems } from './Problems';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import { useDraftGuide } from './useDraftGuide';
import { useGuideFile } from './useGuideFile';
import { usePickerSession } from './usePickerSession';
import { endPreview, usePreview } from './usePreview';
import { useStepEditor } from './useStepEditor';

export function AuthorPanel({
  context,
  initial,
  doc,
  onClose,
}: {
  context: AuthorContext;
  initial: Draft;
  doc: Document;
  onClose: () => void;
}) {
  const [status, announce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const guide = useDraftGuide(initial, announce);
  const file = useGuideFile(guide.draft, announce);
  const preview = usePreview(file, announce);
  const editor = useStepEditor(context, doc, guide, file.report);
  const picker = usePickerSession(doc, context.anchorAttributes, editor.targetPicked, announce);

  if (picker.picking) return <PickingBar outline={picker.outline} />;
  if (preview.previewing) {
    return <PreviewBar title={guide.draft.title} onBack={preview.backToEditing} />;
  }

  return (
    <section class="wm-author" aria-labelledby="wm-author-title">
      <div class="wm-head">
        <h2 id="wm-author-title" class="wm-title" tabIndex={-1} ref={heading}>
          {T.title}
        </h2>
        <button
          type="button"
          class="wm-close"
          aria-label={T.close}
          onClick={() => {
            endPreview();
            onClose();
          }}
        >
          ×
        </button>
      </div>
      <GuideDetails
        draft={guide.draft}
        context={context}
        onTitle={guide.setTitle}
        onId={guide.setId}
        onRole={guide.chooseRole}
      />

      <StepList
        steps={guide.draft.steps}
        onMove={guide.moveStep}
        onEdit={editor.edit}
        onDelete={guide.removeStep}
      />

      {editor.editing ? (
        <StepEditor
          editing={editor.editing}
          pickButton={picker.pickButton}
          onPick={picker.start}
          onChoose={editor.chooseStrategy}
          onChange={editor.change}
          onSave={editor.save}
          onCancel={editor.close}
        />
      ) : (
        <button type="button" onClick={editor.newStep}>
          {T.addStep}
        </button>
      )}

      <Problems problems={file.problems} />
      <GuideActions
        onPreview={() => void preview.preview()}
        onDownload={file.download}
        onStartOver={() => {
          guide.startOver(context.pageType);
          editor.close();
        }}
      />
      <p class="wm-status" role="status">
        {status}
      </p>
    </section>
  );
}
