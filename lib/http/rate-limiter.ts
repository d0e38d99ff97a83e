/**
 * A token bucket per key, in memory: each key may spend `capacity` requests at once and earns `refillPerSecond`
 * back. Memory stays bounded: past `maxKeys` keys, buckets that have refilled completely (they carry no state worth
 * keeping) are dropped first, then the longest-unused ones.
 */

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  maxKeys?: number;
  /** Milliseconds; injectable so tests move time instead of waiting. */
  now?: () => number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const DEFAULT_MAX_KEYS = 10_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: TokenBucketOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) throw new Error("A token bucket needs a capacity of at least 1 and a positive refill rate");
    this.capacity = options.capacity;
    this.refillPerMs = options.refillPerSecond / 1000;
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.tokensAt(bucket, now) : this.capacity;
    if (tokens < 1) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.refillPerMs / 1000)) };
    }
    // Re-inserting keeps the Map ordered from least to most recently used.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
    if (this.buckets.size > this.maxKeys) this.evict(now);
    return { allowed: true, remaining: Math.floor(tokens - 1) };
  }

  private tokensAt(bucket: Bucket, now: number): number {
    return Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.refillPerMs);
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, now) >= this.capacity) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
