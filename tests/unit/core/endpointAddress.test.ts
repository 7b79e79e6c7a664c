import { describe, expect, it } from 'vitest';
import { reachPattern } from '../../../core/endpointAddress';

describe('reachPattern', () => {
  it('asks for the scheme and host name, without the port (Firefox grants no port-specific pattern)', () => {
    expect(reachPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(reachPattern('https://waymark.example.com:8443')).toBe('https://waymark.example.com/*');
    expect(reachPattern('https://waymark.example.com')).toBe('https://waymark.example.com/*');
  });

  it('lower-cases the host as the browser does', () => {
    expect(reachPattern('https://Waymark.Example.COM')).toBe('https://waymark.example.com/*');
  });
});
