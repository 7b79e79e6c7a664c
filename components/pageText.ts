/**
 * Waymark's own words on its pages (options page, dashboard), in the browser's language.
 * Usage: `TEXT.activity.title`, `TEXT.sync.delivered(n)`; the entry point calls
 * `applyPageLocale` so that `<html lang>` and the tab title say the same.
 */
import { browserLanguage, formatTag, messagesFor, resolveLocale } from '../core/i18n';

const tag = browserLanguage();

/** The language the page is shown in. */
export const PAGE_LOCALE = resolveLocale(tag);
export const TEXT = messagesFor(tag);
/** Numbers and dates: the browser's own conventions when it reads this language. */
export const FORMAT_TAG = formatTag(tag);

/** A moment as the reader writes date and time. */
export function formatDateTime(at: number | Date): string {
  return new Date(at).toLocaleString(FORMAT_TAG);
}

/** Puts the chosen language on the document: `<html lang>` and the tab's title. */
export function applyPageLocale(doc: Document, title: string): void {
  doc.documentElement.lang = PAGE_LOCALE;
  doc.title = title;
}
