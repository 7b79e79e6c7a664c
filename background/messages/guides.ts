/** The guide library of the options page: every guide the browser has, imports, the pack. */
import { z } from 'zod';
import { IMPORT_LIMITS } from '../../core/guide/importGuides';
import type { GuideImportResult, LibraryGuide, OrgGuidePackStatus } from '../../core/messages';
import { message, type HandlersOf } from './declare';
import { id, nothing } from './schemas';
import type { Services } from '../services';

export const guidesMessages = {
  /** Every guide the extension has, with its local target-missing counts. */
  'guides:list': message('extension', nothing, { fresh: true }).answers<{
    guides: LibraryGuide[];
    pack: OrgGuidePackStatus;
  }>(),
  /** Fetches the organisation's guide pack now (the options page's "Check for new guides"). */
  'guides:fetch': message('extension', nothing, { fresh: true }).answers<OrgGuidePackStatus>(),
  /**
   * Guide texts from the options page (file names, or "pasted text"), checked and stored. Only
   * bounded here; the guide library checks the texts as guides:check does.
   */
  'guides:import': message(
    'extension',
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(IMPORT_LIMITS.name),
                text: z.string().max(IMPORT_LIMITS.chars),
              })
              .strict(),
          )
          .min(1)
          .max(IMPORT_LIMITS.files),
      })
      .strict(),
  ).answers<GuideImportResult>(),
  /** Removes an imported guide (the organisation's or the built-in guide with its id comes back). */
  'guides:remove': message('extension', z.object({ id }).strict()).answers<{
    removed: boolean;
    restored: number | null;
    restoredFrom: 'bundled' | 'remote' | null;
  }>(),
};

export function guidesHandlers(s: Services): HandlersOf<typeof guidesMessages> {
  const { library, remote } = s;
  return {
    'guides:list': async () => ({ guides: await library.list(), pack: await remote.status() }),
    'guides:fetch': () => remote.refresh(true),
    'guides:import': async ({ files }) => {
      const result = await library.import(files);
      if (result.imported.length > 0) void s.refreshAllTabs();
      return result;
    },
    'guides:remove': async ({ id }) => {
      const result = await library.remove(id);
      if (result.removed) void s.refreshAllTabs();
      return result;
    },
  };
}
