/**
 * Field formats: what a field rule may say about a value beyond "empty or not". Formats run with
 * RE2 (re2js), whose time grows linearly with the value, so no pattern a guide brings can stall a
 * CRM page (`^(a+)+$` on 10 kB of `a` answers at once). RE2 has no lookaround and no
 * backreferences, which is also what keeps a rule from probing a value for more than the one
 * format it declares.
 */
import { RE2JS } from 're2js';

/** Longer patterns are not formats but programs. */
export const MAX_PATTERN_LENGTH = 500;

/** Why a custom pattern cannot be used, as a sentence; null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  if (/\(\?<?[=!]/.test(pattern)) {
    return 'uses lookaround ((?=, (?!, (?<=, (?<!), which field formats do not support: describe the format the value must have';
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    return 'uses a backreference, which field formats do not support';
  }
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const reason = String((error as Error).message ?? error).replace(/^error parsing regexp: /, '');
    return `is not a pattern field formats can run (${reason})`;
  }
}

const compiled = new Map<string, RE2JS | null>();

/**
 * Whether a value has a format: found anywhere in it, as `RegExp.test` would (anchor with ^ and $
 * for the whole value). A pattern that does not compile matches nothing checked.
 */
export function matchesFormat(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    compiled.set(pattern, re);
  }
  return re === null ? true : re.test(value);
}
