/**
 * Guides in the endpoint's store, per organisation, on both stores through real HTTP: publish to
 * draft or pilot, promote, roll back, the history with the token's label, the pack browsers
 * download; who may do what; a refused publish stores nothing; two publishes at once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '../../../core/guide/lifecycle';
import type { Guide } from '../../../core/guide/schema';
import { startEndpoint, type Endpoint } from '../../../server';
import { createToken } from '../../../server/tokens';
import { startTestDatabase, type TestDatabase } from '../../../scripts/postgres';

const LOG_A_CALL = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../guides/demo-log-call.json'), 'utf8'),
) as Guide;

/** The bundled guide with its first step's body changed, as a trainer's edit. */
function edited(body: string): Guide {
  const [first, ...rest] = LOG_A_CALL.steps;
  return { ...LOG_A_CALL, steps: [{ ...first!, body }, ...rest] };
}

interface Backend {
  name: string;
  start(): Promise<Endpoint>;
  stop(): Promise<void>;
}

let dir = '';
let database: TestDatabase | undefined;
const backends: Backend[] = [
  {
    name: 'SQLite',
    async start() {
      dir = mkdtempSync(join(tmpdir(), 'waymark-guides-'));
      return startEndpoint({ port: 0, sqlitePath: join(dir, 'e.sqlite'), rateLimit: false });
    },
    async stop() {
      rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'PostgreSQL',
    async start() {
      database = await startTestDatabase();
      return startEndpoint({ port: 0, databaseUrl: database.url, rateLimit: false });
    },
    async stop() {
      await database?.stop();
    },
  },
];

describe.each(backends)('guides published to the store on $name', (backend) => {
  let endpoint: Endpoint;
  const tokens: Record<string, string> = {};

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${endpoint.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, response };
  };
  const pack = async (org = 'acme') =>
    (await call('GET', '/v1/guides', tokens[`${org}:ingest`]!)).body as {
      guides: Guide[];
      pilots: { rollout: unknown; guide: Guide }[];
    };
  const firstBody = (guide: Guide | undefined) => guide?.steps[0]?.body;

  beforeAll(async () => {
    endpoint = await backend.start();
    for (const org of ['acme', 'globex']) {
      for (const kind of ['ingest', 'admin', 'trainer'] as const) {
        const label = kind === 'trainer' ? `${org} enablement` : '';
        tokens[`${org}:${kind}`] = (
          await createToken(endpoint.store, org, kind, new Date(), label)
        ).token;
      }
    }
  }, 120_000);
  afterAll(async () => {
    await endpoint?.close();
    await backend.stop();
  });

  it('serves an empty pack before anything is published, with a pilot list', async () => {
    expect(await pack()).toEqual({ schemaVersion: 1, guides: [], pilots: [] });
  });

  it('refuses a broken guide with the guides:check sentence, and stores nothing', async () => {
    const broken = { ...LOG_A_CALL, steps: [{ ...LOG_A_CALL.steps[0]!, kind: 'modall' }] };
    const { status, body } = await call('POST', '/v1/guides', tokens['acme:trainer']!, {
      guide: broken,
      state: 'pilot',
      rollout: { percent: 50 },
    });
    expect(status).toBe(422);
    expect((body as { message: string }).message).toMatch(
      /steps\[0\]\.kind: expected one of tooltip, .* got "modall"/,
    );
    expect((await call('GET', '/v1/guides/library', tokens['acme:trainer']!)).body).toEqual({
      guides: [],
    });
  });

  it('keeps each kind of token to its scope', async () => {
    const draft = { guide: edited('Draft text.'), state: 'draft' };
    for (const kind of ['ingest', 'admin']) {
      const { status, body } = await call('POST', '/v1/guides', tokens[`acme:${kind}`]!, draft);
      expect(status, kind).toBe(401);
      expect((body as { message: string }).message).toContain('needs a trainer token');
    }
    const trainerReadsCounters = await call(
      'GET',
      '/v1/snapshots?from=2026-01-01&to=2026-01-31',
      tokens['acme:trainer']!,
    );
    expect(trainerReadsCounters.status).toBe(401);
    const trainerSends = await call('GET', '/v1/guides', tokens['acme:trainer']!);
    expect(trainerSends.status).toBe(401);
  });

  it('publishes a pilot beside the live version, promotes it, and rolls back as a new version', async () => {
    const trainer = tokens['acme:trainer']!;
    const first = await call('POST', '/v1/guides', trainer, {
      guide: LOG_A_CALL,
      state: 'draft',
    });
    expect(first.status).toBe(200);
    // A draft is not served.
    expect((await pack()).guides).toEqual([]);
    const promoted = await call('POST', '/v1/guides/demo-log-call/promote', trainer, {
      version: 1,
    });
    expect((promoted.body as GuideView).live).toBe(1);
    expect((await pack()).guides.map((g) => [g.id, g.version])).toEqual([['demo-log-call', 1]]);

    const pilot = await call('POST', '/v1/guides', trainer, {
      guide: edited('New words for the pilot.'),
      state: 'pilot',
      rollout: { percent: 50 },
    });
    expect(pilot.status).toBe(200);
    expect(pilot.body).toMatchObject({ live: 1, pilot: 2 });
    const piloted = await pack();
    expect(firstBody(piloted.guides[0])).toBe(LOG_A_CALL.steps[0]!.body);
    expect(piloted.pilots).toEqual([
      { rollout: { percent: 50 }, guide: expect.objectContaining({ version: 2 }) },
    ]);
    expect(firstBody(piloted.pilots[0]?.guide)).toBe('New words for the pilot.');
    // The other organisation sees none of it.
    expect(await pack('globex')).toEqual({ schemaVersion: 1, guides: [], pilots: [] });

    // Promote (an admin may): everyone gets the new text; the old live version retires.
    const live = await call('POST', '/v1/guides/demo-log-call/promote', tokens['acme:admin']!, {
      version: 2,
    });
    expect(live.body).toMatchObject({ live: 2, pilot: null });
    expect(firstBody((await pack()).guides[0])).toBe('New words for the pilot.');

    // Roll back to 1: its text returns as version 3, so browsers holding 2 move forward.
    const back = await call('POST', '/v1/guides/demo-log-call/rollback', trainer, { version: 1 });
    expect(back.body).toMatchObject({ live: 3, pilot: null });
    const after = await pack();
    expect(after.guides.map((g) => g.version)).toEqual([3]);
    expect(firstBody(after.guides[0])).toBe(LOG_A_CALL.steps[0]!.body);

    const history = (await call('GET', '/v1/guides/demo-log-call/history', trainer))
      .body as GuideView;
    expect(history.versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'retired'],
      [2, 'retired'],
      [3, 'live'],
    ]);
    expect(history.changes.map((c) => `${c.action} ${c.number}→${c.state} by ${c.by}`)).toEqual([
      'publish 1→draft by acme enablement',
      'promote 1→live by acme enablement',
      'publish 2→pilot by acme enablement',
      expect.stringMatching(/^retire 1→retired by admin token tok_[0-9a-f]{12}$/),
      expect.stringMatching(/^promote 2→live by admin token tok_[0-9a-f]{12}$/),
      'retire 2→retired by acme enablement',
      'rollback 3→live by acme enablement',
    ]);
    // A trainer of another organisation cannot see or touch it.
    expect(
      (await call('GET', '/v1/guides/demo-log-call/history', tokens['globex:trainer']!)).status,
    ).toBe(404);
    expect(
      (
        await call('POST', '/v1/guides/demo-log-call/promote', tokens['globex:trainer']!, {
          version: 1,
        })
      ).status,
    ).toBe(404);
  });

  it('answers an unchanged pack with 304 and a changed one with its new ETag', async () => {
    const first = await call('GET', '/v1/guides', tokens['acme:ingest']!);
    const etag = first.response.headers.get('etag')!;
    const again = await fetch(`${endpoint.url}/v1/guides`, {
      headers: { authorization: `Bearer ${tokens['acme:ingest']}`, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    await call('POST', '/v1/guides', tokens['acme:trainer']!, {
      guide: edited('Another pilot.'),
      state: 'pilot',
      rollout: { cohorts: ['wave-1'] },
    });
    const changed = await fetch(`${endpoint.url}/v1/guides`, {
      headers: { authorization: `Bearer ${tokens['acme:ingest']}`, 'if-none-match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('lets one of two publishes of a guide at the same moment land, and says so to the other', async () => {
    const publish = (body: string) =>
      call('POST', '/v1/guides', tokens['globex:trainer']!, {
        guide: edited(body),
        state: 'draft',
      });
    const answers = await Promise.all([publish('One.'), publish('Two.'), publish('Three.')]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const history = (
      await call('GET', '/v1/guides/demo-log-call/history', tokens['globex:trainer']!)
    ).body as GuideView;
    // What landed is whole: as many versions as answers of 200, numbered without gaps.
    expect(history.versions.map((v) => v.number)).toEqual(
      answers.filter((a) => a.status === 200).map((_, i) => i + 1),
    );
  });
});
