/**
 * Targets for the page the panel is on: the proposal for a picked element, and what a target finds
 * here. Shared by the step editor and the field rule editor.
 */
import { anchorAttributeSelector } from '../../core/adapters/ids';
import type { Target } from '../../core/guide/schema';
import type { AuthorContext } from '../../core/messages';
import { checkProposal, proposeTarget } from './proposeTarget';
import type { CheckTarget, TargetPick } from './targetChoice';

export function targetTools(context: AuthorContext, doc: Document) {
  const anchorSelector = (anchor: string) =>
    anchorAttributeSelector(context.anchorAttributes, anchor);
  const checkTarget: CheckTarget = (target, picked) =>
    checkProposal(target, picked, anchorSelector, doc);
  return {
    checkTarget,
    /** The element picked: every strategy proposed for it, all kept at first. */
    picked(el: Element): { pick: TargetPick; target: Target } {
      const proposal = proposeTarget(el, context.anchorAttributes, doc);
      return { target: proposal, pick: { proposal, picked: el, check: checkTarget(proposal, el) } };
    },
  };
}

export type TargetTools = ReturnType<typeof targetTools>;
