/**
 * The guides to check: every guide of guides/ as the endpoint's pack reads them, or the files
 * named on the command line, checked as `npm run guides:check` checks them.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkGuideFiles } from '../../core/guide/checkGuides';
import type { GuideProblem } from '../../core/guide/problems';
import type { Guide } from '../../core/guide/schema';
import { DEFAULT_GUIDES_DIR, readGuides } from '../../server/guidePack';

export interface GuideSet {
  guides: { guide: Guide; file: string }[];
  /** Invalid files: reported, not checked. */
  problems: GuideProblem[];
}

/** Could not read what was asked for (exit 2), or the directory's guides are invalid (exit 1). */
export class GuideLoadError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

function errorCode(error: unknown): string | undefined {
  const own = (error as NodeJS.ErrnoException).code;
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause?.code;
  return own ?? cause;
}

function defaultGuides(): GuideSet {
  let guides: Guide[];
  try {
    guides = readGuides(DEFAULT_GUIDES_DIR);
  } catch (error) {
    // readGuides fails for an unreadable directory or file (with an errno code) or for invalid
    // guides, whose problems its message already lists in guides:check's words.
    const message = error instanceof Error ? error.message : String(error);
    const code = errorCode(error);
    if (code === undefined) throw new GuideLoadError(message, 1);
    const { path } = error as NodeJS.ErrnoException;
    const unreadable = path
      ? `${relative(process.cwd(), path)}: cannot be read (${code})`
      : message;
    throw new GuideLoadError(unreadable, 2);
  }
  const dir = relative(process.cwd(), DEFAULT_GUIDES_DIR) || '.';
  // guides:check insists a guide's file is named after its id, so the name is known.
  return {
    guides: guides.map((guide) => ({ guide, file: join(dir, `${guide.id}.json`) })),
    problems: [],
  };
}

export function loadGuides(files: readonly string[]): GuideSet {
  if (files.length === 0) return defaultGuides();
  const read: { file: string; text: string }[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      read.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      unreadable.push(`${file}: cannot be read (${errorCode(error) ?? 'error'})`);
    }
  }
  if (unreadable.length > 0) throw new GuideLoadError(unreadable.join('\n'), 2);
  return checkGuideFiles(read);
}
