/**
 * A difference between two versions of a guide in the reader's words: what changed and where
 * ("Step 2 “subject”: Text changed"), and the value before and after as plain text. Guide text
 * stays text: the view renders these strings as children, never as markup.
 */
import type { Messages } from '../../core/i18n';
import type { DifferencePlace, GuideDifference } from '../../core/guide/versionDifferences';

type Words = Messages['guideLibrary'];

export interface DifferenceInWords {
  what: string;
  /** Absent when there was nothing before (an added step or setting). */
  before?: string;
  /** Absent when nothing is left after (a removed step or setting). */
  after?: string;
}

/** A setting's name: from the words' table, in a locale (`locales.de.body`), else its path. */
export function settingName(path: string, words: Words): string {
  const named: Record<string, string> = words.settings;
  const [, tag, rest] = /^locales\.([^.]+)\.(.+)$/.exec(path) ?? [];
  if (tag && rest) return words.inLocale(settingName(rest, words), tag);
  return Object.hasOwn(named, path) ? (named[path] ?? path) : path;
}

/** A value as text: lists by commas, yes or no, and a whole step or rule one setting a line. */
export function valueInWords(value: unknown, words: Words, path: string[] = []): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map((item) => valueInWords(item, words)).join(', ');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, inner]) =>
        typeof inner === 'object' && inner !== null && !Array.isArray(inner)
          ? valueInWords(inner, words, [...path, key])
          : `${settingName([...path, key].join('.'), words)}: ${valueInWords(inner, words)}`,
      )
      .join('\n');
  }
  return String(value);
}

function placeInWords(place: DifferencePlace, words: Words): string {
  switch (place.of) {
    case 'guide':
      return words.guideSettings;
    case 'step':
      return words.step(place.position, place.step);
    case 'field':
      return words.fieldRule(place.field);
  }
}

export function differenceInWords(difference: GuideDifference, words: Words): DifferenceInWords {
  const where = placeInWords(difference.place, words);
  switch (difference.kind) {
    case 'added':
      return { what: words.added(where), after: valueInWords(difference.value, words) };
    case 'removed':
      return { what: words.removed(where), before: valueInWords(difference.value, words) };
    case 'moved':
      return { what: words.moved(where, difference.from) };
    case 'setting': {
      const { before, after, path } = difference;
      const setting = settingName(path, words);
      const said = (value: unknown) =>
        value === undefined ? undefined : valueInWords(value, words, path.split('.'));
      const what =
        before === undefined
          ? words.settingAdded(where, setting)
          : after === undefined
            ? words.settingRemoved(where, setting)
            : words.settingChanged(where, setting);
      return { what, before: said(before), after: said(after) };
    }
  }
}
