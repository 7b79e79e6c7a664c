// Differences between guide versions as the dashboard words them: where, what, before → after.
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../../core/i18n';
import type { GuideDifference } from '../../../../core/guide/versionDifferences';
import { differenceInWords, settingName } from '../../../../components/dashboard/differenceWords';

const EN = messagesFor('en').guideLibrary;
const DE = messagesFor('de').guideLibrary;
const STEP = { of: 'step', step: 'open', position: 1 } as const;

describe('differenceInWords', () => {
  it("says which step's text changed, with the text before and after as it was written", () => {
    const changed: GuideDifference = {
      kind: 'setting',
      place: STEP,
      path: 'body',
      before: 'Every call you log keeps the **forecast** honest.',
      after: '<b>Log it</b> while it is fresh.',
    };
    expect(differenceInWords(changed, EN)).toEqual({
      what: 'Step 1 “open” — Text changed',
      before: 'Every call you log keeps the **forecast** honest.',
      after: '<b>Log it</b> while it is fresh.',
    });
    expect(differenceInWords(changed, DE).what).toBe('Schritt 1 „open“ — Text geändert');
  });

  it('words settings of the guide: rollout given, launch changed, yes and no, lists', () => {
    const rollout: GuideDifference = {
      kind: 'setting',
      place: { of: 'guide' },
      path: 'rollout',
      before: undefined,
      after: { percent: 50, cohorts: ['pilot', 'emea'] },
    };
    expect(differenceInWords(rollout, EN)).toEqual({
      what: 'Guide — Rollout added',
      after: 'Rollout: share of users: 50\nRollout: cohorts: pilot, emea',
    });
    const once: GuideDifference = {
      kind: 'setting',
      place: { of: 'guide' },
      path: 'launch.once',
      before: true,
      after: false,
    };
    expect(differenceInWords(once, EN)).toEqual({
      what: 'Guide — Launch: only once changed',
      before: 'yes',
      after: 'no',
    });
  });

  it('words a removed field rule, an added step one setting a line, and a moved step', () => {
    expect(
      differenceInWords(
        {
          kind: 'removed',
          place: { of: 'field', field: 'Next Step' },
          value: {
            target: { label: 'Next Step' },
            page: 'opportunity:record',
            message: 'Add one.',
          },
        },
        EN,
      ),
    ).toEqual({
      what: 'Field rule “Next Step” removed',
      before: 'Target: label: Next Step\nPage: opportunity:record\nTip: Add one.',
    });
    expect(
      differenceInWords(
        {
          kind: 'added',
          place: { of: 'step', step: 'check', position: 2 },
          value: { id: 'check', kind: 'modal', title: 'Check the date', advance: { on: 'next' } },
        },
        EN,
      ),
    ).toEqual({
      what: 'Step 2 “check” added',
      after: 'Id: check\nKind of step: modal\nTitle: Check the date\nAdvances on: next',
    });
    expect(differenceInWords({ kind: 'moved', place: STEP, from: 3 }, EN)).toEqual({
      what: 'Step 1 “open” moved (it was step 3)',
    });
  });

  it('names a setting in a locale by its name and the locale, an unknown one by its path', () => {
    expect(settingName('locales.de.body', EN)).toBe('Text (de)');
    expect(settingName('target.frame', EN)).toBe('target.frame');
    expect(settingName('toString', EN)).toBe('toString');
  });
});
