/**
 * Endpoint addresses a browser may send to: checked where a user types one and where a policy
 * sets one, with the same sentences.
 */

/** A usable endpoint URL: https (http on this machine), no credentials. Else a sentence. */
export function endpointProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter the endpoint address, e.g. https://waymark.example.com';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'The endpoint address must start with https:// (or http:// on this machine)';
  }
  if (parsed.username || parsed.password)
    return 'Leave user names and passwords out of the address';
  // Elsewhere the ingest token would cross the network in clear (and no permission covers it).
  if (parsed.protocol === 'http:' && !isThisMachine(parsed.hostname)) {
    return `http:// is for an endpoint on this machine only; use https://${parsed.host} for a server elsewhere`;
  }
  return null;
}

/** Loopback names and addresses: an endpoint there never leaves this computer. */
export function isThisMachine(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * The match pattern permission to reach `origin` is asked and checked for: its scheme and host
 * name, without the port. A pattern without a port covers every port in Chrome and Firefox alike,
 * but Firefox never counts a pattern with a port as covered by a granted one without it
 * (`permissions.contains` answers false), so sync to `http://127.0.0.1:8787` was refused there.
 */
export function reachPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
