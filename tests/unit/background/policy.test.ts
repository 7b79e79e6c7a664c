// How the managed policy applies: key-by-key reading, precedence over the user's settings, and
// sync's locked values, with WXT's fake browser for storage.managed and a real Dexie database.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type WaymarkDb } from '../../../background/db';
import { createPolicy, stateOf } from '../../../background/policy';
import { readSettings, recordCrmUser, writeSettings } from '../../../background/settings';
import { createSync } from '../../../background/sync';
import { DEFAULT_ORG } from '../../../core/org';
import { POLICY_KEYS, type Policy } from '../../../core/policy';
import {
  formatPolicyProblem,
  hostAllowed,
  matchRoleRule,
  orgFromPolicy,
  parsePolicy,
} from '../../../core/policyRules';

let db: WaymarkDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`policy-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('reading a policy', () => {
  it('the README explains every policy key, and no other', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(
      readme.indexOf('### Policy keys'),
      readme.indexOf('\n## ', readme.indexOf('### Policy keys')),
    );
    const documented = [...section.matchAll(/^\| `([A-Za-z]+)` +\|/gm)].map((m) => m[1]);
    expect(documented).toEqual(POLICY_KEYS);
  });

  it('applies every valid value and ignores each wrong one as a whole, with its reason', () => {
    const { policy, problems } = parsePolicy({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'tok',
      cohort: 'Wave 1',
      syncIntervalMinutes: 2,
      allowedRoles: ['rep', 'manager'],
      champions: [{ name: ' ', link: 'https://chat.acme.example' }],
      crmHosts: ['acme.my.salesforce.com'],
      colour: 'blue',
    });
    expect(policy).toEqual({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'tok',
      allowedRoles: ['rep', 'manager'],
      crmHosts: ['acme.my.salesforce.com'],
    });
    expect(problems.map(formatPolicyProblem)).toEqual([
      'cohort: expected lower-case letters, digits and dashes, at most 64 — got "Wave 1"',
      'syncIntervalMinutes: must be at least 5 — got 2',
      'champions[0].name: must not be empty',
      'colour: is not a Waymark policy setting',
    ]);
    // A plain-http endpoint elsewhere would carry the token in clear: refused, with the way out.
    const remote = parsePolicy({ endpointUrl: 'http://waymark.acme.example:8787' });
    expect(remote.policy).toEqual({});
    expect(remote.problems.map(formatPolicyProblem)).toEqual([
      'endpointUrl: http:// is for an endpoint on this machine only; use https://waymark.acme.example:8787 for a server elsewhere',
    ]);
  });

  it('ignores a default role or role rules outside the allowed roles, and a non-object policy', () => {
    const { policy, problems } = parsePolicy({
      allowedRoles: ['rep', 'manager', 'rep'],
      defaultRole: 'admin',
      roleRules: [
        { team: 'Sales', role: 'manager' },
        { profile: 'Support', role: 'service' },
      ],
    });
    expect(policy).toEqual({ allowedRoles: ['rep', 'manager'] });
    expect(problems.map(formatPolicyProblem)).toEqual([
      'defaultRole: "admin" is not one of allowedRoles ("rep", "manager")',
      'roleRules[1].role: "service" is not one of allowedRoles ("rep", "manager")',
    ]);
    expect(parsePolicy('nope').problems.map(formatPolicyProblem)).toEqual([
      'The policy is not a set of named values; it is ignored',
    ]);
    expect(parsePolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('describes the organisation: allowed roles with their labels, default, rules, cohort', () => {
    const org = orgFromPolicy({
      allowedRoles: ['manager', 'sdr'],
      defaultRole: 'sdr',
      cohort: 'wave-1',
      locale: 'de',
    });
    expect(org).toEqual({
      roles: [
        { id: 'manager', label: 'Sales manager' },
        { id: 'sdr', label: 'sdr' },
      ],
      defaultRole: 'sdr',
      cohort: 'wave-1',
      locale: 'de',
    });
    // Without allowedRoles every default role stays, and roles the policy names are added.
    const open = orgFromPolicy({ roleRules: [{ team: 'BDR', role: 'sdr' }] });
    expect(open.roles.map((r) => r.id)).toEqual([...DEFAULT_ORG.roles.map((r) => r.id), 'sdr']);
    expect(open.defaultRole).toBe('rep');
    // The default falls to the first allowed role when Waymark's own is not allowed.
    expect(orgFromPolicy({ allowedRoles: ['service', 'admin'] }).defaultRole).toBe('service');
  });

  it('runs only on listed CRM hosts, *.domain covering the domain and every host under it', () => {
    const hosts = ['acme.my.salesforce.com', '*.crm4.dynamics.com', '127.0.0.1'];
    expect(hostAllowed(undefined, 'https://anything.example/')).toBe(true);
    expect(hostAllowed(hosts, 'https://ACME.my.salesforce.com/lightning/page/home')).toBe(true);
    expect(hostAllowed(hosts, 'https://other.my.salesforce.com/')).toBe(false);
    expect(hostAllowed(hosts, 'https://org.crm4.dynamics.com/main.aspx')).toBe(true);
    expect(hostAllowed(hosts, 'https://crm4.dynamics.com/')).toBe(true);
    expect(hostAllowed(hosts, 'https://evilcrm4.dynamics.com/')).toBe(false);
    expect(hostAllowed(hosts, 'http://127.0.0.1:5178/app/home')).toBe(true);
    expect(hostAllowed(hosts, 'http://localhost:5178/app/home')).toBe(false);
    expect(hostAllowed([], 'http://127.0.0.1/')).toBe(false);
    expect(hostAllowed(hosts, 'not a url')).toBe(false);
  });

  it('maps a CRM team or profile to a role, first match wins, case and spaces aside', () => {
    const rules = [
      { crm: 'salesforce' as const, profile: 'Sales User', role: 'rep' },
      { team: 'Sales', profile: 'Sales Manager', role: 'manager' },
      { team: 'Sales', role: 'rep' },
    ];
    expect(matchRoleRule(rules, { crm: 'demo', team: 'sales ', profile: 'SALES MANAGER' })).toBe(
      rules[1],
    );
    expect(matchRoleRule(rules, { crm: 'demo', team: 'Sales' })?.role).toBe('rep');
    expect(matchRoleRule(rules, { crm: 'demo', profile: 'Sales User' })).toBeUndefined();
    expect(matchRoleRule(rules, { crm: 'salesforce', profile: 'Sales User' })?.role).toBe('rep');
    expect(matchRoleRule(undefined, { crm: 'demo', team: 'Sales' })).toBeUndefined();
  });
});

describe('policy over the user’s settings', () => {
  const orgOf = (raw: Policy) => stateOf(raw).org;

  it('role: a rule beats the only allowed role, which beats the choice, which beats the default', async () => {
    await writeSettings(db, { role: 'admin' });
    expect(await readSettings(db)).toMatchObject({ role: 'admin', roleSource: 'chosen' });

    // A stored role the organisation does not allow falls back to its default role.
    const limited = orgOf({ allowedRoles: ['rep', 'manager'], defaultRole: 'manager' });
    expect(await readSettings(db, limited)).toMatchObject({
      role: 'manager',
      roleSource: 'default',
      roleLocked: false,
    });
    await expect(writeSettings(db, { role: 'admin' }, limited)).rejects.toThrow(
      'Unknown role "admin": choose one of Sales rep, Sales manager',
    );
    await writeSettings(db, { role: 'rep' }, limited);
    expect(await readSettings(db, limited)).toMatchObject({ role: 'rep', roleSource: 'chosen' });

    const only = orgOf({ allowedRoles: ['service'] });
    expect(await readSettings(db, only)).toMatchObject({
      role: 'service',
      roleSource: 'only',
      roleLocked: true,
    });

    const ruled = orgOf({
      allowedRoles: ['rep', 'manager'],
      roleRules: [{ crm: 'demo', team: 'Sales', profile: 'Sales Manager', role: 'manager' }],
    });
    // Until a CRM page shows the team, the rule cannot apply.
    expect(await readSettings(db, ruled)).toMatchObject({ role: 'rep', roleLocked: false });
    expect(await recordCrmUser(db, { crm: 'demo', team: 'Sales', profile: 'Sales Manager' })).toBe(
      true,
    );
    expect(await recordCrmUser(db, { crm: 'demo', team: 'Sales', profile: 'Sales Manager' })).toBe(
      false,
    );
    expect(await readSettings(db, ruled)).toMatchObject({
      role: 'manager',
      roleSource: 'rule',
      roleLocked: true,
    });
    await expect(writeSettings(db, { role: 'rep' }, ruled)).rejects.toThrow(
      'Your role is set by your organization (Sales manager); it cannot be changed here.',
    );
    // The user's own choice is still there when the organisation lets go.
    expect(await readSettings(db, limited)).toMatchObject({ role: 'rep', roleSource: 'chosen' });
    expect(await recordCrmUser(db, null)).toBe(true);
    expect(await readSettings(db, ruled)).toMatchObject({ role: 'rep', roleLocked: false });
  });

  it('cohort replaces the local cohorts, and the locale is the organisation’s', async () => {
    await db.settings.put({ key: 'cohorts', value: ['pilot'] });
    expect((await readSettings(db)).cohorts).toEqual(['pilot']);
    expect(await readSettings(db)).toMatchObject({ locale: null });
    const org = orgOf({ cohort: 'wave-1', locale: 'de-AT' });
    expect(await readSettings(db, org)).toMatchObject({ cohorts: ['wave-1'], locale: 'de-AT' });
  });
});

describe('the policy in storage.managed', () => {
  it('reads it at start, follows changes of the managed area only, and never shows the token', async () => {
    await fakeBrowser.storage.managed.set({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'secret-token',
      syncIntervalMinutes: 3,
      allowedRoles: ['rep', 'manager'],
    });
    const policy = createPolicy({ storage: fakeBrowser.storage, browserLocale: 'fr-FR' });
    let notified = 0;
    policy.onChange(() => notified++);
    const nextChange = () =>
      new Promise<Policy>((resolve) => {
        const off = policy.onChange((next) => {
          off();
          resolve(next.policy);
        });
      });
    await policy.loaded;
    expect(notified).toBe(1);
    expect(policy.policy()).toEqual({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'secret-token',
      allowedRoles: ['rep', 'manager'],
    });
    expect(policy.org().roles.map((r) => r.id)).toEqual(['rep', 'manager']);
    const view = policy.view();
    expect(view.values).toEqual({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'set',
      allowedRoles: ['rep', 'manager'],
    });
    expect(JSON.stringify(view)).not.toContain('secret-token');
    expect(view.problems.map(formatPolicyProblem)).toEqual([
      'syncIntervalMinutes: must be at least 5 — got 3',
    ]);
    expect(view.locale).toBe('fr-FR');

    // Another storage area changing is not the policy changing; reading it again changes nothing.
    await fakeBrowser.storage.local.set({ cohort: 'wave-9' });
    await policy.reload();
    expect(notified).toBe(1);
    expect(policy.policy().cohort).toBeUndefined();

    const changed = nextChange();
    await fakeBrowser.storage.managed.set({ cohort: 'wave-2', locale: 'de' });
    expect(await changed).toMatchObject({ cohort: 'wave-2', locale: 'de' });
    expect(policy.org()).toMatchObject({ cohort: 'wave-2', locale: 'de' });
    expect(policy.view().locale).toBe('de');

    const cleared = nextChange();
    await fakeBrowser.storage.managed.clear();
    expect(await cleared).toEqual({});
    expect(policy.org()).toBe(DEFAULT_ORG);
  });

  it('applies the policy last read at once, then the fresh one, and keeps that for next time', async () => {
    let kept: unknown = { cohort: 'wave-1', allowedRoles: ['rep'] };
    const cache = {
      read: async () => kept,
      write: async (raw: unknown) => void (kept = raw),
    };
    let answer: ((raw: Record<string, unknown>) => void) | undefined;
    const slow = createPolicy({
      storage: {
        // Chrome answers only once its policy service has the extension's policy.
        managed: { get: () => new Promise((resolve) => (answer = resolve)) },
        onChanged: { addListener: () => undefined },
      },
      cache,
    });
    await slow.ready;
    expect(slow.policy()).toEqual({ cohort: 'wave-1', allowedRoles: ['rep'] });
    const heard: Policy[] = [];
    slow.onChange((next) => heard.push(next.policy));
    await vi.waitFor(() => expect(answer).toBeDefined());
    expect(slow.policy()).toEqual({ cohort: 'wave-1', allowedRoles: ['rep'] });
    answer?.({ cohort: 'wave-2' });
    await slow.loaded;
    expect(slow.policy()).toEqual({ cohort: 'wave-2' });
    expect(heard).toEqual([{ cohort: 'wave-2' }]);
    expect(kept).toEqual({ cohort: 'wave-2' });
  });

  it('on a new install, with no policy kept, pages wait for the first read', async () => {
    let kept: unknown;
    const cache = {
      read: async () => kept,
      write: async (raw: unknown) => void (kept = raw),
    };
    let answer: ((raw: Record<string, unknown>) => void) | undefined;
    const first = createPolicy({
      storage: {
        managed: { get: () => new Promise((resolve) => (answer = resolve)) },
        onChanged: { addListener: () => undefined },
      },
      cache,
    });
    let ready = false;
    void first.ready.then(() => (ready = true));
    await vi.waitFor(() => expect(answer).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    answer?.({ observeOnly: true });
    await first.ready;
    expect(first.policy()).toEqual({ observeOnly: true });
    expect(kept).toEqual({ observeOnly: true });

    // Where there is no policy at all, that too is kept: the next start does not wait.
    kept = undefined;
    const none = createPolicy({
      storage: {
        managed: { get: () => Promise.resolve({}) },
        onChanged: { addListener: () => undefined },
      },
      cache,
      settleMs: 10,
    });
    await none.ready;
    expect(kept).toEqual({});
    const next = createPolicy({
      storage: {
        managed: { get: () => new Promise(() => undefined) },
        onChanged: { addListener: () => undefined },
      },
      cache,
    });
    await next.ready;
    expect(next.policy()).toEqual({});
  });

  it('a new install no organisation can have pushed answers pages at once', async () => {
    const never = {
      managed: { get: () => new Promise<Record<string, unknown>>(() => undefined) },
      onChanged: { addListener: () => undefined },
    };
    const cache = { read: async () => undefined, write: async () => undefined };
    const store = createPolicy({ storage: never, cache, mayBeManaged: async () => false });
    await store.ready;
    expect(store.policy()).toEqual({});
    // Pushed by IT, or unsure: it waits for the browser's answer, as before.
    for (const mayBeManaged of [async () => true, async () => Promise.reject(new Error('no'))]) {
      const managed = createPolicy({ storage: never, cache, mayBeManaged });
      let ready = false;
      void managed.ready.then(() => (ready = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ready).toBe(false);
    }
  });

  it('a force-installed new install does not believe an empty first answer until its policy comes or settleMs passes', async () => {
    const cache = { read: async () => undefined, write: async () => undefined };
    // Chromium answers a force-installed extension at once with nothing; its policy follows.
    let values: Record<string, unknown> = {};
    let changed: ((changes: Record<string, unknown>, areaName: string) => void) | undefined;
    const forced = createPolicy({
      storage: {
        managed: { get: async () => values },
        onChanged: { addListener: (listener) => (changed = listener) },
      },
      cache,
      settleMs: 60_000,
    });
    let ready = false;
    void forced.ready.then(() => (ready = true));
    await forced.loaded;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    values = { observeOnly: true };
    changed?.({}, 'managed');
    await forced.ready;
    expect(forced.policy()).toEqual({ observeOnly: true });

    // Where none comes, the empty answer is believed after settleMs.
    const bare = createPolicy({
      storage: {
        managed: { get: async () => ({}) },
        onChanged: { addListener: () => undefined },
      },
      cache,
      settleMs: 50,
    });
    const started = Date.now();
    await bare.ready;
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(bare.policy()).toEqual({});
  });

  it('reads no policy where the browser has none; a failed read keeps what applied, with why', async () => {
    const missing = createPolicy({
      storage: {
        managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) },
        onChanged: { addListener: () => undefined },
      },
    });
    await missing.loaded;
    expect(missing.current()).toMatchObject({ policy: {}, readError: null });

    const broken = createPolicy({
      storage: {
        managed: { get: () => Promise.reject(new Error('disk on fire')) },
        onChanged: { addListener: () => undefined },
      },
      cache: { read: async () => ({ cohort: 'wave-1' }), write: async () => undefined },
    });
    await broken.loaded;
    expect(broken.current()).toMatchObject({
      policy: { cohort: 'wave-1' },
      readError: 'The managed policy could not be read: disk on fire',
    });

    const silent = createPolicy({
      storage: {
        managed: { get: () => new Promise(() => undefined) },
        onChanged: { addListener: () => undefined },
      },
      timeoutMs: 10,
    });
    await silent.loaded;
    expect(silent.current()).toMatchObject({
      policy: {},
      readError: 'The managed policy could not be read: no answer within 0.01 s',
    });
    expect(silent.org()).toBe(DEFAULT_ORG);
  });
});

describe('sync under a policy', () => {
  interface Call {
    url: string;
    authorization: string | null;
  }
  function fakeEndpoint() {
    const calls: Call[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({
        url: String(input),
        authorization: new Headers(init?.headers).get('authorization'),
      });
      if (String(input).endsWith('/healthz')) return Response.json({ ok: true });
      return Response.json({ accepted: 1 });
    }) as typeof globalThis.fetch;
    return { calls, fetch };
  }
  const queueEvent = () =>
    db.eventBatches.add({
      firstAt: 1,
      lastAt: 1,
      events: [{ at: 1, kind: 'page.viewed', role: 'rep', crm: 'demo', pageType: 'home' }],
    });

  it('delivers to the policy’s endpoint with its token, whatever the user had set', async () => {
    const { calls, fetch } = fakeEndpoint();
    let policy: Policy = {};
    const sync = createSync({ db, fetch, policy: () => policy, now: () => Date.UTC(2026, 0, 2) });
    await sync.configure({ endpointUrl: 'https://mine.example', ingestToken: 'mine' });
    policy = {
      endpointUrl: 'https://waymark.acme.example/some/path',
      ingestToken: 'theirs',
      syncIntervalMinutes: 15,
    };
    await queueEvent();
    const status = await sync.run(true);
    expect(status).toMatchObject({
      configured: true,
      endpointUrl: 'https://waymark.acme.example',
      pendingBatches: 0,
      lastError: null,
    });
    expect(calls).toEqual([
      { url: 'https://waymark.acme.example/v1/signals', authorization: 'Bearer theirs' },
    ]);
    expect(sync.intervalMinutes()).toBe(15);
    expect(sync.locks()).toEqual({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: true,
      syncEnabled: null,
      intervalMinutes: 15,
    });
    expect(await sync.hasToken()).toBe(true);
    // The user's own values come back when the organisation lets go.
    policy = {};
    expect((await sync.status()).endpointUrl).toBe('https://mine.example');
    expect(sync.intervalMinutes()).toBe(5);
  });

  it('refuses to change what the policy locks, with a sentence, and changes nothing', async () => {
    let policy: Policy = {
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'theirs',
      syncEnabled: true,
    };
    const { calls, fetch } = fakeEndpoint();
    const sync = createSync({ db, fetch, policy: () => policy });
    await expect(
      sync.configure({ endpointUrl: 'https://elsewhere.example', ingestToken: '' }),
    ).rejects.toThrow(
      'The endpoint address is set by your organization (https://waymark.acme.example); it cannot be changed here.',
    );
    await expect(
      sync.configure({ endpointUrl: 'https://waymark.acme.example', ingestToken: 'other' }),
    ).rejects.toThrow('The ingest token is set by your organization; it cannot be changed here.');
    await expect(sync.configure(null)).rejects.toThrow(
      'Sync is turned on by your organization; it cannot be turned off here.',
    );
    expect(await db.settings.get('sync.config')).toBeUndefined();
    // Repeating the locked values (or leaving them empty) is fine.
    await sync.configure({ endpointUrl: 'https://waymark.acme.example/', ingestToken: '' });
    expect((await sync.status()).configured).toBe(true);
    // Test connection uses the organisation's token, which the page never sees.
    expect((await sync.testConnection('', '')).ok).toBe(true);
    expect(calls.at(-1)).toEqual({
      url: 'https://waymark.acme.example/v1/guides',
      authorization: 'Bearer theirs',
    });

    policy = { syncEnabled: false };
    await expect(
      sync.configure({ endpointUrl: 'https://mine.example', ingestToken: 'mine' }),
    ).rejects.toThrow('Sync is turned off by your organization; it cannot be turned on here.');
    await queueEvent();
    expect((await sync.run(true)).configured).toBe(false);
    expect(calls.filter((c) => c.url.endsWith('/v1/signals'))).toEqual([]);
  });

  it('asks for what the policy leaves missing, and lets the user turn an unlocked sync off', async () => {
    let policy: Policy = { endpointUrl: 'https://waymark.acme.example', syncEnabled: true };
    const sync = createSync({ db, fetch: fakeEndpoint().fetch, policy: () => policy });
    expect(await sync.status()).toMatchObject({
      configured: false,
      incomplete:
        'Your organization turned sync on, but the ingest token is not set: enter it below.',
    });
    await expect(
      sync.configure({ endpointUrl: 'https://waymark.acme.example', ingestToken: ' ' }),
    ).rejects.toThrow('Enter the ingest token your admin gave you');
    await sync.configure({ endpointUrl: '', ingestToken: 'mine' });
    expect(await sync.status()).toMatchObject({ configured: true, incomplete: null });

    // Endpoint and token from the policy, on/off left to the user: on until they turn it off.
    policy = { endpointUrl: 'https://waymark.acme.example', ingestToken: 'theirs' };
    await sync.configure(null);
    expect((await sync.status()).configured).toBe(false);
    expect(await sync.endpoint()).toEqual({
      endpointUrl: 'https://waymark.acme.example',
      ingestToken: 'theirs',
    });
    await sync.configure({ endpointUrl: '', ingestToken: '' });
    expect((await sync.status()).configured).toBe(true);
  });

  it('says which permission is missing instead of failing blindly', async () => {
    const { calls, fetch } = fakeEndpoint();
    const sync = createSync({
      db,
      fetch,
      policy: () => ({ endpointUrl: 'https://waymark.acme.example', ingestToken: 't' }),
      canReach: async () => false,
    });
    await queueEvent();
    const status = await sync.run(true);
    expect(status.permissionNeeded).toBe('https://waymark.acme.example');
    expect(status.lastError).toBe(
      'Waymark is not allowed to reach https://waymark.acme.example yet: press "Allow" in the Sync section of Waymark\'s options.',
    );
    expect(status.pendingBatches).toBe(1);
    expect(calls).toEqual([]);
  });

  it('sends nothing the rep turned on without consent where the browser asks for it', async () => {
    const { calls, fetch } = fakeEndpoint();
    let consented = false;
    let policy: Policy = {};
    const sync = createSync({
      db,
      fetch,
      policy: () => policy,
      consented: async () => consented,
    });
    await sync.configure({ endpointUrl: 'http://127.0.0.1:8787', ingestToken: 'mine' });
    await queueEvent();
    const refused = await sync.run(true);
    expect(refused.permissionNeeded).toBe('http://127.0.0.1:8787');
    expect(refused.pendingBatches).toBe(1);
    expect(calls).toEqual([]);

    consented = true;
    expect((await sync.run(true)).pendingBatches).toBe(0);
    expect(calls).toHaveLength(1);

    // Where the organisation named the endpoint, sending is its decision, not the rep's.
    consented = false;
    policy = { endpointUrl: 'http://127.0.0.1:8787' };
    await queueEvent();
    expect((await sync.run(true)).pendingBatches).toBe(0);
    expect(calls).toHaveLength(2);
  });
});
