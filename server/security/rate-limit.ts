// Token buckets per key (a sending address, a user): `burst` requests at once, then `perSecond`
// on average. A refusal says when the next one would pass, which becomes `Retry-After`. Keys are
// outside text (addresses), so they live in a Map, and the Map is capped: a flood of new
// addresses forgets the fullest buckets first rather than growing without bound.

export interface RateLimit {
  /** Requests allowed at once. */
  readonly burst: number;
  /** Requests allowed per second once the burst is spent; 0 means the limit is off. */
  readonly perSecond: number;
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

const PASS: RateDecision = { ok: true };
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.limit.perSecond > 0;
  }

  /** Takes one token for `key`, or says how long until one is there. */
  take(key: string): RateDecision {
    if (!this.enabled) return PASS;
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return PASS;
    }
    return this.refusal(bucket);
  }

  /** Whether `key` has a token left, without taking it: a lockout check. */
  check(key: string): RateDecision {
    if (!this.enabled) return PASS;
    const bucket = this.buckets.get(key);
    if (!bucket) return PASS;
    const refilled = this.refill(key);
    return refilled.tokens >= 1 ? PASS : this.refusal(refilled);
  }

  private refill(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.forgetFullest(now);
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsed * this.limit.perSecond);
    bucket.at = now;
    return bucket;
  }

  private refusal(bucket: Bucket): RateDecision {
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond)),
    };
  }

  /** Drops the buckets that would be full again by now: forgetting them changes nothing. */
  private forgetFullest(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.limit.perSecond;
      if (tokens >= this.limit.burst) this.buckets.delete(key);
    }
    // Every bucket is in use: drop the oldest tenth (Maps keep insertion order).
    if (this.buckets.size >= MAX_KEYS) {
      let drop = Math.ceil(MAX_KEYS / 10);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
