import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from '../../../background/sync';
import { endpointProblem } from '../../../core/endpointAddress';

describe('sync timing and settings', () => {
  it('backs off exponentially with jitter, capped at an hour', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, middle))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(30, middle)).toBe(3_600_000);
    expect(backoffMs(1, () => 0)).toBe(15_000);
    expect(backoffMs(1, () => 0.999)).toBeLessThan(45_000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('explains what is wrong with an endpoint address', () => {
    expect(endpointProblem('https://waymark.example.com')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:8787')).toBeNull();
    expect(endpointProblem('http://localhost:8787')).toBeNull();
    expect(endpointProblem('http://[::1]:8787')).toBeNull();
    expect(endpointProblem('http://waymark.example.com:8787')).toBe(
      'http:// is for an endpoint on this machine only; use https://waymark.example.com:8787 for a server elsewhere',
    );
    expect(endpointProblem('http://127.0.0.1.example.com')).toMatch(/this machine only/);
    expect(endpointProblem('waymark.example.com')).toMatch(/Enter the endpoint address/);
    expect(endpointProblem('ftp://x.example.com')).toMatch(/must start with https/);
    expect(endpointProblem('https://admin:secret@x.example.com')).toMatch(
      /user names and passwords/,
    );
  });
});
