import type { QuotaObservation } from '../store/rate-limit-store.js';
import type { Clock } from '../time/clock.js';
import type { HeaderMap } from './headers.js';
import { parseResetHeader } from './retry-after.js';

/** The names of one set of quota headers (lower-case), for `quotaFromHeaders`. */
export interface QuotaHeaderNames {
  /** The header carrying the window's size. */
  limit?: string;
  /** The header carrying what is left of the window. */
  remaining: string;
  /** Seconds until reset, or an epoch timestamp (seconds or ms). */
  reset?: string;
}

/** The common spellings: `X-RateLimit-*` (GitHub, many APIs) and the IETF draft's `RateLimit-*`. */
export const STANDARD_QUOTA_HEADERS: readonly QuotaHeaderNames[] = [
  { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' },
  { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining', reset: 'ratelimit-reset' },
];

/**
 * Builds an `observeQuota` function that reads quota headers into observations of `window`.
 * The first header set present in a response wins; `mode` says whether the server's remaining count only
 * lowers the local one (`min`, safe when other clients share the quota) or replaces it (`exact`).
 */
export function quotaFromHeaders(
  window: string,
  options: { names?: readonly QuotaHeaderNames[]; mode?: 'min' | 'exact'; now?: () => number } = {},
): (ctx: { headers: HeaderMap; clock?: Clock }) => QuotaObservation[] {
  const sets = options.names ?? STANDARD_QUOTA_HEADERS;
  return ({ headers, clock }) => {
    // The client's clock when called by a client (a FakeClock in tests); `options.now` or the system clock otherwise.
    const now = (): number => (clock ? clock.now() : (options.now ?? Date.now)());
    for (const names of sets) {
      const remaining = toNumber(headers[names.remaining.toLowerCase()]);
      if (remaining === undefined) continue;
      const limit = names.limit ? toNumber(headers[names.limit.toLowerCase()]) : undefined;
      const resetInMs = names.reset ? parseResetHeader(headers[names.reset.toLowerCase()], now()) : undefined;
      return [
        {
          window,
          remaining,
          ...(limit !== undefined ? { limit } : {}),
          ...(resetInMs !== undefined ? { resetInMs } : {}),
          mode: options.mode ?? 'min',
        },
      ];
    }
    return [];
  };
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}
