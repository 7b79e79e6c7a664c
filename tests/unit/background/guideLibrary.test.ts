// The guide registry's rules and the options page's import, on a real Dexie database over
// fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createGuideLibrary } from '../../../background/guideLibrary';
import {
  importGuides,
  registerBundledGuides,
  registeredGuides,
  removeImportedGuide,
} from '../../../background/guideRegistry';
import { BadMessage, routeMessage } from '../../../background/messages/router';
import { checkGuideFiles } from '../../../core/guide/checkGuides';
import { IMPORT_LIMITS, PASTED_TEXT } from '../../../core/guide/importGuides';
import { canonicalGuideText, formatProblem } from '../../../core/guide/problems';
import type { Guide } from '../../../core/guide/schema';
import type { BackgroundHandlers } from '../../../background/messages';
import type { UsageEvent } from '../../../core/usage';
import { makeGuide } from '../helpers/guides';

const guide = (id: string, version: number, title = `${id} v${version}`): Guide =>
  makeGuide({ id, version, title });
const file = (g: Guide, name = `${g.id}.json`) => ({ file: name, guide: g });

let db: WaymarkDb;

beforeEach(() => {
  db = openDb(`library-${Math.random()}`);
});

afterEach(async () => {
  await db.delete();
});

async function rows() {
  return (await db.guides.orderBy('id').toArray()).map((r) => `${r.id}@${r.version}:${r.source}`);
}

describe('guide registry', () => {
  it('imports a new guide, and a higher version replaces an imported or bundled one', async () => {
    await registerBundledGuides(db, [guide('a', 1)]);
    const first = await importGuides(db, [file(guide('b', 1))], 5);
    expect(first).toEqual({
      imported: [{ id: 'b', version: 1, replaced: null }],
      problems: [],
    });
    expect((await db.guides.get('b'))?.importedAt).toBe(5);

    const over = await importGuides(db, [file(guide('a', 2)), file(guide('b', 3))]);
    expect(over.imported).toEqual([
      { id: 'a', version: 2, replaced: { version: 1, source: 'bundled' } },
      { id: 'b', version: 3, replaced: { version: 1, source: 'imported' } },
    ]);
    expect(await rows()).toEqual(['a@2:imported', 'b@3:imported']);
  });

  it('refuses the same or a lower version with a sentence, and then imports nothing', async () => {
    await registerBundledGuides(db, [guide('a', 3)]);
    await importGuides(db, [file(guide('b', 2))]);
    const result = await importGuides(db, [
      file(guide('c', 1)),
      file(guide('a', 3), 'a-copy.json'),
      file(guide('b', 1), PASTED_TEXT),
    ]);
    expect(result.imported).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      'a-copy.json version: is 3, but "a" already has version 3 (built into Waymark); raise version above 3 to replace it',
      'pasted text version: is 1, but "b" already has version 2 (imported); raise version above 2 to replace it',
    ]);
    expect(await rows()).toEqual(['a@3:bundled', 'b@2:imported']);
  });

  it('on every start the pack keeps an imported higher or equal version and replaces a lower one', async () => {
    await registerBundledGuides(db, [guide('up', 1), guide('tie', 1), guide('down', 1)]);
    await importGuides(db, [
      file(guide('up', 5)),
      file(guide('tie', 2)),
      file(guide('down', 2)),
      file(guide('own', 1)),
    ]);
    // A release ships: "up" unchanged, "tie" at the imported number, "down" newer than the import.
    await registerBundledGuides(db, [
      guide('up', 1),
      guide('tie', 2, 'bundled tie'),
      guide('down', 4),
    ]);
    expect(await rows()).toEqual([
      'down@4:bundled',
      'own@1:imported',
      'tie@2:imported',
      'up@5:imported',
    ]);
    expect((await db.guides.get('tie'))?.guide.title).toBe('tie v2');
    // A release without any of them drops only what was bundled.
    await registerBundledGuides(db, []);
    expect(await rows()).toEqual(['own@1:imported', 'tie@2:imported', 'up@5:imported']);
  });

  it('removes an imported guide and brings back the bundled one it replaced', async () => {
    const pack = [guide('a', 1)];
    await registerBundledGuides(db, pack);
    await importGuides(db, [file(guide('a', 2)), file(guide('b', 1))]);
    expect(await removeImportedGuide(db, 'a', pack)).toEqual({
      removed: true,
      restored: 1,
      restoredFrom: 'bundled',
    });
    expect(await removeImportedGuide(db, 'b', pack)).toEqual({
      removed: true,
      restored: null,
      restoredFrom: null,
    });
    expect(await rows()).toEqual(['a@1:bundled']);
    // Bundled guides and unknown ids are not removed.
    expect(await removeImportedGuide(db, 'a', pack)).toEqual({
      removed: false,
      restored: null,
      restoredFrom: null,
    });
    expect(await removeImportedGuide(db, 'zzz', pack)).toEqual({
      removed: false,
      restored: null,
      restoredFrom: null,
    });
    expect(await rows()).toEqual(['a@1:bundled']);
  });
});

function missing(guideId: string, guideVersion: number, at = 1): UsageEvent {
  return {
    at,
    kind: 'target.missing',
    role: 'rep',
    crm: 'demo',
    pageType: 'home',
    guideId,
    guideVersion,
    stepId: 's',
  };
}

describe('guide library', () => {
  const text = (g: Guide) => canonicalGuideText(g);

  function library(pack: Guide[] = []) {
    const onGuides = vi.fn<(guides: Guide[]) => void>();
    return { lib: createGuideLibrary({ db, pack, onGuides, now: () => 7 }), onGuides };
  }

  it('reports what guides:check reports, with the file name or "pasted text"', async () => {
    const { lib } = library();
    await lib.ready;
    const badGuide = {
      ...guide('x', 1),
      steps: [{ id: 's', kind: 'modal', advance: { on: 'clik' } }],
    };
    const result = await lib.import([
      { name: PASTED_TEXT, text: '{ "id": ' },
      { name: 'x.json', text: JSON.stringify(badGuide) },
    ]);
    const lines = result.problems.map(formatProblem);
    expect(lines[0]).toMatch(/^pasted text: is not valid JSON \(.+\)$/);
    // The same sentences as guides:check, minus its file-layout conventions.
    const cli = checkGuideFiles([{ file: 'x.json', text: canonicalGuideText(badGuide) }]);
    expect(lines.slice(1)).toEqual(cli.problems.map(formatProblem));
    expect(lines[1]).toBe(
      'x.json steps[0].advance.on: expected one of next, click, input, change, visible, route — got "clik"',
    );
    expect(result.imported).toEqual([]);
    expect(await db.guides.count()).toBe(0);
  });

  it('does not hold imports to file naming or layout, but refuses duplicate ids in one import', async () => {
    const { lib, onGuides } = library();
    await lib.ready;
    const loose = JSON.stringify(guide('loose', 1));
    const twice = await lib.import([
      { name: 'one.json', text: loose },
      { name: 'two.json', text: loose },
    ]);
    expect(twice.problems.map(formatProblem)).toEqual([
      'two.json id: "loose" is already the id of one.json',
    ]);
    expect(await db.guides.count()).toBe(0);

    const once = await lib.import([{ name: 'whatever name.json', text: loose }]);
    expect(once).toEqual({
      imported: [{ id: 'loose', version: 1, title: 'loose v1', replaced: null }],
      problems: [],
    });
    expect(onGuides).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'loose' })]);
  });

  it('refuses an oversized text with a sentence', async () => {
    const { lib } = library();
    const result = await lib.import([
      { name: 'big.json', text: ' '.repeat(IMPORT_LIMITS.chars + 1) },
    ]);
    expect(result.problems.map(formatProblem)).toEqual([
      'big.json: is larger than 256 kB; a guide is much smaller than that',
    ]);
  });

  it('lists every guide with its target-missing count for this version and earlier ones', async () => {
    const { lib, onGuides } = library([guide('a', 1, 'Alpha'), guide('b', 1, 'Beta')]);
    await lib.ready;
    expect(onGuides).toHaveBeenCalledTimes(1);
    await lib.import([{ name: PASTED_TEXT, text: text(guide('a', 2, 'Alpha two')) }]);
    await db.eventBatches.add({
      firstAt: 1,
      lastAt: 1,
      events: [missing('a', 1), missing('a', 2), missing('a', 2), missing('b', 1)],
    });
    await db.eventBatches.add({ firstAt: 2, lastAt: 2, events: [missing('a', 2, 2)] });
    const list = await lib.list();
    expect(list).toEqual([
      {
        id: 'a',
        version: 2,
        title: 'Alpha two',
        source: 'imported',
        roles: ['rep'],
        crm: 'demo',
        importedAt: 7,
        bundledVersion: 1,
        targetMissing: 3,
        targetMissingEarlier: 1,
      },
      expect.objectContaining({
        id: 'b',
        source: 'bundled',
        bundledVersion: null,
        importedAt: null,
        targetMissing: 1,
        targetMissingEarlier: 0,
      }),
    ]);

    expect(await lib.remove('a')).toEqual({ removed: true, restored: 1, restoredFrom: 'bundled' });
    expect((await registeredGuides(db)).map((g) => `${g.id}@${g.version}`)).toEqual(['a@1', 'b@1']);
    expect(onGuides).toHaveBeenCalledTimes(3);
  });

  it('changes guides only for the extension’s own pages', async () => {
    const base = 'chrome-extension://abc/';
    const remove = vi.fn(async () => ({ removed: true, restored: null, restoredFrom: null }));
    const all = { 'guides:remove': remove } as unknown as BackgroundHandlers;
    const ask = (sender: object) =>
      routeMessage(all, { type: 'guides:remove', data: { id: 'g' } }, sender, base);
    await ask({ url: 'chrome-extension://abc/options.html' });
    expect(remove).toHaveBeenCalledTimes(1);
    await expect(ask({ url: 'https://crm.example.com/', tab: { id: 1 } })).rejects.toThrow(
      'guides:remove: not accepted from a CRM page',
    );
    await expect(ask({ url: 'chrome-extension://abcd/options.html' })).rejects.toThrow();
    await expect(ask({})).rejects.toThrow();
    expect(remove).toHaveBeenCalledTimes(1);
  });
});

describe('guide messages', () => {
  const handlers = () => {
    const imported = vi.fn(async () => ({ imported: [], problems: [] }));
    const removed = vi.fn(async () => ({ removed: true, restored: null, restoredFrom: null }));
    return {
      imported,
      removed,
      all: {
        'guides:import': imported,
        'guides:remove': removed,
      } as unknown as BackgroundHandlers,
    };
  };

  const base = 'chrome-extension://abc/';
  const options = { url: `${base}options.html` };

  it('passes guide texts through to the library, which checks them', async () => {
    const { all, imported } = handlers();
    const files = [{ name: PASTED_TEXT, text: 'not even JSON' }];
    await routeMessage(all, { type: 'guides:import', data: { files } }, options, base);
    expect(imported).toHaveBeenCalledWith({ files }, options);
  });

  it('rejects imports that are empty, too many, too large or carry other fields', async () => {
    const { all, imported, removed } = handlers();
    const one = { name: 'a.json', text: '{}' };
    const bad = [
      { files: [] },
      { files: Array.from({ length: IMPORT_LIMITS.files + 1 }, () => one) },
      { files: [{ name: 'a.json', text: 'x'.repeat(IMPORT_LIMITS.chars + 1) }] },
      { files: [{ name: '', text: '{}' }] },
      { files: [{ ...one, path: '/etc/passwd' }] },
      { files: [one], source: 'bundled' },
      { files: 'a.json' },
    ];
    for (const data of bad) {
      const answer = routeMessage(all, { type: 'guides:import', data }, options, base);
      await expect(answer).rejects.toBeInstanceOf(BadMessage);
    }
    await expect(
      routeMessage(all, { type: 'guides:remove', data: { id: '' } }, options, base),
    ).rejects.toThrow(/^guides:remove: /);
    expect(imported).not.toHaveBeenCalled();
    expect(removed).not.toHaveBeenCalled();
  });
});
