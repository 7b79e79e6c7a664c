/**
 * The areas shown inside CRM pages, one function each: the guide UI and the authoring panel are
 * injected into the CRM page and carry only their own words in each language, not the catalog.
 */
import { author as deAuthor, help as deHelp, page as dePage } from './de';
import { author as enAuthor, help as enHelp, page as enPage } from './en';
import { resolveLocale, type Locale } from './locales';
import type { Messages } from './types';

const PAGE: Record<Locale, Messages['page']> = { en: enPage, de: dePage };
const AUTHOR: Record<Locale, Messages['author']> = { en: enAuthor, de: deAuthor };
const HELP: Record<Locale, Messages['help']> = { en: enHelp, de: deHelp };

/** The walkthrough UI's words (step cards, hotspots, surveys, a missing target). */
export function pageMessages(tag: string | null | undefined): Messages['page'] {
  return PAGE[resolveLocale(tag)];
}

/** The authoring panel's words. */
export function authorMessages(tag: string | null | undefined): Messages['author'] {
  return AUTHOR[resolveLocale(tag)];
}

/** The help panel's words. */
export function helpMessages(tag: string | null | undefined): Messages['help'] {
  return HELP[resolveLocale(tag)];
}
