import { MemoryRateLimitStore, RateLimiter, type Clock, type CoreOptions, type HeaderMap, type QuotaObservation, type RateLimitStore, type RateWindow } from '@cf/core';

/**
 * GitHub's published limits. Sources: "Rate limits for the REST API"
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api) for the primary limits, the
 * answers and what to do about them; "REST API endpoints for search"
 * (https://docs.github.com/en/rest/search/search#rate-limit) for search. GitHub reports the quota in force on every
 * response (`x-ratelimit-limit/-remaining/-reset/-resource`), which corrects these at run time.
 */
export const RATE_LIMITS_DOC = 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api';
export const SEARCH_LIMITS_DOC = 'https://docs.github.com/en/rest/search/search#rate-limit';

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
/** A personal access token, an OAuth token or an app installation: 5,000 requests per hour (`core`). */
export const CORE_PER_HOUR = 5_000;
/** Authenticated search: 30 requests per minute (`search`; code search has its own 9-10/min). */
export const SEARCH_PER_MINUTE = 30;
/** Unauthenticated requests (for reference; the connector always authenticates): 60 per hour. */
export const UNAUTHENTICATED_PER_HOUR = 60;
/** A secondary rate limit without `retry-after`: GitHub says to wait at least a minute. */
export const SECONDARY_DEFAULT_WAIT_MS = 60_000;
/** The longest `maxRateLimitWaitMs` accepted: the primary window is an hour. */
export const MAX_RATE_LIMIT_WAIT_MS = HOUR_MS;
/** The default `maxRateLimitWaitMs`: a call waits at most a minute for a rate limit to reset. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** The quota a request counts against (`x-ratelimit-resource`), for the ones the connector calls. */
export type GitHubResource = 'core' | 'search';

/** Requests per window the limiters start from (GitHub's headers correct them). */
export interface GitHubLimits {
  /** Requests per hour on the `core` resource. @default 5000 */
  core: number;
  /** Search requests per minute. @default 30 */
  search: number;
}

/**
 * One fixed window per resource. GitHub's window opens with the first request and resets at `x-ratelimit-reset`;
 * the observed reset moves the local window's end there, and the observed count (`exact`) replaces the local one,
 * so requests made by other clients with the same token are counted too.
 */
export function githubWindows(limits: GitHubLimits): Record<GitHubResource, RateWindow[]> {
  return {
    core: [{ name: 'core', limit: limits.core, intervalMs: HOUR_MS, algorithm: 'fixed-window' }],
    search: [{ name: 'search', limit: limits.search, intervalMs: MINUTE_MS, algorithm: 'fixed-window' }],
  };
}

/** The client's two limiters (`buildLimiters`): one per quota resource. */
export interface GitHubLimiters {
  /** Every call but search: the hourly `core` window. */
  core: RateLimiter;
  /** Search calls: the per-minute `search` window. */
  search: RateLimiter;
}

/**
 * The `core` and `search` limiters: one store, one key each, so a primary-limit pause on `core` holds every queued
 * `core` call and no search (GitHub counts them apart). `rateLimit: false` turns both off; your own RateLimiter
 * replaces `core`; your own options replace `core`'s windows.
 */
export function buildLimiters(
  limits: GitHubLimits,
  rateLimit: CoreOptions['rateLimit'],
  options: { clock: Clock; store: RateLimitStore | undefined; key: string },
): GitHubLimiters | undefined {
  if (rateLimit === false) return undefined;
  const windows = githubWindows(limits);
  const store = options.store ?? new MemoryRateLimitStore(options.clock);
  const search = new RateLimiter({ windows: windows.search, key: `${options.key}:search`, store, clock: options.clock });
  if (rateLimit instanceof RateLimiter) return { core: rateLimit, search };
  const core =
    rateLimit === undefined
      ? new RateLimiter({ windows: windows.core, key: `${options.key}:core`, store, clock: options.clock })
      : new RateLimiter({ ...rateLimit, clock: rateLimit.clock ?? options.clock, store: rateLimit.store ?? store, key: rateLimit.key ?? `${options.key}:core` });
  return { core, search };
}

function headerNumber(headers: HeaderMap, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}

/**
 * Reads `x-ratelimit-limit/-remaining/-reset` into an observation of the window named by `x-ratelimit-resource`
 * (`core`, `search`): GitHub's count is authoritative (`exact`), and it is on every response, errors included.
 */
export function observeGitHubQuota(ctx: { headers: HeaderMap; clock: Clock }): QuotaObservation[] {
  const resource = ctx.headers['x-ratelimit-resource'];
  if (resource !== 'core' && resource !== 'search') return [];
  const remaining = headerNumber(ctx.headers, 'x-ratelimit-remaining');
  if (remaining === undefined) return [];
  const limit = headerNumber(ctx.headers, 'x-ratelimit-limit');
  const reset = headerNumber(ctx.headers, 'x-ratelimit-reset');
  const resetInMs = reset === undefined ? undefined : Math.max(0, reset * 1000 - ctx.clock.now());
  return [{ window: resource, remaining, mode: 'exact', ...(limit !== undefined ? { limit } : {}), ...(resetInMs !== undefined ? { resetInMs } : {}) }];
}

/**
 * Keeps the windows' definitions in step with the quota GitHub reports (an Enterprise Cloud app has 15,000, a
 * growing installation up to 12,500): the store enforces the reported count already; the definition is what core
 * quotes when it refuses a call locally.
 */
export function adoptReportedLimits(limiters: readonly RateLimiter[], observations: readonly QuotaObservation[]): void {
  for (const observation of observations) {
    if (observation.limit === undefined || !(observation.limit > 0)) continue;
    for (const limiter of limiters) {
      const window = limiter.windows.find((w) => w.name === observation.window);
      if (window) window.limit = observation.limit;
    }
  }
}

const SECONDARY = /secondary rate limit|abuse detection/i;

function messageOf(body: unknown): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}

/** A secondary rate limit: GitHub's message says so (or the older "abuse detection"), or `retry-after` comes with quota left. */
export function isSecondaryRateLimit(ctx: { headers: HeaderMap; body: unknown }): boolean {
  return SECONDARY.test(messageOf(ctx.body)) || (ctx.headers['retry-after'] !== undefined && ctx.headers['x-ratelimit-remaining'] !== '0');
}

/**
 * Which answers are rate limits (core's `isRateLimited`): any 429, and a 403 with `x-ratelimit-remaining: 0`
 * (the primary limit), with `retry-after`, or whose message names a secondary rate limit. Any other 403 is a
 * permission problem, never retried.
 */
export function isGitHubRateLimited(ctx: { status: number; headers: HeaderMap; body: unknown }): boolean {
  if (ctx.status === 429) return true;
  if (ctx.status !== 403) return false;
  return ctx.headers['x-ratelimit-remaining'] === '0' || isSecondaryRateLimit(ctx);
}
