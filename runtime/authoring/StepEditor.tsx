/**
 * The form for one step: its kind, the element it is drawn at, its words (and a survey's
 * question), where it shows, when it is done, and its text in the guide's other languages.
 */
import { ADVANCE_ON, PLACEMENTS } from '../../core/guide/schema';
import { DRAFT_STEP_KINDS, needsTarget, type DraftStep } from './draft';
import { T } from './panelText';
import type { OfferedStrategy } from './targetChoice';
import { TargetEditor } from './TargetEditor';
import { TranslatedTexts } from './Translations';
import type { Editing } from './useStepEditor';

const ADVANCE_TEXT: Record<(typeof ADVANCE_ON)[number], string> = T.advance;
type Change = (change: Partial<DraftStep>) => void;

function Placement({ step, onChange }: { step: DraftStep; onChange: Change }) {
  return (
    <>
      <label for="wm-step-placement">{T.placement}</label>
      <select
        id="wm-step-placement"
        value={step.placement}
        onChange={(e) => onChange({ placement: e.currentTarget.value as DraftStep['placement'] })}
      >
        {PLACEMENTS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </>
  );
}

function Survey({ step, onChange }: { step: DraftStep; onChange: Change }) {
  return (
    <>
      <label for="wm-step-question">{T.question}</label>
      <input
        id="wm-step-question"
        value={step.question}
        onInput={(e) => onChange({ question: e.currentTarget.value })}
      />
      <label for="wm-step-scale">{T.scale}</label>
      <select
        id="wm-step-scale"
        value={step.scale}
        onChange={(e) => onChange({ scale: e.currentTarget.value as DraftStep['scale'] })}
      >
        <option value="1-5">1–5</option>
        <option value="0-10">0–10</option>
      </select>
    </>
  );
}

/** When the step is done; going to another page may name which. */
function Advance({ step, onChange }: { step: DraftStep; onChange: Change }) {
  const anchored = needsTarget(step.kind);
  return (
    <>
      <label for="wm-step-advance">{T.doneWhen}</label>
      <select
        id="wm-step-advance"
        value={step.advance}
        onChange={(e) => onChange({ advance: e.currentTarget.value as DraftStep['advance'] })}
      >
        {ADVANCE_ON.filter((on) => anchored || on === 'next' || on === 'route').map((on) => (
          <option key={on} value={on}>
            {ADVANCE_TEXT[on]}
          </option>
        ))}
      </select>
      {step.advance === 'route' && (
        <>
          <label for="wm-step-advance-page">{T.toPage}</label>
          <input
            id="wm-step-advance-page"
            placeholder={T.anyPage}
            value={step.advancePage}
            onInput={(e) => onChange({ advancePage: e.currentTarget.value })}
          />
        </>
      )}
    </>
  );
}

/** What the step says, where it shows beside its element, and when it is done. */
function StepDetails({ step, onChange }: { step: DraftStep; onChange: Change }) {
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
      {step.kind === 'survey' && <Survey step={step} onChange={onChange} />}
      {needsTarget(step.kind) && <Placement step={step} onChange={onChange} />}
      <Advance step={step} onChange={onChange} />
      <label for="wm-step-page">{T.stepPage}</label>
      <input
        id="wm-step-page"
        placeholder={T.anyPage}
        value={step.page}
        onInput={(e) => onChange({ page: e.currentTarget.value })}
      />
      {needsTarget(step.kind) && (
        <>
          <label for="wm-step-wait">{T.waitMs}</label>
          <input
            id="wm-step-wait"
            inputMode="numeric"
            placeholder={T.defaultWait}
            value={step.wait}
            onInput={(e) => onChange({ wait: e.currentTarget.value })}
          />
        </>
      )}
    </div>
  );
}

export function StepEditor({
  editing,
  languages,
  onPick,
  onChoose,
  onChange,
  onSave,
  onCancel,
}: {
  editing: Editing;
  languages: readonly string[];
  onPick: (button: HTMLButtonElement) => void;
  onChoose: (strategy: OfferedStrategy, chosen: boolean) => void;
  onChange: Change;
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
          target={step.target}
          pick={editing.pick}
          pickId="wm-step-pick"
          onPick={onPick}
          onChoose={onChoose}
        />
      )}
      <StepDetails step={step} onChange={onChange} />
      <TranslatedTexts
        idPrefix="wm-step"
        languages={languages}
        texts={step.locales}
        onChange={(tag, text) => onChange({ locales: { ...step.locales, [tag]: text } })}
      />
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
