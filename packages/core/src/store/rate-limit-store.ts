/** One rate-limit window: its name, size, interval and algorithm (token bucket, sliding or fixed window). */
export interface RateWindow {
  /** Stable name, e.g. `ten_secondly`, `daily`, `cost`. */
  name: string;
  /** Units (requests or cost points) allowed per interval. */
  limit: number;
  /** The window's length (token bucket: the time to refill `limit` units), in ms. */
  intervalMs: number;
  /**
   * - `token-bucket`: refills continuously at limit/interval, holds up to `burst` (the default).
   * - `sliding-window`: at most `limit` in any interval (HubSpot's rolling 10 s window).
   * - `fixed-window`: a counter reset at each interval boundary (daily quotas).
   */
  algorithm?: 'token-bucket' | 'sliding-window' | 'fixed-window';
  /** Token-bucket capacity. @default limit */
  burst?: number;
  /** A wait longer than this fails fast with RATE_LIMIT instead of waiting (e.g. a daily quota). @default Infinity */
  maxWaitMs?: number;
  /** Fixed window: when the current window ends, as epoch ms, given now (e.g. next midnight). Default: aligned to intervalMs. */
  resetAt?: (now: number) => number;
}

/** The answer to a `consume`: granted, or how long to wait and which window refused. */
export interface ConsumeResult {
  /** Whether the units were taken (from every window at once). */
  granted: boolean;
  /** When not granted: how long until `cost` would be available in every window. */
  waitMs: number;
  /** The window that refused, when not granted. */
  window?: string;
  /** Units left after this consume, per window. */
  remaining: Record<string, number>;
}

/** What an API said about a window in its response (quota headers or a body such as Shopify's throttleStatus). */
export interface QuotaObservation {
  /** The window's name (a `RateWindow.name`). */
  window: string;
  /** Units left in the window, as the API counts them. */
  remaining?: number;
  /** The window's size, as the API reports it (corrects a configured limit). */
  limit?: number;
  /** Milliseconds until the window resets, when the API said. */
  resetInMs?: number;
  /** Token buckets: the server's refill per second (Shopify `restoreRate`). */
  refillPerSecond?: number;
  /** `min` (default) only lowers the local count; `exact` adopts the server's number (refunds included). */
  mode?: 'min' | 'exact';
}

/**
 * Where a rate limiter keeps its state. Memory by default; an implementation backed by a shared server (Redis) lets
 * many processes spend one API quota. Every method is atomic per key.
 */
export interface RateLimitStore {
  /** Takes `cost` units from every window of `key` if all have room; otherwise takes nothing and returns the wait. */
  consume(key: string, windows: readonly RateWindow[], cost: number): Promise<ConsumeResult>;
  /** Corrects a window's count from what the API reported. */
  observe(key: string, windows: readonly RateWindow[], observation: QuotaObservation): Promise<void>;
  /** Pauses every caller of `key` until `untilEpochMs` (epoch ms); a later pause wins. */
  pauseUntil(key: string, untilEpochMs: number): Promise<void>;
  /** The end of `key`'s pause (epoch ms); a time in the past (0) when not paused. */
  pausedUntil(key: string): Promise<number>;
  /**
   * `cost` units granted earlier were answered now. Sliding windows re-stamp them at this moment: the API
   * counted the request when it arrived, which is after the grant, so a stamp at grant time would let a
   * request of the next window reach the API inside the old one. Optional: without it, grant time is used.
   */
  complete?(key: string, windows: readonly RateWindow[], cost: number): Promise<void>;
  /**
   * Gives `cost` units back to the token-bucket windows (all of them, or the one named `window`), never above
   * their capacity: the API refused the request without charging it (a GraphQL query rejected before execution).
   * Optional: without it, refunds are ignored and the units come back with the refill.
   */
  refund?(key: string, windows: readonly RateWindow[], cost: number, window?: string): Promise<void>;
}
