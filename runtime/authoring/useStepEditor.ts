/**
 * The step the trainer is writing or changing: its words and settings, and for steps drawn at an
 * element, the element picked, every strategy proposed for it, which of them the target keeps and
 * what those find on this page.
 */
import { useState } from 'preact/hooks';
import { anchorAttributeSelector } from '../../core/adapters/ids';
import type { Target } from '../../core/guide/schema';
import type { AuthorContext, GuideIssue } from '../../core/messages';
import { needsTarget, type DraftStep } from './draft';
import { T } from './panelText';
import { checkProposal, proposeTarget, type ProposalCheck } from './proposeTarget';
import { chosenTarget, strategiesOf, type OfferedStrategy } from './targetChoice';
import type { DraftGuide } from './useDraftGuide';

export interface Editing {
  step: DraftStep;
  /** Index in the draft, or -1 for a new step. */
  index: number;
  /** The whole proposal for the picked element; `step.target` is the chosen part of it. */
  proposal: Target | null;
  picked: Element | null;
  check: ProposalCheck | null;
}

/** Why a step cannot be saved yet, or null. */
function stepProblem(step: DraftStep): string | null {
  return needsTarget(step.kind) && !step.target
    ? T.needsTarget
    : !step.title.trim() && !step.body.trim()
      ? T.needsText
      : null;
}

/** A new step as the editor starts it, on the page the trainer is on. */
function blankStep(page: string): DraftStep {
  return {
    id: '',
    kind: 'tooltip',
    title: '',
    body: '',
    placement: 'auto',
    advance: 'next',
    page,
  };
}

export function useStepEditor(
  context: AuthorContext,
  doc: Document,
  guide: DraftGuide,
  report: (problems: GuideIssue[]) => void,
) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const anchorSelector = (anchor: string) =>
    anchorAttributeSelector(context.anchorAttributes, anchor);

  const newStep = () => {
    report([]);
    setEditing({
      index: -1,
      proposal: null,
      picked: null,
      check: null,
      step: blankStep(context.pageType),
    });
  };

  const targetPicked = (el: Element) => {
    const proposal = proposeTarget(el, context.anchorAttributes, doc);
    setEditing((e) =>
      e
        ? {
            ...e,
            proposal,
            picked: el,
            step: { ...e.step, target: proposal },
            check: checkProposal(proposal, el, anchorSelector, doc),
          }
        : e,
    );
  };

  const chooseStrategy = (strategy: OfferedStrategy, chosen: boolean) => {
    if (!editing) return;
    const next = strategiesOf(editing.step.target);
    if (chosen) next.add(strategy);
    else next.delete(strategy);
    const target = chosenTarget(editing.proposal as Target, next);
    setEditing({
      ...editing,
      step: { ...editing.step, target: next.size > 0 ? target : undefined },
      check:
        editing.picked && next.size > 0
          ? checkProposal(target, editing.picked, anchorSelector, doc)
          : editing.check,
    });
  };

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
    newStep,
    edit: (index: number, step: DraftStep) =>
      setEditing({ index, step, proposal: step.target ?? null, picked: null, check: null }),
    change: (change: Partial<DraftStep>) =>
      setEditing((e) => (e ? { ...e, step: { ...e.step, ...change } } : e)),
    targetPicked,
    chooseStrategy,
    save,
    close: () => setEditing(null),
  };
}
