/**
 * Waymark's own words on its pages (options page, popup, dashboard), in one language per page.
 * Usage: `TEXT.activity.title`, `TEXT.sync.delivered(n)`.
 *
 * The language is the browser's unless `setPageLanguage` names another: the extension's pages
 * take the one Waymark's settings give (the organisation's `locale`, else the browser's) with
 * `settlePageLanguage`. Components take their words when their module loads (`const T =
 * TEXT.sync`), so such a page settles its language first and imports its components after; the
 * entry point then calls `applyPageLocale` so that `<html lang>` and the tab title say the same.
 */
import type { ComponentChild } from 'preact';
import {
  browserLanguage,
  formatTag,
  messagesFor,
  resolveLocale,
  type Locale,
  type Messages,
} from '../core/i18n';

/** The language the page is shown in. */
export let PAGE_LOCALE: Locale = resolveLocale(browserLanguage());
export let TEXT: Messages = messagesFor(browserLanguage());
/** Numbers and dates: the reader's own conventions when they read this language. */
export let FORMAT_TAG: string = formatTag(browserLanguage());

/**
 * Shows the page in the language of a BCP 47 tag (`de-AT` → German with Austrian dates); no tag
 * means the browser's. Only modules loaded afterwards see the change.
 */
export function setPageLanguage(tag: string | null | undefined): void {
  const browser = browserLanguage();
  const wanted = tag || browser;
  PAGE_LOCALE = resolveLocale(wanted);
  TEXT = messagesFor(wanted);
  // A bare language (`de`) names no region: a browser reading it keeps its own (`de-CH`).
  const bare = !/[-_]/.test(wanted);
  FORMAT_TAG = formatTag(bare && resolveLocale(browser) === PAGE_LOCALE ? browser : wanted);
}

/**
 * Takes the language `effective` names (for the extension's pages, `settings:get`'s `locale`).
 * When it cannot be read the browser's stays: the page still works, in that language.
 */
export async function settlePageLanguage(
  effective: () => Promise<string | null | undefined>,
): Promise<void> {
  try {
    setPageLanguage(await effective());
  } catch (error) {
    console.warn('[waymark] the language setting could not be read', error);
  }
}

/** A moment as the reader writes date and time. */
export function formatDateTime(at: number | Date): string {
  return new Date(at).toLocaleString(FORMAT_TAG);
}

/** A day as the reader writes dates. */
export function formatDate(at: number | Date): string {
  return new Date(at).toLocaleDateString(FORMAT_TAG);
}

/** A role's name in the page's language; an id Waymark does not know keeps the name it came with. */
export function roleName(id: string, label = id): string {
  const names: Record<string, string> = TEXT.roles;
  return Object.hasOwn(names, id) ? (names[id] ?? label) : label;
}

/**
 * A catalog sentence with elements in it: each `{name}` in `text` becomes `parts[name]` (e.g. a
 * `<code>`), wherever the language puts it; the rest stays text.
 */
export function withParts(text: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return text
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece))
    .filter((piece) => piece !== '');
}

/** Puts the chosen language on the document: `<html lang>`, and the tab's title when given. */
export function applyPageLocale(doc: Document, title?: string): void {
  doc.documentElement.lang = PAGE_LOCALE;
  if (title !== undefined) doc.title = title;
}
