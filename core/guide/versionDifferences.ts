/**
 * What differs between two versions of a guide, as a trainer reads it: steps are matched by their
 * id and field rules by their field, not by their place in the list, so one inserted step reads
 * "step added" rather than "every later step changed"; a setting is named by its path
 * (`rollout.percent`, `advance.on`, `locales.de.body`) with its value before and after.
 *
 * Hand-written rather than taken from a structural diff package: the small ones (microdiff,
 * deep-diff, just-diff) compare arrays index by index, and jsondiffpatch's matching by key comes
 * with text diffing and formatters the dashboard would not use. Guides are plain JSON with two
 * lists of identified items, so the walk below is all it takes.
 */
import type { FieldRule, Guide, Step } from './schema';

/** Where a difference lies: the guide's own settings, one of its steps, one of its field rules. */
export type DifferencePlace =
  { of: 'guide' } | { of: 'step'; step: string; position: number } | { of: 'field'; field: string };

export type GuideDifference =
  /** A setting given, changed or removed; `before` or `after` is undefined when it was not set. */
  | { kind: 'setting'; place: DifferencePlace; path: string; before: unknown; after: unknown }
  | { kind: 'added'; place: DifferencePlace; value: Step | FieldRule }
  | { kind: 'removed'; place: DifferencePlace; value: Step | FieldRule }
  /** A step now at another place among the steps both versions have. */
  | { kind: 'moved'; place: DifferencePlace & { of: 'step' }; from: number };

/** Settings every version differs in, or that are not the guide's content. */
const NOT_COMPARED = new Set(['$schema', 'version', 'steps', 'fields']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves are text, numbers, yes/no and lists of them (roles, cohorts, a picklist). */
const sameLeaf = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

function settingDifferences(
  place: DifferencePlace,
  before: unknown,
  after: unknown,
  path: string[] = [],
): GuideDifference[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => path.length > 0 || !NOT_COMPARED.has(key))
      .flatMap((key) => settingDifferences(place, before[key], after[key], [...path, key]));
  }
  if (sameLeaf(before, after)) return [];
  return [{ kind: 'setting', place, path: path.join('.'), before, after }];
}

/** The longest run of ids both lists have in the same order: the steps that did not move. */
function unmoved(before: string[], after: string[]): Set<string> {
  const longest = before.map(() => after.map(() => 0));
  const at = (i: number, j: number) => longest[i]?.[j] ?? 0;
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      longest[i]![j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < before.length && j < after.length;) {
    if (before[i] === after[j]) {
      kept.add(before[i]!);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return kept;
}

function stepDifferences(before: Step[], after: Step[]): GuideDifference[] {
  const afterIds = new Set(after.map((s) => s.id));
  const beforeIds = before.map((s) => s.id);
  const common = (ids: string[], other: Set<string>) => ids.filter((id) => other.has(id));
  const stayed = unmoved(
    common(beforeIds, afterIds),
    common(
      after.map((s) => s.id),
      new Set(beforeIds),
    ),
  );
  const removed = before.flatMap((step, i): GuideDifference[] =>
    afterIds.has(step.id)
      ? []
      : [{ kind: 'removed', place: { of: 'step', step: step.id, position: i + 1 }, value: step }],
  );
  const kept = after.flatMap((step, i): GuideDifference[] => {
    const place = { of: 'step' as const, step: step.id, position: i + 1 };
    const from = beforeIds.indexOf(step.id);
    if (from < 0) return [{ kind: 'added', place, value: step }];
    const moved: GuideDifference[] = stayed.has(step.id)
      ? []
      : [{ kind: 'moved', place, from: from + 1 }];
    return [...moved, ...settingDifferences(place, before[from], step)];
  });
  return [...removed, ...kept];
}

/** A rule's field as the trainer named it: its id, else what its target reads on the page. */
function fieldName(rule: FieldRule): string {
  const { label, name, text, anchor, testId, css } = rule.target;
  return rule.id ?? label ?? name ?? text ?? anchor ?? testId ?? css ?? rule.page;
}

/** Rules keyed by their field; a second rule for the same field (one required, one format) by its rank. */
function rulesByField(rules: FieldRule[] = []): Map<string, FieldRule> {
  const keyed = new Map<string, FieldRule>();
  for (const rule of rules) {
    const field = `${rule.page} ${rule.id ?? JSON.stringify(rule.target)}`;
    let key = field;
    for (let rank = 2; keyed.has(key); rank++) key = `${field} #${rank}`;
    keyed.set(key, rule);
  }
  return keyed;
}

function fieldDifferences(before?: FieldRule[], after?: FieldRule[]): GuideDifference[] {
  const was = rulesByField(before);
  const now = rulesByField(after);
  const removed = [...was]
    .filter(([key]) => !now.has(key))
    .map(([, rule]): GuideDifference => {
      return { kind: 'removed', place: { of: 'field', field: fieldName(rule) }, value: rule };
    });
  const kept = [...now].flatMap(([key, rule]): GuideDifference[] => {
    const place = { of: 'field' as const, field: fieldName(rule) };
    const old = was.get(key);
    return old ? settingDifferences(place, old, rule) : [{ kind: 'added', place, value: rule }];
  });
  return [...removed, ...kept];
}

/** Every difference from `before` to `after`: the guide's settings, then its steps, then its field rules. */
export function versionDifferences(before: Guide, after: Guide): GuideDifference[] {
  return [
    ...settingDifferences({ of: 'guide' }, before, after),
    ...stepDifferences(before.steps, after.steps),
    ...fieldDifferences(before.fields, after.fields),
  ];
}
