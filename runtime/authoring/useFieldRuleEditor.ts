/**
 * The field rule the trainer is writing or changing: the field picked on the page (as for a
 * step's element), the form it belongs to, and what the field must hold.
 */
import { useState } from 'preact/hooks';
import type { DraftFieldRule } from './draft';
import { T } from './panelText';
import { chooseStrategy, keptPick, NOTHING_PICKED, type OfferedStrategy } from './targetChoice';
import type { TargetPick } from './targetChoice';
import type { TargetTools } from './targetTools';
import type { DraftGuide } from './useDraftGuide';

export interface RuleEditing {
  rule: DraftFieldRule;
  /** Index in the draft, or -1 for a new rule. */
  index: number;
  pick: TargetPick;
}

/** Why a rule cannot be saved yet, or null. */
function ruleProblem(rule: DraftFieldRule): string | null {
  if (!rule.target) return T.needsField;
  if (!rule.message.trim()) return T.needsTip;
  return !rule.required && !rule.format ? T.needsRequirement : null;
}

export function useFieldRuleEditor(pageType: string, tools: TargetTools, guide: DraftGuide) {
  const [editing, setEditing] = useState<RuleEditing | null>(null);
  const [problem, setProblem] = useState('');

  return {
    editing,
    problem,
    newRule: () => {
      setProblem('');
      setEditing({
        index: -1,
        pick: NOTHING_PICKED,
        rule: {
          id: '',
          page: pageType,
          required: true,
          format: '',
          pattern: '',
          picklist: '',
          message: '',
        },
      });
    },
    edit: (index: number, rule: DraftFieldRule) => {
      setProblem('');
      setEditing({ index, rule, pick: keptPick(rule.target) });
    },
    change: (change: Partial<DraftFieldRule>) =>
      setEditing((e) => (e ? { ...e, rule: { ...e.rule, ...change } } : e)),
    targetPicked: (el: Element) => {
      const { pick, target } = tools.picked(el);
      setEditing((e) => (e ? { ...e, pick, rule: { ...e.rule, target } } : e));
    },
    chooseStrategy: (strategy: OfferedStrategy, chosen: boolean) => {
      if (!editing) return;
      const { pick, target } = chooseStrategy(
        editing.pick,
        editing.rule.target,
        strategy,
        chosen,
        tools.checkTarget,
      );
      setEditing({ ...editing, pick, rule: { ...editing.rule, target } });
    },
    save: () => {
      if (!editing) return;
      const found = ruleProblem(editing.rule);
      setProblem(found ?? '');
      if (found) return;
      guide.putFieldRule(editing.rule, editing.index);
      setEditing(null);
    },
    close: () => setEditing(null),
  };
}

export type FieldRuleEditor = ReturnType<typeof useFieldRuleEditor>;
