import { DOCS, errorBody, json } from './responses.js';

/** Time as the mock sees it: pass the FakeClock the client uses, so both count the same windows. */
export interface MockClock {
  /** The current time, epoch ms. */
  now(): number;
}

/** A quota resource the mock counts (`x-ratelimit-resource`). */
export type QuotaResource = 'core' | 'search';

/** GitHub's primary rate limits as the mock enforces them (`rateLimit` of `createGitHubMock`). */
export interface MockRateLimitOptions {
  /** `core` requests per window. @default 5000 */
  core?: number;
  /** `search` requests per window. @default 30 */
  search?: number;
  /** @default 3600000 (an hour) */
  coreWindowMs?: number;
  /** @default 60000 (a minute) */
  searchWindowMs?: number;
  /** GitHub answers a primary rate limit with 403 or 429. @default 403 */
  status?: 403 | 429;
}

interface Window {
  used: number;
  /** Epoch ms, on a whole second (`x-ratelimit-reset` is in seconds). */
  resetAt: number;
}

/** A forced secondary-limit answer, queued with `secondaryLimit()`. */
interface SecondaryAnswer {
  status: 403 | 429;
  retryAfter: number | undefined;
}

/**
 * GitHub's primary rate limits as the mock enforces them: per token and per resource, a window that opens with
 * the first request and resets `windowMs` later (`x-ratelimit-reset`, epoch seconds); `x-ratelimit-*` headers on
 * every answer, errors included; past the limit a 403 (or 429) with `x-ratelimit-remaining: 0` and no
 * `retry-after`. Conditional requests answered 304 are not counted. Secondary limits are forced with
 * `secondaryLimit()`: a 403 with GitHub's message, with or without `retry-after`.
 */
export class MockQuota {
  /**
   * Counters for tests: requests counted against a quota, 304s (not counted), and refusals by primary and secondary
   * limits.
   */
  readonly stats = { counted: 0, notModified: 0, rejected: { primary: 0, secondary: 0 } };
  private readonly windows = new Map<string, Window>();
  private readonly secondary: SecondaryAnswer[] = [];
  /** Requests per window, per resource. */
  readonly limits: Record<QuotaResource, number>;
  private readonly windowMs: Record<QuotaResource, number>;
  /** The status a primary rate limit is answered with. */
  readonly status: 403 | 429;

  constructor(
    options: MockRateLimitOptions,
    private readonly clock: MockClock,
  ) {
    this.limits = { core: options.core ?? 5000, search: options.search ?? 30 };
    this.windowMs = { core: options.coreWindowMs ?? 3_600_000, search: options.searchWindowMs ?? 60_000 };
    this.status = options.status ?? 403;
  }

  private window(token: string, resource: QuotaResource): Window {
    const now = this.clock.now();
    const key = `${token}\u0000${resource}`;
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      w = { used: 0, resetAt: Math.ceil((now + this.windowMs[resource]) / 1000) * 1000 };
      this.windows.set(key, w);
    }
    return w;
  }

  /** The headers GitHub sends on every answer. */
  headers(token: string, resource: QuotaResource): Record<string, string> {
    const w = this.window(token, resource);
    const limit = this.limits[resource];
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - w.used)),
      'x-ratelimit-used': String(w.used),
      'x-ratelimit-reset': String(w.resetAt / 1000),
      'x-ratelimit-resource': resource,
    };
  }

  /** The primary-limit answer when the window is used up, else undefined. */
  refuse(token: string, resource: QuotaResource, requestId: string): Response | undefined {
    const w = this.window(token, resource);
    if (w.used < this.limits[resource]) return undefined;
    this.stats.rejected.primary += 1;
    const stamp = new Date(this.clock.now()).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    const message =
      `API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${stamp}.`;
    return json(errorBody(this.status, message, DOCS.rateLimits), this.status, this.headers(token, resource));
  }

  /** Counts an answered request against its window. */
  count(token: string, resource: QuotaResource): void {
    this.window(token, resource).used += 1;
    this.stats.counted += 1;
  }

  /** Uses up `n` requests as another client with the same token would. */
  spend(token: string, resource: QuotaResource, n: number): void {
    this.window(token, resource).used += n;
  }

  /** The next `times` requests get a secondary rate limit (403 by default), with `retry-after` when given. */
  secondaryLimit(options: { times?: number; retryAfter?: number; status?: 403 | 429 } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) this.secondary.push({ status: options.status ?? 403, retryAfter: options.retryAfter });
  }

  /** A queued secondary-limit answer for this request, if any. */
  takeSecondary(token: string, resource: QuotaResource, requestId: string): Response | undefined {
    const next = this.secondary.shift();
    if (!next) return undefined;
    this.stats.rejected.secondary += 1;
    const message =
      `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
    return json(errorBody(next.status, message, DOCS.secondary), next.status, {
      ...this.headers(token, resource),
      ...(next.retryAfter !== undefined ? { 'retry-after': String(next.retryAfter) } : {}),
    });
  }

  /** `GET /rate_limit`'s view of one resource. */
  snapshot(token: string, resource: QuotaResource): { limit: number; used: number; remaining: number; reset: number } {
    const w = this.window(token, resource);
    const limit = this.limits[resource];
    return { limit, used: w.used, remaining: Math.max(0, limit - w.used), reset: w.resetAt / 1000 };
  }
}
