/**
 * Waymark's own words in the CRM page, in the browser's language as guide text is (guide text
 * itself comes from guides). Only the in-page area of the catalogs is bundled here.
 */
import { pageMessages } from '../../core/i18n/inPage';
import { browserLanguage, resolveLocale } from '../../core/i18n/locales';

/** The language of the words below: the `lang` of Waymark's layer in the page. */
export const UI_LOCALE = resolveLocale(browserLanguage());
export const UI_TEXT = pageMessages(UI_LOCALE);
