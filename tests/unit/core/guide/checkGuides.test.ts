// The guide files trainers ship are data and are tested like code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGuideFiles } from '../../../../core/guide/checkGuides';
import { guideJsonSchemaText } from '../../../../core/guide/jsonSchema';
import { guideFilesIn } from '../../../../scripts/guides-check';

const files = guideFilesIn('guides').map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('guides/', () => {
  it('holds example guides for at least two roles', () => {
    const { guides } = checkGuideFiles(files);
    const roles = new Set(guides.flatMap((g) => g.guide.roles));
    expect(roles).toContain('rep');
    expect(roles).toContain('manager');
  });

  it('every guide parses, ids are unique, files are named after ids, layout is canonical', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(checkGuideFiles(files).problems).toEqual([]);
  });

  it('guide.schema.json is what the zod schema generates (run npm run guides:schema)', () => {
    expect(readFileSync('guides/guide.schema.json', 'utf8')).toBe(guideJsonSchemaText());
  });
});
