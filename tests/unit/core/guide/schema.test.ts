import { describe, expect, it } from 'vitest';
import { checkGuideFiles } from '../../../../core/guide/checkGuides';
import { canonicalGuideText, formatProblem, parseGuideText } from '../../../../core/guide/problems';
import { guideSchema, STEP_KINDS, type GuideInput } from '../../../../core/guide/schema';

const valid: GuideInput = {
  schemaVersion: 1,
  id: 'x',
  version: 1,
  title: 'Log a call',
  roles: ['rep'],
  crm: 'salesforce',
  match: { page: 'Opportunity:record' },
  steps: [
    { id: 'open', kind: 'tooltip', target: { anchor: 'a' }, advance: { on: 'click' } },
    { id: 'done', kind: 'modal', title: 'Done' },
  ],
};

function problemsOf(guide: unknown, file = 'guides/x.json'): string[] {
  return checkGuideFiles([{ file, text: canonicalGuideText(guide) }]).problems.map(formatProblem);
}

describe('guide schema', () => {
  it('accepts a complete guide and fills defaults', () => {
    const guide = guideSchema.parse(valid);
    expect(guide.launch).toEqual({ mode: 'manual', once: true });
    expect(guide.checklist).toBe(true);
  });

  it('accepts every step kind and every advance trigger', () => {
    const steps = STEP_KINDS.map((kind, i) =>
      kind === 'modal'
        ? { id: `s${i}`, kind, title: 'T' }
        : kind === 'survey'
          ? { id: `s${i}`, kind, question: 'Useful?', scale: '0-10' }
          : { id: `s${i}`, kind, target: { label: 'Subject' }, advance: { on: 'input' } },
    );
    expect(guideSchema.safeParse({ ...valid, steps }).success).toBe(true);
    for (const on of ['next', 'click', 'input', 'change', 'visible', 'route']) {
      const step = { id: 'a', kind: 'tooltip', target: { css: 'b' }, advance: { on } };
      expect(guideSchema.safeParse({ ...valid, steps: [step] }).success, on).toBe(true);
    }
  });

  it('names the file, the JSON path and the allowed values for a misspelt trigger', () => {
    const guide = structuredClone(valid) as { steps: { advance?: { on: string } }[] };
    guide.steps[0]!.advance = { on: 'clik' };
    expect(problemsOf(guide)).toEqual([
      'guides/x.json steps[0].advance.on: expected one of next, click, input, change, visible, route — got "clik"',
    ]);
  });

  it('reports unknown kinds, missing fields, unknown fields and bad dates in plain words', () => {
    const guide = {
      ...valid,
      title: undefined,
      roles: [],
      rollout: { from: '2026-13-01' },
      steps: [
        { id: 'a', kind: 'tooltp' },
        { id: 'b', kind: 'modal', extra: 1 },
      ],
    };
    expect(problemsOf(guide)).toEqual(
      expect.arrayContaining([
        'guides/x.json title: is required',
        'guides/x.json roles: needs at least 1 item',
        'guides/x.json rollout.from: expected a date as YYYY-MM-DD — got "2026-13-01"',
        'guides/x.json steps[0].kind: expected one of tooltip, spotlight, hotspot, modal, fieldTip, survey — got "tooltp"',
        'guides/x.json steps[1]: unknown field "extra"',
      ]),
    );
  });

  it('refuses a trigger that needs a target on a step without one', () => {
    const guide = { ...valid, steps: [{ id: 'm', kind: 'modal', advance: { on: 'click' } }] };
    expect(problemsOf(guide)).toEqual([
      'guides/x.json steps[0].advance.on: "click" needs a target, and a modal step has none',
    ]);
  });

  it('refuses duplicate step ids, empty targets, bad patterns and an inverted rollout window', () => {
    const guide = {
      ...valid,
      rollout: { from: '2026-12-01', until: '2026-11-01' },
      steps: [
        { id: 'a', kind: 'modal' },
        { id: 'a', kind: 'tooltip', target: {} },
      ],
      fields: [{ target: { label: 'Amount' }, page: 'x', pattern: '([', message: 'Numbers only' }],
    };
    expect(problemsOf(guide)).toEqual(
      expect.arrayContaining([
        'guides/x.json steps[1].target: a target needs at least one of anchor, testId, css, role, label or text',
        'guides/x.json steps[1].id: step id "a" is used twice',
        'guides/x.json fields[0].pattern: is not a pattern field formats can run (missing closing ]: `[`)',
        'guides/x.json rollout.until: is before rollout.from',
      ]),
    );
  });

  it('reports broken JSON, non-canonical layout, duplicate ids across files and misnamed files', () => {
    expect(parseGuideText('a.json', '{"id":').problems[0]?.message).toMatch(/^is not valid JSON/);
    const text = canonicalGuideText(valid);
    const { problems } = checkGuideFiles([
      { file: 'g/x.json', text },
      { file: 'g/y.json', text: JSON.stringify(valid) },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'g/y.json id: "x" is already the id of g/x.json',
      'g/y.json id: "x" differs from the file name; name the file x.json',
      'g/y.json: is not in canonical layout (two-space JSON, final newline); run npm run guides:check -- --fix',
    ]);
  });
});
