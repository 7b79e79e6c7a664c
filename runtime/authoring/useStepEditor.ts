/**
 * The step the trainer is writing or changing: its words and settings, and for steps drawn at an
 * element, the element picked, every strategy proposed for it, which of them the target keeps and
 * what those find on this page.
 */
import { useState } from 'preact/hooks';
import type { GuideIssue } from '../../core/messages';
import { blankStep, needsTarget, startPage, type DraftStep } from './draft';
import { T } from './panelText';
import { chooseStrategy, keptPick, NOTHING_PICKED, type OfferedStrategy } from './targetChoice';
import type { TargetPick } from './targetChoice';
import type { TargetTools } from './targetTools';
import type { DraftGuide } from './useDraftGuide';

export interface Editing {
  step: DraftStep;
  /** Index in the draft, or -1 for a new step. */
  index: number;
  pick: TargetPick;
}

/** Why a step cannot be saved yet, or null. */
function stepProblem(step: DraftStep): string | null {
  if (needsTarget(step.kind) && !step.target) return T.needsTarget;
  if (step.kind === 'survey') return step.question.trim() ? null : T.needsQuestion;
  return !step.title.trim() && !step.body.trim() ? T.needsText : null;
}

export function useStepEditor(
  pageType: string,
  tools: TargetTools,
  guide: DraftGuide,
  report: (problems: GuideIssue[]) => void,
) {
  const [editing, setEditing] = useState<Editing | null>(null);

  const save = () => {
    if (!editing) return;
    const { step, index } = editing;
    const problem = stepProblem(step);
    if (problem) {
      report([
        { path: `steps[${index < 0 ? guide.draft.steps.length : index}]`, message: problem },
      ]);
      return;
    }
    guide.putStep(step, index);
    setEditing(null);
    report([]);
  };

  return {
    editing,
    newStep: () => {
      report([]);
      setEditing({
        index: -1,
        pick: NOTHING_PICKED,
        step: blankStep(pageType, startPage(guide.draft)),
      });
    },
    edit: (index: number, step: DraftStep) =>
      setEditing({ index, step, pick: keptPick(step.target) }),
    change: (change: Partial<DraftStep>) =>
      setEditing((e) => (e ? { ...e, step: { ...e.step, ...change } } : e)),
    targetPicked: (el: Element) => {
      const { pick, target } = tools.picked(el);
      setEditing((e) => (e ? { ...e, pick, step: { ...e.step, target } } : e));
    },
    chooseStrategy: (strategy: OfferedStrategy, chosen: boolean) => {
      if (!editing) return;
      const { pick, target } = chooseStrategy(
        editing.pick,
        editing.step.target,
        strategy,
        chosen,
        tools.checkTarget,
      );
      setEditing({ ...editing, pick, step: { ...editing.step, target } });
    },
    save,
    close: () => setEditing(null),
  };
}
