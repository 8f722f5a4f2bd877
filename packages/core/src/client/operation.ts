import type { CachedResponse } from '../http/response-cache.js';
import type { HeaderMap } from '../http/headers.js';
import type { GuardedBody } from '../http/guarded-body.js';
import type { RateLimiter } from '../policies/rate-limiter.js';
import type { RetryOptions } from '../policies/retry-policy.js';
import type { PreparedRequest } from './prepare-request.js';
import type { RequestSpec } from './request-types.js';

/** One logical operation (one `request()` or `stream()`, all its attempts), as the pipeline's steps see it. */
export interface Operation {
  readonly spec: RequestSpec;
  readonly request: PreparedRequest;
  readonly requestId: string;
  readonly streaming: boolean;
  readonly startedAt: number;
  readonly retry: RetryOptions | false;
  readonly limiter: RateLimiter | undefined;
  readonly signal: AbortSignal | undefined;
  /** The current attempt, 1-based (0 before the first). */
  attempt: number;
  rateLimitWaitMs: number;
  /** This attempt handed its request to the transport (it may have reached the server). */
  sent: boolean;
  /** An attempt reached the server and its outcome is unknown, or a 2xx arrived: a write may have applied. */
  mayHaveApplied: boolean;
  /** A stored response to revalidate with `If-None-Match` (set by the cache step). */
  cached: CachedResponse | undefined;
  /** A 401 was answered by renewing credentials once already. */
  renewedAuth: boolean;
  /** Set by the rate-limit step: marks this attempt's units as answered when the response headers arrive. */
  onAnswer: (() => void) | undefined;
}

/** What the inner steps hand back out: one HTTP answer (or a cached one), read or streaming. */
export interface Exchange {
  status: number;
  headers: HeaderMap;
  /** The whole body (`request()`); empty for a stream. */
  buffer: Uint8Array;
  /** The live body of a `stream()`. */
  body?: GuardedBody;
  /** The body parsed as JSON once, when something already needed it (quota observation, inspection). */
  parsed?: { value: unknown };
  /** The decoded (and validated) data, set by the decode step. */
  data?: unknown;
  fromCache: boolean;
  /** The final URL (after redirects). */
  url: URL;
}

/** A step of the pipeline: does its part around `next()` (the steps after it), as a middleware. */
export type Step = (op: Operation, next: () => Promise<Exchange>) => Promise<Exchange>;

export type { HeaderMap, RequestSpec };
