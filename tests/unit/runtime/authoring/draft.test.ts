/** Authoring: the draft as a guide file, and every guide the browser has as a draft. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../../../core/guide/schema';
import {
  blankStep,
  draftOf,
  emptyDraft,
  guideOf,
  slugOf,
  stepIdFor,
  type Draft,
  type DraftStep,
} from '../../../../runtime/authoring/draft';

const step = (over: Partial<DraftStep>): DraftStep => ({ ...blankStep('', ''), id: 's', ...over });

describe('the draft as a guide file', () => {
  const draft: Draft = {
    ...emptyDraft('demo', 'opportunity:edit', 'trainer'),
    id: 'next-step',
    title: 'Next step',
    steps: [
      step({
        id: 'field',
        kind: 'fieldTip',
        body: 'Write the next action.',
        advance: 'input',
        target: { label: 'Next Step' },
      }),
      step({
        id: 'done',
        kind: 'modal',
        title: 'Done',
        placement: 'top',
        target: { label: 'ignored' },
        page: 'opportunity:record',
      }),
    ],
  };

  it('writes a valid guide: empty texts, default placement and a modal target are left out', () => {
    const guide = guideOf(draft);
    expect(guideSchema.safeParse(guide).success).toBe(true);
    expect(guide.steps).toEqual([
      {
        id: 'field',
        kind: 'fieldTip',
        target: { label: 'Next Step' },
        body: 'Write the next action.',
        advance: { on: 'input' },
      },
      // Written on another page: the step says which.
      {
        id: 'done',
        kind: 'modal',
        title: 'Done',
        page: 'opportunity:record',
        advance: { on: 'next' },
      },
    ]);
    expect(guide.match).toEqual({ page: 'opportunity:edit' });
    expect(guide.launch).toEqual({ mode: 'manual', once: true });
    expect(guide).not.toHaveProperty('rollout');
    expect(guide).not.toHaveProperty('fields');
  });

  it('writes surveys, translations, launch, rollout and field rules as the format has them', () => {
    const guide = guideOf({
      ...draft,
      pages: 'opportunity:edit\nopportunity:record',
      launchMode: 'auto',
      launchOnce: false,
      checklist: false,
      rollout: {
        limited: true,
        cohorts: 'pilot, east',
        percent: 50,
        from: '2026-12-01',
        until: '',
      },
      languages: ['de', 'fr'],
      locales: { de: { title: 'Nächster Schritt', body: '' }, fr: { title: '', body: '' } },
      steps: [
        step({
          id: 'rate',
          kind: 'survey',
          question: ' How useful was this? ',
          scale: '0-10',
          target: { label: 'dropped: a survey has no target' },
          locales: { de: { title: '', body: 'Wie hilfreich?' } },
          wait: '2500',
        }),
      ],
      fields: [
        {
          id: '',
          target: { label: 'Email' },
          page: 'contact:edit',
          required: true,
          format: 'email',
          pattern: 'kept aside while a preset is chosen',
          picklist: '',
          message: 'Add an e-mail address.',
        },
      ],
    });
    expect(guideSchema.safeParse(guide).success).toBe(true);
    expect(guide).toMatchObject({
      match: { page: ['opportunity:edit', 'opportunity:record'] },
      launch: { mode: 'auto', once: false },
      rollout: { cohorts: ['pilot', 'east'], percent: 50, from: '2026-12-01' },
      checklist: false,
      locales: { de: { title: 'Nächster Schritt' } },
      steps: [
        {
          id: 'rate',
          kind: 'survey',
          question: 'How useful was this?',
          scale: '0-10',
          wait: 2500,
          locales: { de: { body: 'Wie hilfreich?' } },
        },
      ],
      fields: [
        {
          target: { label: 'Email' },
          page: 'contact:edit',
          required: true,
          format: 'email',
          message: 'Add an e-mail address.',
        },
      ],
    });
    expect(guide.steps).not.toContainEqual(expect.objectContaining({ target: expect.anything() }));
    expect((guide.fields as object[])[0]).not.toHaveProperty('pattern');
  });

  it('leaves a mistyped number for the guide check to name, instead of dropping it', () => {
    const guide = guideOf({ ...draft, steps: [step({ kind: 'modal', title: 'T', wait: '2s' })] });
    const result = guideSchema.safeParse(guide);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('steps.0.wait');
  });

  it('makes ids from what the trainer typed, unique within the guide', () => {
    expect(slugOf('  Log a Call — now!  ')).toBe('log-a-call-now');
    expect(stepIdFor(draft, 'Field')).toBe('field-2');
    expect(stepIdFor(draft, 'Field', draft.steps[0])).toBe('field');
    expect(stepIdFor(draft, '!!!')).toBe('step');
  });
});

describe('a guide opened for editing', () => {
  const dirs = ['guides', 'tests/conformance/guides'];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'guide.schema.json')
      .map((f) => join(dir, f)),
  );

  it('finds guides to open', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files)('%s comes back out whole, as its next version', (file) => {
    const guide = guideSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const draft = draftOf(guide);
    expect(draft.version).toBe(guide.version + 1);
    const written = guideSchema.parse(guideOf(draft));
    // A list of one page type and that page type alone say the same; the draft writes the latter.
    const page = guide.match.page;
    const onePage =
      Array.isArray(page) && page.length === 1 ? { match: { ...guide.match, page: page[0] } } : {};
    expect(written).toEqual({
      ...guide,
      ...onePage,
      version: guide.version + 1,
      $schema: written.$schema,
    });
  });
});
