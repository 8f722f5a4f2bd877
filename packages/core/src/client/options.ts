import * as z from '../schema/zod.js';
import type { AuthProvider } from '../auth/auth-provider.js';
import type { ConnectorError } from '../errors/connector-error.js';
import type { HeaderMap } from '../http/headers.js';
import type { Transport } from '../http/transport.js';
import type { Hooks } from '../hooks/hooks.js';
import type { Logger } from '../hooks/logger.js';
import type { CircuitBreakerOptions } from '../policies/circuit-breaker.js';
import type { ConcurrencyOptions } from '../policies/concurrency-limiter.js';
import type { RateLimiter, RateLimiterOptions } from '../policies/rate-limiter.js';
import type { RetryOverrides } from '../policies/retry-policy.js';
import type { QuotaObservation, RateLimitStore } from '../store/rate-limit-store.js';
import type { Clock } from '../time/clock.js';
import type { ResponseCache } from '../http/response-cache.js';
import { zodToValidationError } from '../validation/parse.js';
import { MAX_TIMEOUT_MS } from './defaults.js';

/** What an error mapper sees of a failed response. */
export interface ErrorContext {
  /** The HTTP status. */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /** Parsed JSON body, or the text when it was not JSON. */
  body: unknown;
  /** The request method. */
  method: string;
  /** Redacted path and query. */
  path: string;
  /** Server-given wait (Retry-After, or the reset headers of a rate-limit answer), when any. */
  retryAfterMs: number | undefined;
  /** Whether the answer is a rate limit (`isRateLimited`; 429 by default). */
  rateLimited: boolean;
  /** The error core would throw; return it changed, a different one, or undefined to keep it. */
  defaultError: ConnectorError;
  /** The client's clock (a FakeClock in tests): never read `Date.now()` behind its back. */
  clock: Clock;
}

/** What a rate-limit classifier sees of a non-2xx response. */
export interface RateLimitAnswerContext {
  /** The HTTP status. */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /** Parsed JSON body, or the text when it was not JSON. */
  body: unknown;
}

/** What a quota observer sees of every response. */
export interface QuotaContext {
  /** The HTTP status. */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /**
   * The parsed body (JSON, or the text when it was not JSON), when there is one. Parsed on first read (a getter),
   * so an observer that reads only headers costs no parse here; read it, do not spread the context.
   */
  readonly data: unknown;
  /** The client's clock, for reset times. */
  clock: Clock;
}

/** What a response inspector sees of a 2xx response (for APIs that report errors with 200, like GraphQL). */
export interface ResponseContext {
  /** The HTTP status (2xx). */
  status: number;
  /** The response headers, lower-cased. */
  headers: HeaderMap;
  /** The parsed body. */
  data: unknown;
  /** The request method. */
  method: string;
  /** The redacted path and query. */
  path: string;
  /** The client's clock. */
  clock: Clock;
}

/** Everything a connector configures about its API, plus the user's overrides. */
export interface HttpClientOptions {
  /** The API's base URL; a path prefix such as `/data/2.5` is kept. */
  baseUrl: string;
  /** The connector's name, reported as `source` on errors and events. */
  source: string;
  /** Sent as `User-Agent`. @default `@cf/core` (in a browser none: the browser sends its own, and a set one would be preflighted) */
  userAgent?: string;
  /** How requests authenticate (`bearerAuth`, `apiKeyAuth`, `oauth2Auth`…). @default noAuth */
  auth?: AuthProvider;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** Query parameters sent on every request. */
  query?: Record<string, string | number | boolean>;
  /** Per-attempt timeout. @default 30000 */
  timeoutMs?: number;
  /** Retry options (any subset of `DEFAULT_RETRY`), or false to never retry. */
  retry?: RetryOverrides | false;
  /** Circuit breaker options per origin (any subset of `DEFAULT_CIRCUIT_BREAKER`), or false for none. */
  circuitBreaker?: Partial<CircuitBreakerOptions> | false;
  /** A limiter to share, options for a new one, or false for none. */
  rateLimit?: RateLimiter | RateLimiterOptions | false;
  /** Backing store for a limiter built from options (memory by default). */
  store?: RateLimitStore;
  /** Requests in flight and queued at once (any subset of `DEFAULT_CONCURRENCY`). */
  concurrency?: Partial<ConcurrencyOptions>;
  /** Functions run around each attempt (`beforeRequest`, `afterResponse`, `onError`, `onRetry`). */
  hooks?: Hooks;
  /** Where the client logs (redacted). @default silentLogger */
  logger?: Logger;
  /** The clock for waits, timeouts and timestamps (a FakeClock in tests). @default systemClock */
  clock?: Clock;
  /** Response bodies larger than this fail with PARSING_ERROR. @default 52428800 (50 MB) */
  maxResponseBytes?: number;
  /**
   * Header carrying the correlation id, or false to not send it. In a browser page or worker the default is false:
   * a custom header makes every cross-origin call preflighted, and refused by an API whose CORS answer does not list
   * it (the id is still on every event and error). @default 'x-request-id'
   */
  requestIdHeader?: string | false;
  /**
   * Reset headers read (after Retry-After) for how long to wait, on rate-limit answers only: an API that sends
   * a reset epoch on every response (GitHub) must not turn a 502 into an hour-long refusal to retry.
   */
  retryAfterHeaders?: string[];
  /**
   * Which non-2xx answers are rate limits besides 429 (GitHub: 403 with `x-ratelimit-remaining: 0`, or a
   * secondary limit with `retry-after`). A rate-limit answer gets every 429 behaviour: RATE_LIMIT, the shared
   * pause, neutral for the breaker, safe to resend a POST. @default status 429
   */
  isRateLimited?: (ctx: RateLimitAnswerContext) => boolean;
  /** Maps the API's error body into core's codes. */
  mapError?: (ctx: ErrorContext) => ConnectorError | undefined;
  /** Turns a 2xx response that reports a failure into an error (GraphQL errors, THROTTLED). */
  inspectResponse?: (ctx: ResponseContext) => ConnectorError | undefined;
  /** Reads quota information from a response (headers or body) to correct the limiter. */
  observeQuota?: (ctx: QuotaContext) => QuotaObservation[];
  /** Extra secret header / query names to redact. */
  redact?: { headers?: string[]; params?: string[] };
  /** Redirects to another origin: followed without credentials (default) or refused. */
  foreignRedirects?: 'strip-credentials' | 'refuse';
  /** An optional response cache for GET requests (ETag / Cache-Control aware). */
  cache?: ResponseCache | false;
  /** What sends the requests. @default defaultTransport(): undici on Node, `fetch` elsewhere */
  transport?: Transport;
}

const fn = () =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
const obj = () => z.custom<object>((v) => typeof v === 'object' && v !== null, 'must be an object');
const positiveInt = () => z.int().check(z.positive());
// Building blocks are functions, not constants: a constant schema would be built on import.
const nonNegative = (max: number) => z.number().check(z.nonnegative(), z.lte(max));

/** Shared by client options and per-call options: one rule for both. */
export const timeoutMsSchema = z.lazySchema(() =>
  z.int().check(z.positive(), z.lte(MAX_TIMEOUT_MS)),
);
/** The zod schema of a header map (`Record<string, string>`), for options that take headers. */
export const headersSchema = z.lazySchema(() =>
  z.record(z.string(), z.string()),
);

/**
 * The zod schema of retry options (client or per call): false, or a subset of `RetryOptions` with bounds (at most 20
 * attempts…).
 */
export const retrySchema = z.lazySchema(() =>
  z.union([
  z.literal(false),
  z.strictObject({
    maxAttempts: z.optional(z.int().check(z.positive(), z.lte(20))),
    maxRetryAfterMs: z.optional(nonNegative(MAX_TIMEOUT_MS * 24)),
    budgetMs: z.optional(z.number().check(z.positive(), z.lte(MAX_TIMEOUT_MS * 24))),
    random: z.optional(fn()),
    backoff: z.optional(
      z.object({
        initialDelayMs: z.optional(nonNegative(MAX_TIMEOUT_MS)),
        factor: z.optional(z.number().check(z.gte(1), z.lte(100))),
        maxDelayMs: z.optional(nonNegative(MAX_TIMEOUT_MS)),
        jitterMin: z.optional(z.number().check(z.gte(0), z.lte(1))),
      }),
    ),
  }),
]),
);

/**
 * The zod schema `HttpClient` validates its options with (`validateHttpClientOptions`): a failed check throws
 * `ValidationError` (VALIDATION_ERROR) naming the option.
 */
export const httpClientOptionsSchema = z.lazySchema(() =>
  z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/, error: 'baseUrl must be an absolute http(s) URL' }),
  source: z.string().check(z.minLength(1)),
  userAgent: z.optional(z.string().check(z.minLength(1))),
  auth: z.optional(obj()),
  headers: z.optional(headersSchema),
  query: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  timeoutMs: z.optional(timeoutMsSchema),
  retry: z.optional(retrySchema),
  circuitBreaker: z.optional(
    z.union([z.literal(false), z.strictObject({ failureThreshold: z.optional(positiveInt()), openMs: z.optional(z.number().check(z.positive())) })]),
  ),
  rateLimit: z.optional(z.union([z.literal(false), obj()])),
  store: z.optional(obj()),
  concurrency: z.optional(z.strictObject({ maxInFlight: z.optional(positiveInt()), maxQueue: z.optional(z.int().check(z.nonnegative())) })),
  hooks: z.optional(obj()),
  logger: z.optional(obj()),
  clock: z.optional(obj()),
  maxResponseBytes: z.optional(positiveInt()),
  requestIdHeader: z.optional(z.union([z.literal(false), z.string().check(z.regex(/^[A-Za-z0-9-]+$/))])),
  retryAfterHeaders: z.optional(z.array(z.string())),
  isRateLimited: z.optional(fn()),
  mapError: z.optional(fn()),
  inspectResponse: z.optional(fn()),
  observeQuota: z.optional(fn()),
  redact: z.optional(z.object({ headers: z.optional(z.array(z.string())), params: z.optional(z.array(z.string())) })),
  foreignRedirects: z.optional(z.enum(['strip-credentials', 'refuse'])),
  cache: z.optional(z.union([z.literal(false), obj()])),
  transport: z.optional(obj()),
}),
);

/** Validates client options once, at the edge. Throws VALIDATION_ERROR naming each bad field. */
export function validateHttpClientOptions(options: HttpClientOptions): HttpClientOptions {
  const result = z.safeParse(httpClientOptionsSchema, options);
  if (!result.success) throw zodToValidationError(result.error, 'Invalid client configuration', options.source);
  return options;
}
