/**
 * The guide registry: every guide the extension knows, with where it came from. Bundled guides
 * are re-registered on each start, so an update that drops a guide drops it here too.
 */
import type { Guide } from '../core/guide/schema';
import type { WaymarkDb } from './db';

export async function registerBundledGuides(
  db: WaymarkDb,
  bundled: readonly Guide[],
): Promise<void> {
  await db.transaction('rw', db.guides, async () => {
    const known = await db.guides.where('source').equals('bundled').primaryKeys();
    const kept = new Set(bundled.map((g) => g.id));
    await db.guides.bulkDelete(known.filter((id) => !kept.has(id)));
    await db.guides.bulkPut(
      bundled.map((guide) => ({
        id: guide.id,
        version: guide.version,
        source: 'bundled' as const,
        guide,
      })),
    );
  });
}

export async function registeredGuides(db: WaymarkDb): Promise<Guide[]> {
  return (await db.guides.toArray()).map((row) => row.guide);
}
