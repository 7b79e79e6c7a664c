/**
 * One UI string: plain text, or a function of numbers and strings for text with parameters and
 * plurals (the words around a number differ by language, so the catalog decides them). A group
 * of related strings may sit one level down (e.g. the names of statuses).
 */
export type Entry = string | ((...args: never[]) => string) | { readonly [key: string]: Entry };

/** One area of the UI (the in-page guide UI, the sync settings, …): its keys and strings. */
export type Area = { readonly [key: string]: Entry };
