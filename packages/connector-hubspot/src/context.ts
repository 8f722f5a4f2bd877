import type { HttpClient, RateLimiter } from '@cf/core';

/**
 * What a resource needs from the connector. `http` is read on every call, so resources keep working after
 * `disconnect()` + `connect()` replaced the client.
 */
export interface HubSpotContext {
  readonly http: HttpClient;
  /** The search bucket (5/s, sharing the ten-second window), or false when rate limiting is off. */
  readonly searchLimiter: RateLimiter | false;
  /** Batch chunks in flight at once. */
  readonly batchConcurrency: number;
}
