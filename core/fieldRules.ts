/**
 * Field rules: data-quality checks a guide attaches to form fields. Values are checked here, in
 * the browser, and only the outcome (empty, invalid) is ever recorded, never the value.
 */
import { FORMAT_PRESETS } from './guide/formatPresets';
import type { FieldRule, Target } from './guide/schema';

export type FieldProblem = 'empty' | 'invalid';

/** A field rule as the content script receives it for the current page. */
export interface FieldCheck {
  key: string;
  guideId: string;
  guideVersion: number;
  target: Target;
  required: boolean;
  /** The rule's format as a pattern (a preset's, or its own); run with RE2 only. */
  pattern?: string;
  message: string;
}

/** The pattern a rule's format stands for, if it has one. */
export function patternOf(rule: FieldRule): string | undefined {
  return rule.format !== undefined ? FORMAT_PRESETS[rule.format] : rule.pattern;
}

/** Runs a format on a value: `matchesFormat` (RE2) where it is loaded. */
export type FormatMatcher = (pattern: string, value: string) => boolean;

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

/**
 * What is wrong with a value: empty where required, or not in the rule's format. Without a
 * matcher (the formats' engine is not loaded) only emptiness is judged.
 */
export function fieldProblem(
  check: Pick<FieldCheck, 'required' | 'pattern'>,
  value: string,
  matches?: FormatMatcher,
): FieldProblem | null {
  if (value.trim() === '') return check.required ? 'empty' : null;
  if (check.pattern !== undefined && matches && !matches(check.pattern, value)) return 'invalid';
  return null;
}
