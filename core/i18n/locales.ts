/**
 * Which of Waymark's languages a browser gets. Pure: reads nothing until a function is called,
 * so every bundle (pages, the injected guide UI, Node tests) can import it.
 */

/** Languages with a complete catalog. The first is the fallback and the source of truth. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The browser's language, as guide text follows it (`core/guide/locale.ts`); English elsewhere. */
export function browserLanguage(): string {
  return globalThis.navigator?.language || DEFAULT_LOCALE;
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The best catalog for a BCP 47 tag: the longest matching prefix (`de-AT` → `de`), then any
 * catalog of the same language (`pt` → a future `pt-BR`), otherwise English.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const wanted = canonical(tag ?? '');
  if (!wanted) return DEFAULT_LOCALE;
  const parts = wanted.toLowerCase().split('-');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-');
    const found = LOCALES.find((l) => l.toLowerCase() === prefix);
    if (found) return found;
  }
  const language = parts[0];
  return LOCALES.find((l) => l.toLowerCase().split('-')[0] === language) ?? DEFAULT_LOCALE;
}

/**
 * The tag numbers and dates are formatted with: the browser's own when it is of the chosen
 * language (so `en-GB` gets day-month dates and `de-CH` its own separators), else the catalog's,
 * so a French browser reading the English fallback does not get French dates inside English text.
 */
export function formatTag(tag: string | null | undefined): string {
  const locale = resolveLocale(tag);
  const wanted = canonical(tag ?? '');
  const language = (t: string) => t.toLowerCase().split('-')[0];
  return wanted && language(wanted) === language(locale) ? wanted : locale;
}
