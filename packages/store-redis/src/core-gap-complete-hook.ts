import { RateLimiter, type RateLimiterOptions } from '@cf/core';
import type { RedisRateLimitStore } from './redis-rate-limit-store.js';

/**
 * CORE GAP: core's `RateLimiter.complete(cost)` (called by HttpClient when a response arrives) does not tell the
 * store, so a shared sliding window counts each request from its grant, not from its answer, and the spread of
 * grant-to-arrival latency between requests can put one request too many in the API's window (a 429).
 * Proposed core change: `RateLimitStore.complete?(key, windows, cost): Promise<void>`, called (not awaited) by
 * `RateLimiter.complete`. Until then, pass this limiter as `rateLimit` instead of `{ windows, key }` + `store`.
 * Remove this file when core calls `store.complete`.
 */
export class SettlingRateLimiter extends RateLimiter {
  private readonly shared: RedisRateLimitStore;

  constructor(options: RateLimiterOptions & { store: RedisRateLimitStore }) {
    super(options);
    this.shared = options.store;
  }

  override complete(cost: number): void {
    super.complete(cost);
    void this.shared.complete(this.key, this.windows);
  }
}
