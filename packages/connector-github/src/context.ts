import type { HttpClient, RateLimiter } from '@cf/core';

/**
 * What a resource needs from the connector. `http` is read on every call, so resources keep working after
 * `disconnect()` + `connect()` replaced the client.
 */
export interface GitHubContext {
  readonly http: HttpClient;
  /** The `search` quota's limiter (30 requests a minute), apart from `core`'s; false when rate limiting is off. */
  readonly searchLimiter: RateLimiter | false;
}
