/**
 * The ready-made field formats, as RE2 patterns (core/guide/formats.ts runs them). Kept apart from
 * the engine so that what names them (schema, background) does not carry it.
 */
/** Ready-made formats, so trainers need no regular expression for the common cases. */
export const FORMAT_PRESETS = {
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  phone: '^\\+?[0-9][0-9 ()./-]{5,30}$',
  url: '^https?://[^\\s/$.?#][^\\s]*$',
  date: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  number: '^-?[0-9]+([.,][0-9]+)?$',
} as const;
export type FormatPreset = keyof typeof FORMAT_PRESETS;
export const FORMAT_PRESET_NAMES = Object.keys(FORMAT_PRESETS) as FormatPreset[];
