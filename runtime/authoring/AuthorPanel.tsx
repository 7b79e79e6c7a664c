/**
 * The trainer's authoring panel, shown on the live CRM page: open a guide the browser has or
 * start a new one, write its steps (of every kind) by pointing at elements, its field rules, its
 * languages, where it is offered and who sees it; see what the guide check says while typing;
 * preview the walkthrough for real; publish it to the organisation as a draft or a pilot, or
 * download its file. Everything is plain form controls, so it works from the keyboard and with a
 * screen reader.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuthorContext } from '../../core/messages';
import type { Draft } from './draft';
import { FieldRules } from './FieldRules';
import { GuideActions } from './GuideActions';
import { AnnouncementFields } from './AnnouncementFields';
import { GuideDetails } from './GuideDetails';
import { OpenGuide } from './OpenGuide';
import { PickingBar, PreviewBar } from './PanelBars';
import { T } from './panelText';
import { GuideCheck, Problems } from './Problems';
import { PublishGuide } from './PublishGuide';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import { targetTools } from './targetTools';
import { useDraftGuide } from './useDraftGuide';
import { useFieldRuleEditor } from './useFieldRuleEditor';
import { useGuideFile } from './useGuideFile';
import { usePickerSession } from './usePickerSession';
import { endPreview, usePreview } from './usePreview';
import { usePublish } from './usePublish';
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
  const tools = useMemo(() => targetTools(context, doc), [context, doc]);
  const guide = useDraftGuide(initial, announce);
  const file = useGuideFile(guide.draft, announce);
  const preview = usePreview(file, announce);
  const publish = usePublish(file, announce);
  const editor = useStepEditor(context.pageType, tools, guide, file.report);
  const rules = useFieldRuleEditor(context.pageType, tools, guide);
  const picker = usePickerSession(doc, context.anchorAttributes, announce);

  if (picker.picking) return <PickingBar outline={picker.outline} />;
  if (preview.previewing) {
    return <PreviewBar title={guide.draft.title} onBack={preview.backToEditing} />;
  }

  const { draft } = guide;
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
      <OpenGuide
        crm={context.crm}
        hasWork={draft.steps.length > 0 || draft.fields.length > 0}
        onOpen={(opened) => {
          editor.close();
          rules.close();
          guide.open(opened);
        }}
      />
      <GuideDetails guide={guide} context={context} />
      <AnnouncementFields guide={guide} />

      <StepList
        steps={draft.steps}
        onMove={guide.moveStep}
        onEdit={editor.edit}
        onDelete={guide.removeStep}
      />

      {editor.editing ? (
        <StepEditor
          editing={editor.editing}
          languages={draft.languages}
          onPick={(button) => picker.start(editor.targetPicked, button)}
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
      <Problems problems={file.reported} />

      <FieldRules
        rules={draft.fields}
        editor={rules}
        onPick={(button) => picker.start(rules.targetPicked, button)}
        onDelete={guide.removeFieldRule}
      />

      <GuideCheck problems={file.problems} asked={file.asked} />
      <PublishGuide publish={publish} />
      <GuideActions
        onPreview={() => void preview.preview()}
        onDownload={file.download}
        onStartOver={() => {
          guide.startOver(context.pageType);
          editor.close();
          rules.close();
        }}
      />
      <p class="wm-status" role="status">
        {status}
      </p>
    </section>
  );
}
