/** The funnel's own defaults (each policy keeps its defaults beside it: DEFAULT_RETRY, DEFAULT_CIRCUIT_BREAKER, …). */
export const DEFAULT_HTTP = {
  /** Per attempt: connect, headers and the whole body of `request()`. */
  timeoutMs: 30_000,
  /** Larger bodies fail with PARSING_ERROR. */
  maxResponseBytes: 50 * 1024 * 1024,
  /** Redirects followed per attempt. */
  maxRedirects: 5,
  /** Header carrying the correlation id. */
  requestIdHeader: 'x-request-id',
  userAgent: '@cf/core',
} as const;

/** The longest timer Node accepts without a TimeoutOverflowWarning is 2^31−1 ms; we cap options at one hour. */
export const MAX_TIMEOUT_MS = 3_600_000;
