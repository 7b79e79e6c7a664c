/**
 * The background's side of the options page's guide library: loading the registry at start,
 * importing guides a trainer brings (checked again here, whatever the page checked), removing
 * imported ones, and listing every guide with how often its targets were missing in this browser.
 */
import { checkImportedTexts, type ImportText } from '../core/guide/importGuides';
import { localizedTitle } from '../core/guide/locale';
import type { Guide } from '../core/guide/schema';
import type { GuideImportResult, LibraryGuide } from '../core/messages';
import type { WaymarkDb } from './db';
import {
  importGuides,
  registerBundledGuides,
  registeredGuides,
  removeImportedGuide,
} from './guideRegistry';

const versionKey = (guideId: string, version: number) => `${guideId}@${version}`;

/**
 * target.missing events in this browser's event log, per guide id and version. A full pass over
 * the log: tens of milliseconds for a typical rep's months of events, about half a second at the
 * log's 200,000-event bound, which is why the popup asks for these after it has drawn.
 */
export async function targetMissingCounts(db: WaymarkDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.eventBatches.each((batch) => {
    for (const event of batch.events) {
      if (event.kind !== 'target.missing' || event.guideId === undefined) continue;
      const key = versionKey(event.guideId, event.guideVersion ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return counts;
}

export interface GuideLibraryDeps {
  db: WaymarkDb;
  /** The guides built into this release. */
  pack: readonly Guide[];
  /** Receives the registered guides whenever they change (and once at start). */
  onGuides: (guides: Guide[]) => void;
  /**
   * Runs at start right after the bundled pack is registered and before the registry is first
   * read: the organisation's kept guide pack is registered again over the new release there.
   */
  afterBundled?: () => Promise<unknown>;
  /** The organisation's kept guide pack: what comes back when an imported guide is removed. */
  remoteGuides?: () => Promise<readonly Guide[]>;
  locale?: string;
  now?: () => number;
}

export function createGuideLibrary({
  db,
  pack,
  onGuides,
  locale = 'en',
  now = Date.now,
  afterBundled = async () => undefined,
  remoteGuides = async () => [],
}: GuideLibraryDeps) {
  const reload = async () => onGuides(await registeredGuides(db));
  // Never rejects: with the registry unreadable, the bundled guides the caller started with run.
  const ready: Promise<void> = registerBundledGuides(db, pack)
    .then(afterBundled)
    .then(reload)
    .catch((error: unknown) =>
      console.error('[waymark] the guide registry could not be read', error),
    );

  return {
    ready,
    /** Reads the registry again after something else changed it (the organisation's pack). */
    reload,

    async list(): Promise<LibraryGuide[]> {
      await ready;
      const [rows, missing] = await Promise.all([db.guides.toArray(), targetMissingCounts(db)]);
      return rows
        .map((row): LibraryGuide => {
          let earlier = 0;
          for (const [key, count] of missing) {
            if (key.startsWith(`${row.id}@`) && key !== versionKey(row.id, row.version)) {
              earlier += count;
            }
          }
          return {
            id: row.id,
            version: row.version,
            title: localizedTitle(row.guide, locale),
            source: row.source,
            roles: row.guide.roles,
            crm: row.guide.crm,
            importedAt: row.importedAt ?? null,
            bundledVersion:
              row.source === 'bundled'
                ? null
                : (pack.find((g) => g.id === row.id)?.version ?? null),
            targetMissing: missing.get(versionKey(row.id, row.version)) ?? 0,
            targetMissingEarlier: earlier,
          };
        })
        .sort((a, b) => a.title.localeCompare(b.title, locale) || a.id.localeCompare(b.id));
    },

    /** Checks and stores guide texts, all or none. */
    async import(files: readonly ImportText[]): Promise<GuideImportResult> {
      await ready;
      const checked = checkImportedTexts(files);
      if (checked.problems.length > 0) return { imported: [], problems: checked.problems };
      if (checked.guides.length === 0) {
        return {
          imported: [],
          problems: [{ file: 'import', path: '', message: 'has no guide to import' }],
        };
      }
      const result = await importGuides(db, checked.guides, now());
      if (result.problems.length > 0) return { imported: [], problems: result.problems };
      await reload();
      return {
        imported: result.imported.map((entry) => {
          const guide = checked.guides.find((g) => g.guide.id === entry.id)?.guide;
          return { ...entry, title: guide ? localizedTitle(guide, locale) : entry.id };
        }),
        problems: [],
      };
    },

    /** Removes an imported guide; the remote or bundled guide of that id comes back. */
    async remove(id: string) {
      await ready;
      const result = await removeImportedGuide(db, id, pack, await remoteGuides());
      if (result.removed) await reload();
      return result;
    },
  };
}

export type GuideLibrary = ReturnType<typeof createGuideLibrary>;
