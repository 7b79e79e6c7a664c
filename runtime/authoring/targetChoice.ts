/**
 * Which strategies of a picked element's proposal the trainer keeps: the panel offers each one
 * the proposal has, and the step's target is the chosen part of the proposal.
 */
import type { Target } from '../../core/guide/schema';

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
