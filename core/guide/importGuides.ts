/**
 * Checks guide texts a trainer imports in the options page: the same checks and sentences as
 * guides:check (each parses against the schema, ids are unique across the set), reported against
 * the file's name, or "pasted text". The options page runs it for quick feedback; the background
 * runs it again before storing anything, since it cannot trust what a page sends.
 */
import { checkGuideFiles, type GuideCheck, type GuideFile } from './checkGuides';

/** Stands for the file in problems about text pasted into the options page. */
export const PASTED_TEXT = 'pasted text';

export const IMPORT_LIMITS = {
  /** Files in one import. */
  files: 20,
  /**
   * Characters of one guide's text. The schema's own bounds (50 steps of 2,000 characters) keep
   * real guides far below this.
   */
  chars: 256 * 1024,
  /** Characters of a file name, as shown in problems. */
  name: 200,
} as const;

export function tooLargeProblem(file: string) {
  return {
    file,
    path: '',
    message: `is larger than ${IMPORT_LIMITS.chars / 1024} kB; a guide is much smaller than that`,
  };
}

/** A guide text to import: a file's name (or PASTED_TEXT) and its content. */
export interface ImportText {
  name: string;
  text: string;
}

export function checkImportedTexts(texts: readonly ImportText[]): GuideCheck {
  const files: GuideFile[] = texts.map(({ name, text }) => ({ file: name, text }));
  const oversized = files.filter((f) => f.text.length > IMPORT_LIMITS.chars);
  const checked = checkGuideFiles(
    files.filter((f) => f.text.length <= IMPORT_LIMITS.chars),
    { fileConventions: false },
  );
  return {
    guides: checked.guides,
    problems: [...oversized.map((f) => tooLargeProblem(f.file)), ...checked.problems],
  };
}
