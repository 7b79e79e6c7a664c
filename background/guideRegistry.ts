/**
 * The guide registry: every guide the extension knows, one per id, with where it came from:
 * `bundled` (built into this release), `imported` (a trainer's file, in the options page) or
 * `remote` (the organisation's guide pack, fetched from its endpoint or pack address).
 *
 * A version number, once registered, names one content: walkthrough runs are keyed by guide id
 * and version, so a guide must never change under the same number. Hence the one rule between
 * sources: **for each id the highest version wins, whichever source brought it, and on equal
 * versions the guide already registered stays.** So an import replaces a bundled or remote guide
 * only with a higher version, the organisation's pack replaces a bundled or imported guide only with a
 * higher version, and a release replaces an imported or remote guide only with a higher version.
 *
 * Each pack is the truth about its own guides: the bundled pack is registered again on every
 * start and the organisation's pack on every successful fetch, each replacing its own rows (whatever
 * their version) and dropping those it no longer has. When a remote or imported guide goes
 * (dropped from the pack, removed by the user), the best guide left with its id comes back:
 * the organisation's pack's, else the built-in one.
 */
import type { GuideProblem } from '../core/guide/problems';
import type { Guide } from '../core/guide/schema';
import type { GuideRow, WaymarkDb } from './db';

const SOURCE_TEXT: Record<GuideRow['source'], string> = {
  bundled: 'built into Waymark',
  imported: 'imported',
  remote: "from your organisation's guide pack",
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
 * - an imported or remote row with a lower version: the pack's guide replaces it, since the
 *   release ships something newer;
 * - an imported or remote row with the same or a higher version: it stays. A higher one is the
 *   trainer's or the organisation's newer guide, which must survive every start; the same number
 *   already names what is registered (see above).
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

const remoteRow = (guide: Guide): GuideRow => ({
  id: guide.id,
  version: guide.version,
  source: 'remote',
  guide,
});

/**
 * What takes an id's place when the guide registered for it goes: the organisation's pack's guide, else
 * the built-in one, whichever has the higher version (on a tie the remote one: the organisation
 * chose to ship it).
 */
function fallbackRow(
  id: string,
  bundled: readonly Guide[],
  remote: readonly Guide[],
): GuideRow | undefined {
  const fromPack = bundled.find((g) => g.id === id);
  const fromRemote = remote.find((g) => g.id === id);
  if (fromRemote && (!fromPack || fromRemote.version >= fromPack.version)) {
    return remoteRow(fromRemote);
  }
  return fromPack ? bundledRow(fromPack) : undefined;
}

/**
 * Removes an imported guide. When the organisation's pack or the built-in pack has a guide with that id
 * (the import had replaced it), that one comes back, so removing an import never leaves the
 * organisation's or a built-in guide missing until the next start or fetch.
 */
export async function removeImportedGuide(
  db: WaymarkDb,
  id: string,
  bundled: readonly Guide[],
  remote: readonly Guide[] = [],
): Promise<{
  removed: boolean;
  restored: number | null;
  restoredFrom: 'bundled' | 'remote' | null;
}> {
  return db.transaction('rw', db.guides, async () => {
    const row = await db.guides.get(id);
    if (!row || row.source !== 'imported') {
      return { removed: false, restored: null, restoredFrom: null };
    }
    const back = fallbackRow(id, bundled, remote);
    if (back) await db.guides.put(back);
    else await db.guides.delete(id);
    return {
      removed: true,
      restored: back?.version ?? null,
      restoredFrom: back ? (back.source as 'bundled' | 'remote') : null,
    };
  });
}

/**
 * Registers the organisation's guide pack (already checked, every guide of it). For each guide:
 * - nothing registered, or a remote row: the pack's guide goes in (the pack is the truth about
 *   what it ships);
 * - a bundled or imported row: replaced only by a strictly higher version.
 * Remote rows the pack no longer has are dropped, and the built-in guide of that id comes back.
 * Returns whether the registry changed.
 */
export async function registerRemoteGuides(
  db: WaymarkDb,
  remote: readonly Guide[],
  bundled: readonly Guide[],
): Promise<boolean> {
  return db.transaction('rw', db.guides, async () => {
    let changed = false;
    const kept = new Set(remote.map((g) => g.id));
    const known = await db.guides.where('source').equals('remote').primaryKeys();
    for (const id of known.filter((k) => !kept.has(k))) {
      const back = fallbackRow(id, bundled, []);
      if (back) await db.guides.put(back);
      else await db.guides.delete(id);
      changed = true;
    }
    const current = await db.guides.bulkGet(remote.map((g) => g.id));
    const rows = remote
      .filter((guide, i) => {
        const row = current[i];
        if (!row) return true;
        if (row.source === 'remote') {
          return (
            row.version !== guide.version || JSON.stringify(row.guide) !== JSON.stringify(guide)
          );
        }
        return row.version < guide.version;
      })
      .map(remoteRow);
    if (rows.length > 0) {
      await db.guides.bulkPut(rows);
      changed = true;
    }
    return changed;
  });
}
