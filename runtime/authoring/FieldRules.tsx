/**
 * The guide's field rules: the fields a form must have filled (or filled in a format), each with
 * the tip shown while it is not. Values are checked in the rep's browser and never leave it.
 */
import { FORMAT_PRESET_NAMES } from '../../core/guide/formatPresets';
import type { DraftFieldRule } from './draft';
import { T } from './panelText';
import { TargetEditor } from './TargetEditor';
import type { FieldRuleEditor } from './useFieldRuleEditor';

/** What names the field in the list: its id, else what finds it. */
function fieldName(rule: DraftFieldRule): string {
  const t = rule.target;
  return rule.id || t?.label || t?.name || t?.anchor || t?.testId || t?.text || t?.css || '?';
}

function RuleForm({
  editor,
  onPick,
}: {
  editor: FieldRuleEditor;
  onPick: (button: HTMLButtonElement) => void;
}) {
  const { editing, change } = editor;
  if (!editing) return null;
  const { rule } = editing;
  return (
    <fieldset class="wm-author-editor">
      <legend>{editing.index < 0 ? T.newRule : T.rule(editing.index + 1)}</legend>
      <TargetEditor
        target={rule.target}
        pick={editing.pick}
        pickId="wm-rule-pick"
        pickLabel={T.pickField}
        onPick={onPick}
        onChoose={editor.chooseStrategy}
      />
      <div class="wm-author-grid">
        <label for="wm-rule-page">{T.formPage}</label>
        <input
          id="wm-rule-page"
          value={rule.page}
          onInput={(e) => change({ page: e.currentTarget.value })}
        />
        <label for="wm-rule-format">{T.format}</label>
        <select
          id="wm-rule-format"
          value={rule.format}
          onChange={(e) => change({ format: e.currentTarget.value as DraftFieldRule['format'] })}
        >
          <option value="">{T.noFormat}</option>
          {FORMAT_PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value="pattern">{T.customPattern}</option>
        </select>
        {rule.format === 'pattern' && (
          <>
            <label for="wm-rule-pattern">{T.pattern}</label>
            <input
              id="wm-rule-pattern"
              value={rule.pattern}
              onInput={(e) => change({ pattern: e.currentTarget.value })}
            />
          </>
        )}
        <label for="wm-rule-message">{T.tip}</label>
        <textarea
          id="wm-rule-message"
          rows={2}
          value={rule.message}
          onInput={(e) => change({ message: e.currentTarget.value })}
        />
        <label for="wm-rule-picklist">{T.suggestions}</label>
        <textarea
          id="wm-rule-picklist"
          rows={2}
          value={rule.picklist}
          onInput={(e) => change({ picklist: e.currentTarget.value })}
        />
        <label for="wm-rule-id">{T.ruleId}</label>
        <input
          id="wm-rule-id"
          value={rule.id}
          placeholder={T.ruleIdDefault}
          onInput={(e) => change({ id: e.currentTarget.value })}
        />
      </div>
      <label class="wm-author-check">
        <input
          type="checkbox"
          checked={rule.required}
          onChange={(e) => change({ required: e.currentTarget.checked })}
        />{' '}
        {T.required}
      </label>
      {editor.problem && (
        <p class="wm-author-problem" role="alert">
          {editor.problem}
        </p>
      )}
      <div class="wm-foot">
        <button type="button" class="wm-primary" onClick={editor.save}>
          {T.saveRule}
        </button>
        <button type="button" onClick={editor.close}>
          {T.cancel}
        </button>
      </div>
    </fieldset>
  );
}

export function FieldRules({
  rules,
  editor,
  onPick,
  onDelete,
}: {
  rules: DraftFieldRule[];
  editor: FieldRuleEditor;
  onPick: (button: HTMLButtonElement) => void;
  onDelete: (index: number) => void;
}) {
  return (
    <details class="wm-author-more" open={rules.length > 0 || editor.editing !== null}>
      <summary>{T.fieldRules}</summary>
      {rules.length === 0 ? (
        <p class="wm-author-note">{T.noRules}</p>
      ) : (
        <ol class="wm-author-steps" aria-label={T.fieldRules}>
          {rules.map((rule, i) => (
            <li key={`${i}-${fieldName(rule)}`}>
              <span class="wm-author-step">
                {fieldName(rule)}: {rule.required ? T.required : ''}{' '}
                {rule.format === 'pattern' ? T.customPattern : rule.format}
              </span>
              <span class="wm-author-actions">
                <button
                  type="button"
                  aria-label={T.editRule(i + 1)}
                  onClick={() => editor.edit(i, rule)}
                >
                  {T.edit}
                </button>
                <button type="button" aria-label={T.deleteRule(i + 1)} onClick={() => onDelete(i)}>
                  {T.delete}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {editor.editing ? (
        <RuleForm editor={editor} onPick={onPick} />
      ) : (
        <button type="button" onClick={editor.newRule}>
          {T.addRule}
        </button>
      )}
    </details>
  );
}
