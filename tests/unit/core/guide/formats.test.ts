// @vitest-environment happy-dom
/**
 * Attacks on field rules: a guide's format must not stall the CRM page, and must not let a guide
 * read a value one yes-or-no at a time.
 */
import { describe, expect, it } from 'vitest';
import { aggregateSignals, EMPTY_REPORTED } from '../../../../core/aggregate';
import { fieldKeyOf, fieldProblem, patternOf, type FieldCheck } from '../../../../core/fieldRules';
import { FORMAT_PRESETS } from '../../../../core/guide/formatPresets';
import { matchesFormat, patternProblem } from '../../../../core/guide/formats';
import { guideSchema, type FieldRule } from '../../../../core/guide/schema';
import type { RecordedEvent } from '../../../../core/usage';
import { watchFields } from '../../../../runtime/watchFields';
import { makeGuide } from '../../helpers/guides';

describe('attack: a catastrophic pattern cannot stall the page', () => {
  // With a backtracking engine each of these takes longer than the test's timeout on these
  // inputs (seconds to years); RE2 answers them in time linear in the value.
  const long = 'a'.repeat(10_000);
  it.each([
    ['^(a+)+$', `${long}!`, false],
    ['(a|aa)+$', `${long}!`, false],
    ['(.*a){25}', long, true],
    ['^(a|a?)+$', `${long}b`, false],
    ['^(\\w+\\s?)*$', `${'word '.repeat(2000)}!`, false],
  ])('%s on 10 kB', (pattern, value, expected) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(matchesFormat(pattern, value)).toBe(expected);
  });
});

describe('formats a rule may declare', () => {
  it('presets accept what they name and refuse the rest', () => {
    expect(matchesFormat(FORMAT_PRESETS.email, 'ada@example.com')).toBe(true);
    expect(matchesFormat(FORMAT_PRESETS.email, 'ada at example')).toBe(false);
    expect(matchesFormat(FORMAT_PRESETS.phone, '+49 30 1234-567')).toBe(true);
    expect(matchesFormat(FORMAT_PRESETS.date, '2026-12-04')).toBe(true);
    expect(matchesFormat(FORMAT_PRESETS.number, '12,50')).toBe(true);
    expect(matchesFormat(FORMAT_PRESETS.url, 'https://acme.example/x')).toBe(true);
  });

  it('lookaround and backreferences are refused with a sentence', () => {
    expect(patternProblem('^(?!secret)')).toBe(
      'uses lookaround ((?=, (?!, (?<=, (?<!), which field formats do not support: describe the format the value must have',
    );
    expect(patternProblem('(?<=x)y')).toMatch(/^uses lookaround/);
    expect(patternProblem('(a)\\1')).toBe(
      'uses a backreference, which field formats do not support',
    );
    expect(patternProblem('[')).toBe(
      'is not a pattern field formats can run (missing closing ]: `[`)',
    );
  });

  it('a guide gives a field at most one format, and states it once per rule', () => {
    const rule = (over: Partial<FieldRule>): FieldRule => ({
      target: { label: 'Next Step' },
      page: 'opportunity:record',
      message: 'Fill it in.',
      ...over,
    });
    const parse = (fields: FieldRule[]) =>
      guideSchema.safeParse({ ...makeGuide({}), fields }).error?.issues.map((i) => i.message);
    expect(parse([rule({ format: 'date' }), rule({ required: true })])).toBeUndefined();
    expect(parse([rule({ pattern: '^a' }), rule({ id: 'probe', pattern: '^b' })])).toEqual([
      'fields[0] already gives this field a format; a field has at most one',
    ]);
    expect(parse([rule({ format: 'email', pattern: '^a' })])).toEqual([
      'a rule has one format: format or pattern, not both',
    ]);
    expect(parse([rule({ pattern: '^(?!secret)' })])?.[0]).toMatch(/^uses lookaround/);
  });
});

describe('attack: a guide cannot read a value bit by bit', () => {
  /**
   * Rules written to learn Next Step one character test at a time, naming the one field in
   * different ways so that no two look alike to the guide check. Only the first format counts.
   */
  const probes: FieldRule[] = [
    { target: { label: 'Next Step' }, page: 'p', required: true, message: 'm', format: 'date' },
    ...'abcdefghijklmnopqrstuvwxyz'.split('').map((letter, i): FieldRule => ({
      id: `next-step-${letter}`,
      target:
        i % 2
          ? { css: `#ns:not(.probe-${i})` }
          : { role: 'textbox', name: `Next Step${' '.repeat(i)}` },
      page: 'p',
      message: 'm',
      pattern: `^${letter}`,
    })),
  ];

  it('a pattern probe alone is refused by the guide check', () => {
    const result = guideSchema.safeParse({
      ...makeGuide({}),
      fields: [{ target: { label: 'Next Step' }, page: 'p', message: 'm', pattern: '^(?!secret)' }],
    });
    expect(result.success).toBe(false);
  });

  it('two different secrets give byte-identical batches', () => {
    expect(guideSchema.safeParse({ ...makeGuide({}), fields: probes }).success).toBe(true);
    const batchFor = (secret: string): string => {
      document.body.replaceChildren();
      const label = document.createElement('label');
      label.htmlFor = 'ns';
      label.textContent = 'Next Step';
      const input = document.createElement('input');
      input.id = 'ns';
      input.value = secret;
      const save = document.createElement('button');
      save.name = 'SaveEdit';
      document.body.append(label, input, save);
      // happy-dom lays nothing out; every element counts as shown.
      for (const el of [label, input, save]) {
        el.getBoundingClientRect = () => new DOMRect(0, 0, 100, 20);
      }
      const recorded: RecordedEvent[] = [];
      const control = new AbortController();
      const fields: FieldCheck[] = probes.map((rule) => ({
        key: fieldKeyOf(rule),
        guideId: 'probe',
        guideVersion: 1,
        target: rule.target,
        required: rule.required ?? false,
        ...(patternOf(rule) === undefined ? {} : { pattern: patternOf(rule) }),
        message: rule.message,
      }));
      watchFields(
        {
          page: { crm: 'demo', pageType: 'opportunity:record', path: '/' },
          fields,
          saveSelector: 'button[name=SaveEdit]',
          anchors: {},
          matches: matchesFormat,
        },
        { record: (event) => recorded.push(event), flush: () => undefined },
        document,
        control.signal,
      );
      // The rep's own click (happy-dom marks no event trusted; a browser marks a person's).
      const click = new MouseEvent('click', { bubbles: true, composed: true });
      Object.defineProperty(click, 'isTrusted', { value: true });
      save.dispatchEvent(click);
      control.abort();
      const events = recorded.map((e) => ({ ...e, at: Date.UTC(2026, 11, 4), role: 'rep' }));
      return JSON.stringify(aggregateSignals(events, EMPTY_REPORTED).signals);
    };
    // The two secrets differ in their first letter, which 26 probes ask about.
    const first = batchFor('secret plan for Acme');
    const second = batchFor('private offer to Globex');
    expect(first).toContain('field.invalid');
    expect(first).toBe(second);
  });
});

describe('without the formats engine, only emptiness is judged', () => {
  it('a format is not checked, emptiness is', () => {
    expect(fieldProblem({ required: true, pattern: '^a' }, 'b')).toBeNull();
    expect(fieldProblem({ required: true, pattern: '^a' }, ' ')).toBe('empty');
    expect(fieldProblem({ required: true, pattern: '^a' }, 'b', matchesFormat)).toBe('invalid');
  });
});
