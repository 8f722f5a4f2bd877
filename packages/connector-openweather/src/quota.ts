import { MemoryRateLimitStore, RateLimiter, type Clock, type RateLimitStore, type RateWindow } from '@cf/core';

/** Local quota settings. The defaults are the free plan's; raise them for a paid plan. */
export interface OpenWeatherLimits {
  /** Calls per minute for the whole key, every endpoint included. @default 60 (free plan, https://openweathermap.org/full-price) */
  perMinute?: number | undefined;
  /**
   * Calls per any interval for the whole key, every endpoint included: at most `limit` in any `intervalMs` (a rolling
   * window named `requests`), e.g. `{ limit: 10, intervalMs: 20_000 }` for a proxy or plan that counts 10 per 20 s.
   * Instead of `perMinute`, which is `{ limit: perMinute, intervalMs: 60_000 }` (window `minute`); not both.
   */
  requests?: RequestWindow | undefined;
  /**
   * One Call 3.0 calls per UTC day, enforced before the network: the next call fails fast with RATE_LIMIT instead of
   * being billed. `false` removes the local cap (the daily cap set in your OpenWeather account still applies).
   * @default 1000 (the free daily allowance, https://openweathermap.org/api/one-call-3)
   */
  oneCallPerDay?: number | false | undefined;
  /** The key the counts are stored under: one API key = one quota key, also across processes sharing a `store`. @default 'openweather' */
  key?: string | undefined;
}

/** A rolling window: at most `limit` calls in any `intervalMs` milliseconds. */
export interface RequestWindow {
  /** Calls allowed in any window. */
  limit: number;
  /** The window's length, in ms. */
  intervalMs: number;
}

/** The free plan's limits: 60 calls a minute per key, 1,000 One Call 3.0 calls a day. */
export const FREE_PLAN_LIMITS = { perMinute: 60, oneCallPerDay: 1000 } as const;

/** The key-wide window's name when set with `perMinute` (or by default). */
export const MINUTE_WINDOW = 'minute';
/** The key-wide window's name when set with `requests`. */
export const REQUESTS_WINDOW = 'requests';
/** The name of the One Call 3.0 daily window (reset at 00:00 UTC). */
export const ONE_CALL_DAILY_WINDOW = 'oneCallDaily';

/** The next 00:00 UTC after `now` (epoch ms). */
export function nextUtcMidnight(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/** Two limiters over one store and key: every call spends the shared minute window; One Call also its daily one. */
export interface Quota {
  general: RateLimiter;
  oneCall: RateLimiter;
}

/** The store and key the counts live under: the user's store, or one in memory; `limits.key` or `'openweather'`. */
export function quotaStore(limits: OpenWeatherLimits, store: RateLimitStore | undefined, clock: Clock | undefined): { store: RateLimitStore; key: string } {
  return { store: store ?? new MemoryRateLimitStore(clock), key: limits.key ?? 'openweather' };
}

export function createQuota(limits: OpenWeatherLimits, store: RateLimitStore | undefined, clock: Clock | undefined): Quota {
  // One store for both limiters: windows are stored per key and window name, so `minute` is one count for all calls.
  const { store: shared, key } = quotaStore(limits, store, clock);
  const minute: RateWindow = {
    ...(limits.requests
      ? { name: REQUESTS_WINDOW, limit: limits.requests.limit, intervalMs: limits.requests.intervalMs }
      : { name: MINUTE_WINDOW, limit: limits.perMinute ?? FREE_PLAN_LIMITS.perMinute, intervalMs: 60_000 }),
    // The API does not say whether its minute is rolling or fixed; a rolling window satisfies both.
    algorithm: 'sliding-window',
  };
  const perDay = limits.oneCallPerDay ?? FREE_PLAN_LIMITS.oneCallPerDay;
  const daily: RateWindow[] =
    perDay === false
      ? []
      : [{ name: ONE_CALL_DAILY_WINDOW, limit: perDay, intervalMs: 86_400_000, algorithm: 'fixed-window', resetAt: nextUtcMidnight, maxWaitMs: 0 }];
  const common = { key, store: shared, ...(clock ? { clock } : {}) };
  return {
    general: new RateLimiter({ windows: [minute], ...common }),
    oneCall: new RateLimiter({ windows: [minute, ...daily], ...common }),
  };
}
