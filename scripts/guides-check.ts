/**
 * npm run guides:check [--fix] [files…]
 * Validates guide files (all of guides/ by default); prints one line per problem as
 * "file path: sentence" and exits 1 when there is any.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGuideFiles } from '../core/guide/checkGuides';
import { canonicalGuideText, formatProblem } from '../core/guide/problems';

export const GUIDES_DIR = 'guides';
const SCHEMA_FILE = 'guide.schema.json';

export function guideFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== SCHEMA_FILE)
    .sort()
    .map((name) => join(dir, name));
}

function main(argv: string[]): number {
  const fix = argv.includes('--fix');
  const named = argv.filter((arg) => arg !== '--fix');
  const paths = named.length > 0 ? named : guideFilesIn(GUIDES_DIR);
  const files = [];
  let unreadable = 0;
  for (const file of paths) {
    try {
      files.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      console.error(
        `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      unreadable++;
    }
  }
  if (fix) {
    for (const f of files) {
      try {
        const canonical = canonicalGuideText(JSON.parse(f.text));
        if (canonical !== f.text) {
          writeFileSync(f.file, canonical);
          f.text = canonical;
          console.log(`${f.file}: rewritten in canonical layout`);
        }
      } catch {
        // Not JSON: reported below with the parser's own message.
      }
    }
  }
  const { problems } = checkGuideFiles(files);
  for (const problem of problems) console.error(formatProblem(problem));
  const bad = new Set(problems.map((p) => p.file)).size + unreadable;
  const total = paths.length;
  console.log(
    `${total} guide file${total === 1 ? '' : 's'} checked: ${total - bad} valid, ${bad} with problems`,
  );
  return bad > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
