/**
 * Request limits, held in memory only and never stored or logged. Every browser of an
 * organisation shares its ingest token, so a limit per token would let one runaway or hostile
 * holder starve all the others: each client (its network address) has its own bucket per token,
 * and requests with tokens that fail have a bucket per client of their own, checked before the
 * store is asked. Each replica limits on its own; the limits guard against floods, not a quota.
 */
import { isIPv6 } from 'node:net';

export interface RateLimit {
  /** Requests per second one client may sustain with one token. */
  perSecond: number;
  /** Requests one client may send at once after being idle. */
  burst: number;
}

/** A browser sends a few batches and a guide-pack check per delivery, minutes apart. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 5, burst: 20 };

/** Failed authentications a client may make: enough to fix a typo, too few to guess. */
export const BAD_TOKEN_LIMIT: RateLimit = { perSecond: 0.2, burst: 10 };

/** Clients kept at most; past it, those idle long enough to have full buckets are forgotten. */
const MAX_CLIENTS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = MAX_CLIENTS,
  ) {}

  private refill(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    bucket.at = now;
    return bucket;
  }

  private waitFor(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  /** Seconds until `key` may send again: 0 when it may now. Takes nothing. */
  check(key: string): number {
    const bucket = this.refill(key, this.now());
    return bucket.tokens >= 1 ? 0 : this.waitFor(bucket);
  }

  /** Takes one request from `key`'s bucket: 0 when allowed, else seconds until it would be. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.refill(key, now);
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.forgetIdle(now);
      if (this.buckets.size >= this.maxKeys) return this.waitFor({ tokens: 0, at: now });
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.waitFor(bucket);
  }

  /**
   * Buckets that have filled up again say nothing a new bucket would not. At most once per
   * refill time, so a flood of new clients cannot make every request walk the whole map.
   */
  private forgetIdle(now: number): void {
    if (now - this.sweptAt < (this.limit.burst / this.limit.perSecond) * 1000) return;
    this.sweptAt = now;
    for (const key of [...this.buckets.keys()]) {
      if (this.refill(key, now).tokens >= this.limit.burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The client a request is limited as: its address, or with `trustedProxies` hops of proxies in
 * front, the address the outermost trusted proxy saw (X-Forwarded-For is appended to by each hop,
 * so only the last `trustedProxies` entries can be believed). IPv6 clients are taken by their
 * /64, which one host is usually given whole.
 */
export function clientOf(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string {
  let address = socketAddress ?? '';
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map((hop) => hop.trim());
    address = hops[hops.length - trustedProxies] ?? hops[0] ?? address;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return isIPv6(address) ? ipv6Prefix(address) : address;
}

/** The first four groups of an IPv6 address, `::` expanded. */
function ipv6Prefix(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
