import type { $ZodType } from 'zod/v4/core';
import type { HeaderMap } from '../http/headers.js';
import type { QueryParams } from '../http/url.js';
import type { RateLimiter } from '../policies/rate-limiter.js';
import type { RetryOverrides } from '../policies/retry-policy.js';

/** The HTTP methods a request may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Options every public connector method accepts as its last argument. */
export interface CallOptions {
  /** Aborts the call, including its waits (retry, rate limit, concurrency): it fails with CANCELLED. */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Extra headers for this call (CR/LF rejected). */
  headers?: Record<string, string>;
  /** Overrides the client's retry options for this call, or false to not retry. */
  retry?: RetryOverrides | false;
  /** An idempotency key makes a POST/PATCH safe to retry; sent in `Idempotency-Key`. */
  idempotencyKey?: string;
  /** A correlation id to use instead of a generated one. */
  requestId?: string;
}

/**
 * One request through `HttpClient.request`: where, what to send, how to validate the answer, and per-call overrides.
 */
export interface RequestSpec<T = unknown> extends CallOptions {
  /** The method. @default 'GET' */
  method?: HttpMethod;
  /** A path template under the base URL: `/v2/hex/{hex}`; placeholders filled from `params`, encoded. */
  path?: string;
  /** An absolute URL (a pagination link): requests to another origin never carry credentials. */
  url?: string;
  /** Values of the path template's `{placeholders}`, percent-encoded. */
  params?: Record<string, string | number>;
  /** Query parameters (undefined values left out, arrays repeated). */
  query?: QueryParams;
  /** A JSON body. */
  body?: unknown;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  /** Validates the response data; unknown fields pass through when the schema is loose. */
  schema?: $ZodType<T>;
  /** Marks a POST as safe to repeat (a search, a GraphQL query). */
  idempotent?: boolean;
  /** A name for logs, events and metrics (e.g. `contacts.list`). */
  operation?: string;
  /** Units taken from the rate limiter. @default 1 */
  cost?: number;
  /** Uses this limiter instead of the client's (e.g. a separate search bucket), or none. */
  rateLimiter?: RateLimiter | false;
  /** GET only: cache control for this call; `ttlMs` overrides the server's lifetime (Infinity for immutable data). */
  cache?: false | { ttlMs?: number };
  /** How to read the body. @default 'json' */
  responseType?: 'json' | 'text';
}

/** What happened during a call, besides the response. */
export interface ResponseMeta {
  /** The correlation id (sent in `x-request-id` unless configured otherwise). */
  requestId: string;
  /** Milliseconds from the call's start to the parsed response, waits and retries included. */
  durationMs: number;
  /** Attempts made (1 when it was not retried). */
  attempts: number;
  /** Milliseconds spent waiting on rate limits. */
  rateLimitWaitMs: number;
  /** Units left per rate window after this call, as the limiter saw it. */
  rateLimit: Record<string, number>;
  /** True when the body came from the response cache. */
  cached: boolean;
  /** The final URL, redacted. */
  url: string;
}

/** A parsed, validated response and what happened to get it. */
export interface ApiResponse<T> {
  /** The body, parsed (JSON by default) and validated by the request's `schema`. */
  data: T;
  /** The HTTP status (2xx). */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /** Request id, attempts, timings, rate-limit state, cache use and the final URL. */
  meta: ResponseMeta;
}
