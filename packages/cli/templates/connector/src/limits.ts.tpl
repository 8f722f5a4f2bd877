/**
 * The API's published limits. Replace these with its documented limits and link the page here, in the README's
 * limits table and in src/metadata.ts: core's rate limiter spaces requests by them.
 */
export const RATE_LIMITS_DOC = '{{docsUrl}}';

/** Requests per second (connector default until the documented one is known). */
export const REQUESTS_PER_SECOND = 10;

/** The windows core's limiter enforces. */
export const RATE_LIMIT_WINDOWS = [{ name: 'requests', limit: REQUESTS_PER_SECOND, intervalMs: 1_000 }] as const;
