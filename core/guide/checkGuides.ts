import type { Guide } from './schema';
import { canonicalGuideText, parseGuideText, type GuideProblem } from './problems';

export interface GuideFile {
  /** Path as the trainer typed it or as found in guides/, used in every message. */
  file: string;
  text: string;
}

export interface GuideCheck {
  guides: { file: string; guide: Guide }[];
  problems: GuideProblem[];
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
}

export interface CheckOptions {
  /**
   * The conventions of guide files kept in a repository: the file is named after its id and its
   * layout is canonical (so diffs in review show only real changes). On by default; an import
   * turns them off, because it stores the parsed guide, not the file, and pasted text has no name.
   */
  fileConventions?: boolean;
}

/**
 * Everything guides:check and the guide tests demand of a set of guide files: each parses, the file
 * is named after its id, ids are unique across the set, and the layout is canonical (so diffs in
 * review show only real changes).
 */
export function checkGuideFiles(
  files: readonly GuideFile[],
  { fileConventions = true }: CheckOptions = {},
): GuideCheck {
  const guides: GuideCheck['guides'] = [];
  const problems: GuideProblem[] = [];
  const owners = new Map<string, string>();
  for (const { file, text } of files) {
    const parsed = parseGuideText(file, text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { guide } = parsed;
    const owner = owners.get(guide.id);
    if (owner) {
      problems.push({ file, path: 'id', message: `"${guide.id}" is already the id of ${owner}` });
    } else {
      owners.set(guide.id, file);
    }
    if (fileConventions && baseName(file) !== guide.id) {
      problems.push({
        file,
        path: 'id',
        message: `"${guide.id}" differs from the file name; name the file ${guide.id}.json`,
      });
    }
    if (fileConventions && canonicalGuideText(JSON.parse(text)) !== text) {
      problems.push({
        file,
        path: '',
        message:
          'is not in canonical layout (two-space JSON, final newline); run npm run guides:check -- --fix',
      });
    }
    guides.push({ file, guide });
  }
  return { guides, problems };
}
