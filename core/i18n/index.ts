/**
 * Waymark's UI strings in the user's language. Pages (options, dashboard, popup) take the whole
 * catalog with `messagesFor(tag)`; the bundles injected into CRM pages take only their own area
 * from `./inPage`, so a CRM page never downloads the dashboard's words.
 *
 * Adding a language: copy `en.ts` to e.g. `fr.ts`, translate every value, add `'fr'` to
 * `LOCALES` in `./locales` and to the tables below and in `./inPage`; the type checker and
 * tests/unit/i18n.test.ts say what is missing.
 */
import * as de from './de';
import * as en from './en';
import { resolveLocale, type Locale } from './locales';
import type { Messages } from './types';

export {
  browserLanguage,
  DEFAULT_LOCALE,
  formatTag,
  LOCALES,
  resolveLocale,
  type Locale,
} from './locales';
export type { AreaName, Messages } from './types';

const CATALOGS: Record<Locale, Messages> = { en, de };

/** Every UI string in the best language for a BCP 47 tag (`de-AT` → German, unknown → English). */
export function messagesFor(tag: string | null | undefined): Messages {
  return CATALOGS[resolveLocale(tag)];
}
