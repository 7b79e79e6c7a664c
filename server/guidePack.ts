/**
 * The guide pack the extension downloads: every guide file of a directory, checked exactly as
 * `npm run guides:check` checks them, served with a strong ETag so unchanged packs cost a 304.
 * Built once on start: publishing guide changes means restarting the endpoint.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGuideFiles } from '../core/guide/checkGuides';
import { checklistsOf } from '../core/guide/checklists';
import { formatProblem } from '../core/guide/problems';
import { GUIDE_SCHEMA_VERSION, type Guide } from '../core/guide/schema';

export const DEFAULT_GUIDES_DIR = fileURLToPath(new URL('../guides', import.meta.url));
const SCHEMA_FILE = 'guide.schema.json';

export interface GuidePack {
  /** The JSON body, exactly as served. */
  body: string;
  etag: string;
  guides: number;
  /** Step ids in order per guide id: snapshots list funnel steps in this order. */
  stepOrder: Record<string, string[]>;
  /** Checklist guide ids per role, for training completion. */
  checklists: Record<string, string[]>;
  /** Guide titles (default language) per id, so the dashboard shows names people know. */
  titles: Record<string, string>;
  /** Each survey guide's scale (its first survey step's), so snapshots list every score. */
  surveyScales: Record<string, '1-5' | '0-10'>;
}

/** Every guide file of a directory, checked as `npm run guides:check` checks them. */
export function readGuides(dir: string = DEFAULT_GUIDES_DIR): Guide[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json') && name !== SCHEMA_FILE)
      .sort();
  } catch (error) {
    throw new Error(
      `Cannot read the guides directory ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: error },
    );
  }
  const files = names.map((name) => {
    const file = join(dir, name);
    return { file, text: readFileSync(file, 'utf8') };
  });
  const { guides, problems } = checkGuideFiles(files);
  if (problems.length > 0) {
    throw new Error(
      `The guides in ${dir} have problems (npm run guides:check lists them too):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
  }
  return guides.map(({ guide }) => guide);
}

export function loadGuidePack(dir: string): GuidePack {
  const guides = readGuides(dir);
  const pack = {
    schemaVersion: GUIDE_SCHEMA_VERSION,
    guides: guides.map((guide) => {
      const served: Partial<typeof guide> = { ...guide };
      delete served.$schema; // an editor hint, meaningless to the extension
      return served;
    }),
  };
  const body = JSON.stringify(pack);
  return {
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url')}"`,
    guides: guides.length,
    stepOrder: Object.fromEntries(
      guides.map((guide) => [guide.id, guide.steps.map((step) => step.id)]),
    ),
    checklists: checklistsOf(guides),
    titles: Object.fromEntries(guides.map((guide) => [guide.id, guide.title])),
    surveyScales: surveyScalesOf(guides),
  };
}

/** The scale of each guide's first survey step; guides without one are left out. */
export function surveyScalesOf(guides: readonly Guide[]): Record<string, '1-5' | '0-10'> {
  const scales: Record<string, '1-5' | '0-10'> = {};
  for (const guide of guides) {
    const survey = guide.steps.find((step) => step.kind === 'survey');
    if (survey) scales[guide.id] = survey.scale;
  }
  return scales;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
