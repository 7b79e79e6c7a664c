import { describe, expect, it, vi } from 'vitest';
import { BadMessage, routeMessage } from '../../background/messageRouter';
import type { Handlers, ToBackground } from '../../core/messages';

function handlers() {
  const advance = vi.fn(async () => null);
  return {
    advance,
    all: { 'run:advance': advance } as unknown as Handlers<ToBackground>,
  };
}

describe('background message router', () => {
  it('passes a valid request to its handler', async () => {
    const { all, advance } = handlers();
    await routeMessage(
      all,
      { type: 'run:advance', data: { guideId: 'g', stepIndex: 1, action: 'next' } },
      {},
    );
    expect(advance).toHaveBeenCalledWith({ guideId: 'g', stepIndex: 1, action: 'next' }, {});
  });

  it('rejects malformed requests with a clear error and never calls the handler', async () => {
    const { all, advance } = handlers();
    const bad = routeMessage(
      all,
      { type: 'run:advance', data: { guideId: 'g', stepIndex: -1, action: 'jump' } },
      {},
    );
    await expect(bad).rejects.toBeInstanceOf(BadMessage);
    await expect(bad).rejects.toThrow(/^run:advance: /);
    expect(advance).not.toHaveBeenCalled();
  });

  it('refuses a local snapshot over more than a year, as the endpoint does', async () => {
    const snapshot = vi.fn(async () => null);
    const all = { 'activity:snapshot': snapshot } as unknown as Handlers<ToBackground>;
    const ask = (to: string) =>
      routeMessage(
        all,
        { type: 'activity:snapshot', data: { period: { from: '2025-01-01', to }, baseline: null } },
        {},
      );
    await ask('2026-01-01');
    expect(snapshot).toHaveBeenCalledTimes(1);
    await expect(ask('2026-01-02')).rejects.toThrow('a period spans at most 366 days');
    expect(snapshot).toHaveBeenCalledTimes(1);
  });

  it('leaves messages that are not ours unanswered', () => {
    const { all } = handlers();
    expect(routeMessage(all, { type: 'other:thing', data: {} }, {})).toBeUndefined();
    expect(routeMessage(all, 'hello', {})).toBeUndefined();
    expect(routeMessage(all, null, {})).toBeUndefined();
  });
});
