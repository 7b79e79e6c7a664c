/**
 * The formats' engine in a CRM frame: loaded on demand (the background injects
 * `field-formats.js` into this frame's content-script world), then found under one global.
 */
import type { FieldCheck, FormatMatcher } from '../core/fieldRules';
import { callBackground } from '../platform/channel';

export const FIELD_FORMATS_GLOBAL = '__waymarkFieldFormats';

const loaded = () =>
  (globalThis as Record<string, unknown>)[FIELD_FORMATS_GLOBAL] as FormatMatcher | undefined;

/** The matcher for these rules' formats; undefined when none has one (or it could not load). */
export async function formatMatcher(
  fields: readonly FieldCheck[],
): Promise<FormatMatcher | undefined> {
  if (!fields.some((f) => f.pattern !== undefined)) return undefined;
  if (!loaded()) await callBackground('ui:formats', {});
  return loaded();
}
