// Waymark's own words: every language has every string English has, with the same parameters,
// and a browser's language tag picks the closest catalog.
import { describe, expect, it } from 'vitest';
import * as de from '../../../../core/i18n/de';
import * as en from '../../../../core/i18n/en';
import {
  formatTag,
  LOCALES,
  messagesFor,
  resolveLocale,
  type Locale,
  type Messages,
} from '../../../../core/i18n';
import { authorMessages, pageMessages } from '../../../../core/i18n/inPage';
import { figureFormat } from '../../../../components/snapshot/format';

const CATALOGS: Record<Locale, Record<string, unknown>> = { en, de };

/** Every entry as [path, value], one level of groups deep. */
function entries(catalog: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? entries(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** Arguments no message would write by itself: each must show up in the text if it is used. */
const SAMPLES = [937, 941, 947, 953];

function call(fn: unknown, args: number[]): string {
  return (fn as (...a: number[]) => string)(...args);
}

/** Which of a message's parameters appear in its text. */
function usedParameters(fn: unknown): number[] {
  const arity = (fn as () => string).length;
  const args = SAMPLES.slice(0, arity);
  const text = call(fn, args);
  return args.flatMap((arg, i) => (text.includes(String(arg)) ? [i] : []));
}

describe('catalogs', () => {
  const english = new Map(entries(en));

  it('lists English first, as the fallback', () => {
    expect(LOCALES[0]).toBe('en');
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALES].sort());
  });

  it('English has no empty string, and every message uses each of its parameters', () => {
    for (const [path, value] of english) {
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('');
      else {
        expect(typeof value, path).toBe('function');
        const arity = (value as () => string).length;
        expect(usedParameters(value), path).toEqual(SAMPLES.slice(0, arity).map((_, i) => i));
      }
    }
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalog = new Map(entries(CATALOGS[locale]));

      it('has exactly the areas and keys of English', () => {
        expect(Object.keys(CATALOGS[locale]).sort()).toEqual(Object.keys(en).sort());
        expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('has no empty string, and each message is a string or a function as in English', () => {
        for (const [path, value] of catalog) {
          const source = english.get(path);
          expect(typeof value, path).toBe(typeof source);
          const text = typeof value === 'string' ? value : call(value, [1, 1, 1, 1]);
          expect(text.trim(), path).not.toBe('');
        }
      });

      it('keeps the {placeholders} of English, where elements go in a sentence', () => {
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const [path, value] of catalog) {
          const source = english.get(path);
          if (typeof value !== 'string' || typeof source !== 'string') continue;
          expect(placeholders(value).sort(), path).toEqual(placeholders(source).sort());
        }
      });

      it('uses every parameter English uses', () => {
        for (const [path, value] of catalog) {
          if (typeof value !== 'function') continue;
          expect(usedParameters(value), path).toEqual(usedParameters(english.get(path)));
        }
      });
    });
  }
});

describe('choosing a language', () => {
  it('takes the language of a regional tag, ignoring case and underscores', () => {
    expect(resolveLocale('de')).toBe('de');
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('de-CH')).toBe('de');
    expect(resolveLocale('DE-de')).toBe('de');
    expect(resolveLocale('de_DE')).toBe('de');
    expect(resolveLocale('en-GB')).toBe('en');
    // Three-letter codes mean the same language.
    expect(resolveLocale('deu')).toBe('de');
  });

  it('falls back to English for languages without a catalog and for nonsense', () => {
    expect(resolveLocale('fr-FR')).toBe('en');
    expect(resolveLocale('zh-Hant-TW')).toBe('en');
    expect(resolveLocale('')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale('not a tag')).toBe('en');
  });

  it('gives the whole catalog, or one in-page area, of that language', () => {
    expect(messagesFor('de-AT').page.next).toBe('Weiter');
    expect(messagesFor('fr').page.next).toBe('Next');
    expect(messagesFor('de').activity.title).toBe('Meine Aktivität');
    expect(pageMessages('de-DE')).toBe(de.page);
    expect(pageMessages('pt-BR')).toBe(en.page);
    expect(authorMessages('de')).toBe(de.author);
    const german: Messages = messagesFor('de');
    expect(german.page.progress(2, 5)).toBe('Schritt 2 von 5');
    expect(messagesFor('en-US').page.progress(2, 5)).toBe('Step 2 of 5');
  });

  it('formats numbers and dates the browser’s way only when it reads that language', () => {
    expect(formatTag('de-AT')).toBe('de-AT');
    expect(formatTag('en-GB')).toBe('en-GB');
    expect(formatTag('de')).toBe('de');
    // A French browser reads the English fallback: English numbers inside English sentences.
    expect(formatTag('fr-FR')).toBe('en');
    expect(formatTag('nonsense!')).toBe('en');
  });
});

describe('messages with numbers', () => {
  it('say singular and plural as each language does', () => {
    expect(en.activity.exported(1)).toBe('Exported 1 event.');
    expect(en.activity.exported(2)).toBe('Exported 2 events.');
    expect(de.activity.exported(1)).toBe('1 Ereignis exportiert.');
    expect(de.activity.exported(2)).toBe('2 Ereignisse exportiert.');
    expect(en.activity.stored(200000)).toBe('200,000 events stored.');
    expect(de.activity.stored(200000)).toBe('200.000 Ereignisse gespeichert.');
  });

  it('snapshot figures follow the chosen language and its number conventions', () => {
    const english = figureFormat(messagesFor('en').snapshot, 'en');
    const german = figureFormat(messagesFor('de').snapshot, 'de-DE');
    expect(english.cell(1234.5, 'count', 5)).toBe('1,234.5');
    expect(german.cell(1234.5, 'count', 5)).toBe('1.234,5');
    expect(german.cell(0.4567, 'rate', 5)).toBe('45,7\u00a0%');
    expect(german.cell(3.5, 'score', 5)).toBe('3,50');
    expect(german.cell({ suppressed: true }, 'rate', 7)).toBe('weniger als 7');
    expect(german.delta(-0.05, 'rate', 5)).toBe('\u22125\u00a0Pp.');
    expect(german.period({ from: '2026-03-01', to: '2026-03-30', days: 30 })).toBe(
      '1. März 2026 – 30. März 2026 (30 Tage)',
    );
    expect(english.period({ from: '2026-03-01', to: '2026-03-01', days: 1 })).toBe(
      'Mar 1, 2026 – Mar 1, 2026 (1 day)',
    );
  });
});
