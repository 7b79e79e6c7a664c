/**
 * Publishing from the authoring panel: the trainer token kept in the background, sent only to the
 * organisation's endpoint (a real one on a SQLite file here), and every refusal told as a sentence.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createPublishing } from '../../../background/publishing';
import { startEndpoint, type Endpoint } from '../../../server';
import { createToken } from '../../../server/tokens';

const guide = JSON.parse(readFileSync('guides/demo-log-call.json', 'utf8')) as Record<
  string,
  unknown
>;

let work: string;
let endpoint: Endpoint;
let trainer: string;
let ingest: string;
let db: WaymarkDb;
let fetched: number;
let endpointUrl: string | null;
let reachable: boolean;

const publishing = () =>
  createPublishing({
    db,
    endpointUrl: async () => endpointUrl,
    canReach: async () => reachable,
    published: async () => void fetched++,
  });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'waymark-publish-'));
  endpoint = await startEndpoint({ port: 0, rateLimit: false, sqlitePath: join(work, 'e.sqlite') });
  trainer = (await createToken(endpoint.store, 'acme', 'trainer', new Date(), 'Enablement')).token;
  ingest = (await createToken(endpoint.store, 'acme', 'ingest')).token;
});

afterAll(async () => {
  await endpoint.close();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  db = openDb(`publish-${Math.random()}`);
  fetched = 0;
  endpointUrl = endpoint.url;
  reachable = true;
});

describe('publishing a guide from the panel', () => {
  it('keeps the trainer token without ever giving it back, and forgets it', async () => {
    const p = publishing();
    expect(await p.view()).toEqual({ tokenSet: false, endpointUrl: endpoint.url });
    await p.setToken(`  ${trainer}  `);
    const view = await p.view();
    expect(view).toEqual({ tokenSet: true, endpointUrl: endpoint.url });
    expect(JSON.stringify(view)).not.toContain(trainer);
    await p.setToken(null);
    expect((await p.view()).tokenSet).toBe(false);
  });

  it('publishes a pilot, signed with the token’s label, and fetches the pack again', async () => {
    const p = publishing();
    await p.setToken(trainer);
    const result = await p.publish({
      guide: { ...guide, version: 2 },
      state: 'pilot',
      rollout: { percent: 50 },
    });
    expect(result).toEqual({ ok: true, version: 2, state: 'pilot' });
    expect(fetched).toBe(1);
    const history = (await (
      await fetch(`${endpoint.url}/v1/guides/demo-log-call/history`, {
        headers: { authorization: `Bearer ${trainer}` },
      })
    ).json()) as { changes: { number: number; state: string; by: string }[] };
    expect(history.changes.at(-1)).toMatchObject({ number: 2, state: 'pilot', by: 'Enablement' });
  });

  it('tells the trainer what is missing before sending anything', async () => {
    endpointUrl = null;
    const p = publishing();
    expect(await p.publish({ guide, state: 'draft' })).toEqual({
      ok: false,
      error:
        'To publish, set the endpoint address (Sync) and a trainer token in Waymark’s options.',
      problems: [],
    });
    endpointUrl = endpoint.url;
    await p.setToken(trainer);
    reachable = false;
    expect(await p.publish({ guide, state: 'draft' })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`not allowed to reach ${endpoint.url}`),
    });
    expect(fetched).toBe(0);
  });

  it('passes on the endpoint’s refusals: a token that is not a trainer’s, a broken guide', async () => {
    const p = publishing();
    await p.setToken(ingest);
    const wrongToken = await p.publish({ guide, state: 'draft' });
    expect(wrongToken).toMatchObject({ ok: false, problems: [] });
    expect(wrongToken.ok || wrongToken.error).toMatch(
      /answered 401.*Check the trainer token in Waymark’s options$/,
    );

    await p.setToken(trainer);
    const broken = await p.publish({
      guide: { ...guide, version: 9, steps: [{ id: 'x', kind: 'modall' }] },
      state: 'draft',
    });
    expect(broken.ok).toBe(false);
    expect(broken.ok || broken.error).toMatch(/answered 422: The guide was not published/);
    expect(broken.ok || broken.problems).toContainEqual({
      path: 'steps[0].kind',
      message: expect.stringContaining('"modall"'),
    });
    expect(fetched).toBe(0);
  });
});
