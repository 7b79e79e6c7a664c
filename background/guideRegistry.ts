/**
 * The guide registry: every guide the extension knows, one per id, with where it came from.
 * Bundled guides are re-registered on each start, so an update that drops a guide drops it here
 * too; imported guides stay until the user removes them or a newer version replaces them.
 *
 * A version number, once registered, names one content: walkthrough runs are keyed by guide id
 * and version, so a guide must never change under the same number. Hence, for both imports and
 * the bundled pack, only a strictly higher version replaces what is registered.
 */
import type { GuideProblem } from '../core/guide/problems';
import type { Guide } from '../core/guide/schema';
import type { GuideRow, WaymarkDb } from './db';

const SOURCE_TEXT: Record<GuideRow['source'], string> = {
  bundled: 'built into Waymark',
  imported: 'imported',
  endpoint: "from your organisation's endpoint",
};

const bundledRow = (guide: Guide): GuideRow => ({
  id: guide.id,
  version: guide.version,
  source: 'bundled',
  guide,
});

/**
 * Registers the guides built into this release (on every start). For each guide of the pack:
 * - nothing registered, or a bundled row: the pack's guide goes in; the pack is the truth about
 *   what it ships, so a bundled guide it no longer has is dropped;
 * - an imported (or synced) row with a lower version: the pack's guide replaces it, since the
 *   release ships something newer than what was imported;
 * - an imported (or synced) row with the same or a higher version: it stays. A higher one is the
 *   trainer's newer guide, which must survive every start; the same number already names what the
 *   user chose (see above).
 * Guides that are not bundled and that the pack does not have are never touched.
 */
export async function registerBundledGuides(
  db: WaymarkDb,
  bundled: readonly Guide[],
): Promise<void> {
  await db.transaction('rw', db.guides, async () => {
    const known = await db.guides.where('source').equals('bundled').primaryKeys();
    const kept = new Set(bundled.map((g) => g.id));
    await db.guides.bulkDelete(known.filter((id) => !kept.has(id)));
    const current = await db.guides.bulkGet(bundled.map((g) => g.id));
    await db.guides.bulkPut(
      bundled
        .filter((guide, i) => {
          const row = current[i];
          return !row || row.source === 'bundled' || row.version < guide.version;
        })
        .map(bundledRow),
    );
  });
}

export async function registeredGuides(db: WaymarkDb): Promise<Guide[]> {
  return (await db.guides.toArray()).map((row) => row.guide);
}

export interface ImportedGuide {
  id: string;
  version: number;
  /** What the import replaced, if the id was already registered. */
  replaced: { version: number; source: GuideRow['source'] } | null;
}

/**
 * Registers checked guides as imported, all or none: a guide whose id is registered with the
 * same or a higher version (whatever its source) is refused, and then nothing is written.
 */
export async function importGuides(
  db: WaymarkDb,
  guides: readonly { file: string; guide: Guide }[],
  now: number = Date.now(),
): Promise<{ imported: ImportedGuide[]; problems: GuideProblem[] }> {
  return db.transaction('rw', db.guides, async () => {
    const current = await db.guides.bulkGet(guides.map((g) => g.guide.id));
    const problems: GuideProblem[] = [];
    guides.forEach(({ file, guide }, i) => {
      const row = current[i];
      if (row && row.version >= guide.version) {
        problems.push({
          file,
          path: 'version',
          message: `is ${guide.version}, but "${guide.id}" already has version ${row.version} (${SOURCE_TEXT[row.source]}); raise version above ${row.version} to replace it`,
        });
      }
    });
    if (problems.length > 0) return { imported: [], problems };
    await db.guides.bulkPut(
      guides.map(({ guide }) => ({
        id: guide.id,
        version: guide.version,
        source: 'imported' as const,
        guide,
        importedAt: now,
      })),
    );
    return {
      imported: guides.map(({ guide }, i) => {
        const row = current[i];
        return {
          id: guide.id,
          version: guide.version,
          replaced: row ? { version: row.version, source: row.source } : null,
        };
      }),
      problems: [],
    };
  });
}

/**
 * Removes an imported guide. When the pack has a guide with that id (the import had replaced it),
 * the bundled one comes back, so removing an import never leaves a built-in guide missing until
 * the next start.
 */
export async function removeImportedGuide(
  db: WaymarkDb,
  id: string,
  bundled: readonly Guide[],
): Promise<{ removed: boolean; restored: number | null }> {
  return db.transaction('rw', db.guides, async () => {
    const row = await db.guides.get(id);
    if (!row || row.source !== 'imported') return { removed: false, restored: null };
    const builtIn = bundled.find((g) => g.id === id);
    if (builtIn) await db.guides.put(bundledRow(builtIn));
    else await db.guides.delete(id);
    return { removed: true, restored: builtIn?.version ?? null };
  });
}
