import { authorMessages } from '../../core/i18n/inPage';
import { browserLanguage } from '../../core/i18n/locales';

/** The panel's words, in the browser's language (the layer's `lang` says the same). */
export const T = authorMessages(browserLanguage());
