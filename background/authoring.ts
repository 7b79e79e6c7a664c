/**
 * The background side of authoring: where the panel gets its page facts, where the draft lives
 * while the trainer moves between pages, and the preview run. A previewed draft runs through
 * a real run like any guide, but only for the trainer who previews it, and its usage events
 * are never recorded: a trainer trying a guide out is not adoption.
 */
import { adapterById } from '../core/adapters';
import type { CustomCrm } from '../core/adapters/routes';
import { describeIssues } from '../core/guide/problems';
import { guideSchema, type Guide } from '../core/guide/schema';
import type { AuthorContext, GuideIssue } from '../core/messages';
import { DEFAULT_ORG, type OrgConfig } from '../core/org';
import type { WaymarkDb } from './db';
import { pageContextOf } from './guidance';
import { readSettings } from './settings';

const DRAFT_KEY = 'authorDraft';

export function createAuthoring(
  db: WaymarkDb,
  org: () => OrgConfig = () => DEFAULT_ORG,
  customCrms: () => readonly CustomCrm[] = () => [],
) {
  let preview: Guide | null = null;

  return {
    async context(url: string): Promise<AuthorContext | null> {
      const page = pageContextOf(url, customCrms());
      if (!page) return null;
      return {
        crm: page.crm,
        pageType: page.pageType,
        anchorAttributes: adapterById(page.crm).anchorAttributes,
        roles: org().roles,
        role: (await readSettings(db, org())).role,
      };
    },

    async load(): Promise<unknown> {
      return (await db.settings.get(DRAFT_KEY))?.value ?? null;
    },

    async save(draft: unknown): Promise<void> {
      await db.settings.put({ key: DRAFT_KEY, value: draft });
    },

    /**
     * Validates the draft exactly as `guides:check` validates a file. A valid draft becomes the
     * preview guide, shown to the current role whatever roles it is written for, until the
     * trainer goes back to editing (null) or another role is chosen.
     */
    async setPreview(input: unknown): Promise<GuideIssue[]> {
      if (input === null) {
        preview = null;
        return [];
      }
      const parsed = guideSchema.safeParse(input);
      if (!parsed.success) {
        return describeIssues('', parsed.error.issues).map(({ path, message }) => ({
          path,
          message,
        }));
      }
      const { role } = await readSettings(db, org());
      preview = { ...parsed.data, roles: [role], launch: { mode: 'manual', once: false } };
      return [];
    },

    /** The guides to serve: a preview replaces any guide with its id while it is previewed. */
    withPreview(guides: readonly Guide[]): readonly Guide[] {
      if (!preview) return guides;
      const id = preview.id;
      return [...guides.filter((g) => g.id !== id), preview];
    },

    endPreview(): void {
      preview = null;
    },

    isPreview(guideId: string | undefined): boolean {
      return preview !== null && guideId === preview.id;
    },
  };
}
