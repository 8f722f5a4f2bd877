import type { HeaderMap } from './headers.js';

/**
 * Reads `Retry-After` as delta-seconds (fractional allowed: Shopify sends "2.0") or an HTTP-date.
 * Returns milliseconds to wait from `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // An HTTP-date always names a month ("Wed, 21 Oct 2015 07:28:00 GMT"); bare numbers like "-3" are not dates.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Reads a reset header: seconds until reset, or an epoch timestamp (seconds or ms) when the value is
 * large enough to be one. Used for `X-RateLimit-Reset` style headers.
 */
export function parseResetHeader(value: string | undefined, now: number): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value);
  if (n > 1e12) return Math.max(0, n - now); // epoch ms
  if (n > 1e9) return Math.max(0, n * 1000 - now); // epoch s
  return Math.ceil(n * 1000); // delta s
}

/** The server's wait, from `Retry-After` first, then the given reset headers. */
export function serverRetryDelay(headers: HeaderMap, now: number, resetHeaders: readonly string[] = []): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;
  for (const name of resetHeaders) {
    const reset = parseResetHeader(headers[name.toLowerCase()], now);
    if (reset !== undefined) return reset;
  }
  return undefined;
}
