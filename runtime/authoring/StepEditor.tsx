/** The form for one step: its kind, the element it is drawn at, its words, and when it is done. */
import type { Ref } from 'preact';
import { ADVANCE_ON, PLACEMENTS } from '../../core/guide/schema';
import { DRAFT_STEP_KINDS, needsTarget, type DraftStep } from './draft';
import { T } from './panelText';
import type { OfferedStrategy } from './targetChoice';
import { TargetEditor } from './TargetEditor';
import type { Editing } from './useStepEditor';

const ADVANCE_TEXT: Record<(typeof ADVANCE_ON)[number], string> = T.advance;

/** What the step says, where it shows beside its element, and when it is done. */
function StepDetails({
  step,
  onChange,
}: {
  step: DraftStep;
  onChange: (change: Partial<DraftStep>) => void;
}) {
  return (
    <div class="wm-author-grid">
      <label for="wm-step-title">{T.stepTitle}</label>
      <input
        id="wm-step-title"
        value={step.title}
        onInput={(e) => onChange({ title: e.currentTarget.value })}
      />
      <label for="wm-step-body">{T.stepText}</label>
      <textarea
        id="wm-step-body"
        rows={3}
        value={step.body}
        onInput={(e) => onChange({ body: e.currentTarget.value })}
      />
      {needsTarget(step.kind) && (
        <>
          <label for="wm-step-placement">{T.placement}</label>
          <select
            id="wm-step-placement"
            value={step.placement}
            onChange={(e) =>
              onChange({ placement: e.currentTarget.value as DraftStep['placement'] })
            }
          >
            {PLACEMENTS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="wm-step-advance">{T.doneWhen}</label>
      <select
        id="wm-step-advance"
        value={step.advance}
        onChange={(e) => onChange({ advance: e.currentTarget.value as DraftStep['advance'] })}
      >
        {ADVANCE_ON.map((on) => (
          <option key={on} value={on}>
            {ADVANCE_TEXT[on]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StepEditor({
  editing,
  pickButton,
  onPick,
  onChoose,
  onChange,
  onSave,
  onCancel,
}: {
  editing: Editing;
  pickButton: Ref<HTMLButtonElement>;
  onPick: () => void;
  onChoose: (strategy: OfferedStrategy, chosen: boolean) => void;
  onChange: (change: Partial<DraftStep>) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { step } = editing;
  return (
    <fieldset class="wm-author-editor">
      <legend>{editing.index < 0 ? T.newStep : T.step(editing.index + 1)}</legend>
      <div class="wm-author-grid">
        <label for="wm-step-kind">{T.kind}</label>
        <select
          id="wm-step-kind"
          value={step.kind}
          onChange={(e) => onChange({ kind: e.currentTarget.value as DraftStep['kind'] })}
        >
          {DRAFT_STEP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </div>
      {needsTarget(step.kind) && (
        <TargetEditor
          editing={editing}
          pickButton={pickButton}
          onPick={onPick}
          onChoose={onChoose}
        />
      )}
      <StepDetails step={step} onChange={onChange} />
      <div class="wm-foot">
        <button type="button" class="wm-primary" onClick={onSave}>
          {T.saveStep}
        </button>
        <button type="button" onClick={onCancel}>
          {T.cancel}
        </button>
      </div>
    </fieldset>
  );
}
