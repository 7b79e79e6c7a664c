import { describe, expect, it, vi } from 'vitest';
import { MESSAGES, type BackgroundHandlers } from '../../../../background/messages';
import { BadMessage, heldUntilReady, routeMessage } from '../../../../background/messages/router';
import { EVENT_KINDS, PAGE_REPORTED_KINDS } from '../../../../core/usage';

function handlers() {
  const advance = vi.fn(async () => null);
  return {
    advance,
    all: { 'run:advance': advance } as unknown as BackgroundHandlers,
  };
}

const BASE = 'chrome-extension://abc/';
/** Waymark's script in a CRM tab, and the options page. */
const PAGE = { url: 'https://acme.lightning.force.com/lightning/page/home', tab: { id: 7 } };
const OPTIONS = { url: `${BASE}options.html`, tab: { id: 8 } };

describe('background message router', () => {
  it('passes a valid request to its handler', async () => {
    const { all, advance } = handlers();
    await routeMessage(
      all,
      { type: 'run:advance', data: { guideId: 'g', stepIndex: 1, action: 'next' } },
      PAGE,
      BASE,
    );
    expect(advance).toHaveBeenCalledWith({ guideId: 'g', stepIndex: 1, action: 'next' }, PAGE);
  });

  it('rejects malformed requests with a clear error and never calls the handler', async () => {
    const { all, advance } = handlers();
    const bad = routeMessage(
      all,
      { type: 'run:advance', data: { guideId: 'g', stepIndex: -1, action: 'jump' } },
      PAGE,
      BASE,
    );
    await expect(bad).rejects.toBeInstanceOf(BadMessage);
    await expect(bad).rejects.toThrow(/^run:advance: /);
    expect(advance).not.toHaveBeenCalled();
  });

  it('refuses a local snapshot over more than a year, as the endpoint does', async () => {
    const snapshot = vi.fn(async () => null);
    const all = { 'activity:snapshot': snapshot } as unknown as BackgroundHandlers;
    const ask = (to: string) =>
      routeMessage(
        all,
        { type: 'activity:snapshot', data: { period: { from: '2025-01-01', to }, baseline: null } },
        OPTIONS,
        BASE,
      );
    await ask('2026-01-01');
    expect(snapshot).toHaveBeenCalledTimes(1);
    await expect(ask('2026-01-02')).rejects.toThrow('a period spans at most 366 days');
    expect(snapshot).toHaveBeenCalledTimes(1);
  });

  it('leaves messages that are not ours unanswered', () => {
    const { all } = handlers();
    expect(routeMessage(all, { type: 'other:thing', data: {} }, PAGE, BASE)).toBeUndefined();
    expect(routeMessage(all, 'hello', PAGE, BASE)).toBeUndefined();
    expect(routeMessage(all, null, PAGE, BASE)).toBeUndefined();
  });
});

describe('attack: a message from a sender it is not for', () => {
  /**
   * Every message of the map, sent by a CRM page's script, by an extension page and by neither:
   * only the sender its declaration names reaches the handler, before any check of the request.
   */
  const types = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];

  it.each(types)('%s', async (type) => {
    const handler = vi.fn(async (_data: unknown, _sender: unknown) => 'handled');
    const all = new Proxy({}, { get: () => handler }) as BackgroundHandlers;
    const allowed = MESSAGES[type].from;
    const senders = [
      { who: 'page', sender: PAGE, words: 'a CRM page' },
      { who: 'extension', sender: OPTIONS, words: 'an extension page' },
      { who: 'nobody', sender: { url: 'https://evil.example/' }, words: 'there' },
      { who: 'nobody', sender: { url: 'chrome-extension://other/options.html' }, words: 'there' },
    ];
    for (const { who, sender, words } of senders) {
      const answer = routeMessage(all, { type, data: {} }, sender, BASE);
      if (who === allowed || (allowed === 'both' && who !== 'nobody')) {
        // Its own sender gets past this gate (the request's own check may still refuse `{}`).
        await answer?.catch((e: unknown) => expect(String(e)).not.toContain('not accepted'));
      } else {
        await expect(answer).rejects.toThrow(`${type}: not accepted from ${words}`);
      }
    }
    const fromOthers = handler.mock.calls.filter(([, s]) => s !== PAGE && s !== OPTIONS);
    expect(fromOthers).toEqual([]);
  });

  it('what changes settings, sync, the log or the guides is for extension pages only', () => {
    for (const type of [
      'settings:update',
      'sync:configure',
      'sync:now',
      'activity:erase',
      'activity:export',
      'guides:import',
      'guides:remove',
      'crms:save',
      'popup:launch',
      'author:open',
    ] as const) {
      expect(MESSAGES[type].from).toBe('extension');
    }
  });
});

describe('attack: a page reporting what only the background records', () => {
  const event = (kind: string) => ({
    at: 1,
    kind,
    crm: 'demo',
    pageType: 'opportunity:record',
    guideId: 'g',
    guideVersion: 1,
    stepId: 's',
  });

  it('is refused for every kind the table gives to the background, and passes the rest', async () => {
    const record = vi.fn(async () => undefined);
    const all = { 'usage:record': record } as unknown as BackgroundHandlers;
    const send = (kind: string) =>
      routeMessage(all, { type: 'usage:record', data: { events: [event(kind)] } }, PAGE, BASE);
    for (const kind of EVENT_KINDS) {
      if ((PAGE_REPORTED_KINDS as readonly string[]).includes(kind)) {
        await send(kind);
      } else {
        await expect(send(kind)).rejects.toBeInstanceOf(BadMessage);
      }
    }
    expect(record).toHaveBeenCalledTimes(PAGE_REPORTED_KINDS.length);
    expect(PAGE_REPORTED_KINDS).not.toContain('guide.completed');
    expect(PAGE_REPORTED_KINDS).not.toContain('step.completed');
  });

  it('refuses a time on task from a page: only the background times a run it saw complete', async () => {
    const record = vi.fn(async () => undefined);
    const all = { 'usage:record': record } as unknown as BackgroundHandlers;
    // Otherwise a well-formed event: only its kind is refused.
    const forged = { ...event('task.timed'), stepId: undefined, field: 'under-30s' };
    const sent = routeMessage(
      all,
      { type: 'usage:record', data: { events: [forged] } },
      PAGE,
      BASE,
    );
    await expect(sent).rejects.toBeInstanceOf(BadMessage);
    await expect(sent).rejects.toThrow(
      /^usage:record: Invalid option: expected one of "step\.shown"/,
    );
    expect(PAGE_REPORTED_KINDS).not.toContain('task.timed');
    expect(record).not.toHaveBeenCalled();
  });

  const missing = (failedStrategies: unknown, kind = 'target.missing') => ({
    ...event(kind),
    failedStrategies,
  });

  it('refuses page content as the strategies of a missing target: only names from the list pass', async () => {
    const record = vi.fn(async () => undefined);
    const all = { 'usage:record': record } as unknown as BackgroundHandlers;
    const send = (reported: object) =>
      routeMessage(all, { type: 'usage:record', data: { events: [reported] } }, PAGE, BASE);
    await send(missing(['anchor', 'text']));
    expect(record).toHaveBeenCalledTimes(1);
    for (const forged of [
      missing(['[data-deal="ACME renewal 2027"]']), // a selector
      missing(['Call Jane Doe about the €40k renewal']), // page text
      missing(['anchor', 'Anchor']), // a name spelt otherwise
      missing(['anchor', 'anchor']), // a name twice
      missing([...Array(8).keys()].map(() => 'text')), // more names than there are
      missing(Array(10_000).fill('css')), // a huge array
      missing([]),
      missing('anchor'),
      missing(['anchor'], 'step.shown'), // only a missing target names them
      { ...missing(['anchor']), strategies: { anchor: 'div.secret' } }, // a field of its own
    ]) {
      await expect(send(forged)).rejects.toBeInstanceOf(BadMessage);
    }
    expect(record).toHaveBeenCalledTimes(1);
  });
});

describe('held answers', () => {
  it('answers no message before the registry is read', async () => {
    let release = () => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const handler = vi.fn(() => 'answer');
    const held = heldUntilReady({ 'guides:list': handler } as never, ready) as unknown as Record<
      string,
      (data: unknown, sender: object) => Promise<unknown>
    >;
    const answer = held['guides:list']?.({}, {});
    await Promise.resolve();
    expect(handler).not.toHaveBeenCalled();
    release();
    await expect(answer).resolves.toBe('answer');
  });
});
