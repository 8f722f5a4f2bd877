import { backoffDelay, DEFAULT_BACKOFF, withJitter, type BackoffOptions } from '../backoff/exponential-backoff.js';
import type { ConnectorError } from '../errors/connector-error.js';
import { wasNeverSent } from '../errors/guards.js';

/**
 * How failed attempts are retried: how many attempts, the backoff between them, the longest server-given wait
 * honoured, and the time budget of an operation.
 */
export interface RetryOptions {
  /** Total attempts including the first. @default 3 */
  maxAttempts: number;
  /** The delay between attempts when the server gives none (`DEFAULT_BACKOFF`). */
  backoff: BackoffOptions;
  /** A server-given wait longer than this is not waited: the call fails with RATE_LIMIT and the wait. @default 60000 */
  maxRetryAfterMs: number;
  /** Total time one logical operation may spend, waits included; no retry starts past it. @default 120000 */
  budgetMs: number;
  /** Random source for jitter, injectable for tests. */
  random: () => number;
}

/** What a user may override per client or per call: any subset, the backoff's fields included. */
export type RetryOverrides = Partial<Omit<RetryOptions, 'backoff'>> & {
  /** Any subset of the backoff's fields. */
  backoff?: Partial<BackoffOptions>;
};

/** The default: 3 attempts, exponential backoff from 1 s, server waits up to 60 s honoured, 120 s per operation. */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 3,
  backoff: DEFAULT_BACKOFF,
  maxRetryAfterMs: 60_000,
  budgetMs: 120_000,
  random: Math.random,
};

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * Whether an HTTP method is idempotent (GET, HEAD, OPTIONS, PUT, DELETE, TRACE; any case): safe to repeat after an
 * unknown outcome.
 */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** What `decideRetry` judges: the failed attempt's error, its number, whether repeating is safe, and the time spent. */
export interface RetryContext {
  /** The attempt's error (its code, status, `retryable`, `retryAfterMs`). */
  error: ConnectorError;
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** Whether repeating the request is safe (idempotent method, idempotency key, or declared idempotent). */
  idempotent: boolean;
  /** Milliseconds spent on this logical operation so far. */
  elapsedMs: number;
}

/**
 * What `decideRetry` decided: retry after `delayMs` (`serverDelay` when the server's wait set it), or stop; `reason`
 * says why either way.
 */
export type RetryDecision =
  | {
      /** Try again. */
      retry: true;
      /** The wait before the next attempt, in ms. */
      delayMs: number;
      /** Why, for logs and the `retry` event. */
      reason: string;
      /** Whether the server's wait (Retry-After, a reset header) set `delayMs`, rather than the backoff. */
      serverDelay: boolean;
    }
  | {
      /** Stop: the error is final. */
      retry: false;
      /** Why (not retryable, attempts spent, budget exhausted, unsafe to repeat…). */
      reason: string;
      /** True when the server asked for a wait longer than `maxRetryAfterMs`. */
      exceedsMaxRetryAfter?: boolean;
    };

/**
 * The one ordered predicate that decides whether a failed attempt is tried again and after how long.
 * Order matters and each line is a rule of the specification.
 */
export function decideRetry(ctx: RetryContext, options: RetryOptions = DEFAULT_RETRY): RetryDecision {
  const { error } = ctx;
  // 1. Only errors marked retryable: network errors, 408, 425, 429, 5xx. Never 4xx, validation, cancellation.
  if (!error.retryable) return { retry: false, reason: `${error.code} is not retryable` };
  // 2. Attempts are bounded.
  if (ctx.attempt >= options.maxAttempts) return { retry: false, reason: `gave up after ${ctx.attempt} attempts` };
  // 3. A non-idempotent request is repeated only when it provably had no effect: it never reached the
  //    server (connection refused, DNS) or the server refused it before acting (a rate-limit answer: 429, or
  //    whatever the connector declared with `isRateLimited`).
  const provablyNotProcessed = wasNeverSent(error) || error.code === 'RATE_LIMIT';
  if (!ctx.idempotent && !provablyNotProcessed) {
    return { retry: false, reason: 'not retried: the request is not idempotent and may have reached the server' };
  }
  // 4. The server's timing wins over backoff, without jitter, within maxRetryAfterMs.
  let delayMs: number;
  let serverDelay = false;
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > options.maxRetryAfterMs) {
      return {
        retry: false,
        reason: `server asked to wait ${error.retryAfterMs} ms, more than maxRetryAfterMs (${options.maxRetryAfterMs} ms)`,
        exceedsMaxRetryAfter: true,
      };
    }
    delayMs = error.retryAfterMs;
    serverDelay = true;
  } else {
    delayMs = withJitter(backoffDelay(ctx.attempt, options.backoff), options.backoff.jitterMin, options.random);
  }
  // 5. The retry budget caps the whole logical operation.
  if (ctx.elapsedMs + delayMs > options.budgetMs) {
    return { retry: false, reason: `retry budget of ${options.budgetMs} ms would be exceeded` };
  }
  return { retry: true, delayMs, reason: `${error.code}${error.status ? ` (${error.status})` : ''}`, serverDelay };
}
