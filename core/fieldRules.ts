/**
 * Field rules: data-quality checks a guide attaches to form fields. Values are checked here, in
 * the browser, and only the outcome (empty, invalid) is ever recorded, never the value.
 */
import type { FieldRule, Target } from './guide/schema';

export type FieldProblem = 'empty' | 'invalid';

/** A field rule as the content script receives it for the current page. */
export interface FieldCheck {
  key: string;
  guideId: string;
  guideVersion: number;
  target: Target;
  required: boolean;
  pattern?: string;
  message: string;
}

/** The name a field goes by in usage figures: the rule's id, else what identifies its target. */
export function fieldKeyOf(rule: FieldRule): string {
  const { target } = rule;
  return (
    rule.id ??
    target.label ??
    target.anchor ??
    target.testId ??
    target.name ??
    target.text ??
    target.css ??
    'field'
  ).slice(0, 120);
}

export function fieldProblem(
  check: Pick<FieldCheck, 'required' | 'pattern'>,
  value: string,
): FieldProblem | null {
  if (value.trim() === '') return check.required ? 'empty' : null;
  if (check.pattern !== undefined && !new RegExp(check.pattern).test(value)) return 'invalid';
  return null;
}
