/**
 * Which strategies of a picked element's proposal the trainer keeps: the panel offers each one
 * the proposal has, and the target of the step (or field rule) is the chosen part of it.
 */
import type { Target } from '../../core/guide/schema';
import type { ProposalCheck } from './proposeTarget';

/** The strategies the panel offers, in the order it lists them. */
export const OFFERED_STRATEGIES = ['anchor', 'testId', 'role', 'label', 'text', 'css'] as const;
export type OfferedStrategy = (typeof OFFERED_STRATEGIES)[number];

export function chosenTarget(proposal: Target, use: Set<OfferedStrategy>): Target {
  const target: Target = {};
  if (use.has('anchor') && proposal.anchor) target.anchor = proposal.anchor;
  if (use.has('testId') && proposal.testId) target.testId = proposal.testId;
  if (use.has('role') && proposal.role) {
    target.role = proposal.role;
    if (proposal.name) target.name = proposal.name;
  }
  if (use.has('label') && proposal.label) target.label = proposal.label;
  if (use.has('text') && proposal.text) target.text = proposal.text;
  if (use.has('css') && proposal.css) target.css = proposal.css;
  if (proposal.frame) target.frame = proposal.frame;
  return target;
}

export function strategiesOf(target: Target | undefined): Set<OfferedStrategy> {
  const use = new Set<OfferedStrategy>();
  if (!target) return use;
  for (const key of OFFERED_STRATEGIES) {
    if (target[key]) use.add(key);
  }
  return use;
}

/** What the trainer picked for a step or a field rule, beside the target it keeps. */
export interface TargetPick {
  /** The whole proposal for the picked element; the kept target is the chosen part of it. */
  proposal: Target | null;
  picked: Element | null;
  check: ProposalCheck | null;
}

/** Checks a target against the picked element on this page. */
export type CheckTarget = (target: Target, picked: Element) => ProposalCheck;

export const NOTHING_PICKED: TargetPick = { proposal: null, picked: null, check: null };

/** What an opened step or rule already has: its target, as the proposal to choose from. */
export function keptPick(target: Target | undefined): TargetPick {
  return { ...NOTHING_PICKED, proposal: target ?? null };
}

/** One strategy kept or dropped: the target it leaves, and what that finds on this page. */
export function chooseStrategy(
  pick: TargetPick,
  target: Target | undefined,
  strategy: OfferedStrategy,
  chosen: boolean,
  checkTarget: CheckTarget,
): { pick: TargetPick; target: Target | undefined } {
  const next = strategiesOf(target);
  if (chosen) next.add(strategy);
  else next.delete(strategy);
  const kept = chosenTarget(pick.proposal ?? {}, next);
  return {
    target: next.size > 0 ? kept : undefined,
    pick: {
      ...pick,
      check: pick.picked && next.size > 0 ? checkTarget(kept, pick.picked) : pick.check,
    },
  };
}
