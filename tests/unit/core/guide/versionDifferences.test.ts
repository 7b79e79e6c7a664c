// Differences between two versions of a guide: steps matched by id, field rules by field, settings
// by path; the version number and the editor's $schema are not content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Guide, Step } from '../../../../core/guide/schema';
import { versionDifferences } from '../../../../core/guide/versionDifferences';

const LOG_A_CALL = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../guides/demo-log-call.json'), 'utf8'),
) as Guide;

type Tooltip = Extract<Step, { kind: 'tooltip' }>;
const [OPEN, SUBJECT, SAVE, DONE] = LOG_A_CALL.steps as [Tooltip, Step, Step, Step];
const withSteps = (...steps: Step[]): Guide => ({ ...LOG_A_CALL, steps });

describe('versionDifferences', () => {
  it('finds none between a version and its copy under another number', () => {
    expect(versionDifferences(LOG_A_CALL, { ...LOG_A_CALL, version: 7, $schema: 'x' })).toEqual([]);
  });

  it("names a step's changed text by the step and the setting, with before and after", () => {
    const edited = withSteps({ ...OPEN, body: 'Log it while it is fresh.' }, SUBJECT, SAVE, DONE);
    expect(versionDifferences(LOG_A_CALL, edited)).toEqual([
      {
        kind: 'setting',
        place: { of: 'step', step: 'open', position: 1 },
        path: 'body',
        before: OPEN.body,
        after: 'Log it while it is fresh.',
      },
    ]);
  });

  it('reads an inserted step as one step added, not every later step changed', () => {
    const check: Step = { id: 'check', kind: 'modal', title: 'Check the date' };
    const differences = versionDifferences(LOG_A_CALL, withSteps(OPEN, check, SUBJECT, SAVE, DONE));
    expect(differences).toEqual([
      { kind: 'added', place: { of: 'step', step: 'check', position: 2 }, value: check },
    ]);
  });

  it('reads a removed step and a moved one, the others staying where they were', () => {
    const differences = versionDifferences(LOG_A_CALL, withSteps(OPEN, SAVE, SUBJECT));
    expect(differences).toEqual([
      { kind: 'removed', place: { of: 'step', step: 'done', position: 4 }, value: DONE },
      { kind: 'moved', place: { of: 'step', step: 'subject', position: 3 }, from: 2 },
    ]);
  });

  it('names nested settings by their path: launch, rollout, a target, a locale', () => {
    const after: Guide = {
      ...LOG_A_CALL,
      launch: { mode: 'manual', once: true },
      rollout: { percent: 50, cohorts: ['pilot'] },
      roles: ['rep'],
      steps: [
        {
          ...OPEN,
          target: { ...OPEN.target, text: 'Log call' },
          locales: { de: { body: 'Jeder Anruf zählt.' } },
        },
        SUBJECT,
        SAVE,
        DONE,
      ],
    };
    const where = versionDifferences(LOG_A_CALL, after).map((d) =>
      d.kind === 'setting' ? [d.place.of, d.path, d.before, d.after] : d.kind,
    );
    expect(where).toEqual([
      ['guide', 'roles', ['rep', 'manager'], ['rep']],
      ['guide', 'launch.mode', 'auto', 'manual'],
      ['guide', 'rollout', undefined, { percent: 50, cohorts: ['pilot'] }],
      ['step', 'target.text', 'Log a Call', 'Log call'],
      ['step', 'locales', undefined, { de: { body: 'Jeder Anruf zählt.' } }],
    ]);
  });

  it('matches field rules by their field, a second rule for the same field by its rank', () => {
    const page = 'opportunity:record';
    const nextStep = { target: { label: 'Next Step' }, page, message: 'Add a next step.' };
    const before: Guide = { ...LOG_A_CALL, fields: [{ ...nextStep, required: true }] };
    const after: Guide = {
      ...LOG_A_CALL,
      fields: [
        { id: 'amount', target: { label: 'Amount' }, page, message: 'A number.', format: 'number' },
        { ...nextStep, required: true, message: 'Deals without a next step stall.' },
        { ...nextStep, format: 'date' },
      ],
    };
    expect(
      versionDifferences(before, after).map((d) => [
        d.kind,
        d.place.of === 'field' && d.place.field,
        d.kind === 'setting' && d.path,
      ]),
    ).toEqual([
      ['added', 'amount', false],
      ['setting', 'Next Step', 'message'],
      ['added', 'Next Step', false],
    ]);
  });
});
