import { json, rateLimitBodies } from './responses.js';

/** HubSpot's rate limits as the mock enforces them (`rateLimit` of `createHubSpotMock`). */
export interface MockRateLimitOptions {
  /** Requests per rolling window. @default 100 (a free/starter private app) */
  tenSecondly?: number;
  /** @default 10000 */
  intervalMs?: number;
  /** Requests per day, or false for none (OAuth apps). @default 250000 */
  daily?: number | false;
  /** Search requests per second, or false for none. @default 5 */
  searchPerSecond?: number | false;
}

/** Time as the mock sees it: pass the FakeClock the client uses, so both count the same windows. */
export interface MockClock {
  /** The current time, epoch ms. */
  now(): number;
  /** Moves fake time forward (FakeClock has it); used to simulate `latency`. Without it, latency is waited for real. */
  advance?(ms: number): void;
}

/**
 * HubSpot's rate limiting, as the mock enforces it: a rolling window counted at arrival, a daily counter and the
 * search per-second limit, with `X-HubSpot-RateLimit-*` headers on accepted non-search responses and HubSpot's
 * 429 bodies on refused ones. Refused requests are not counted.
 */
export class MockQuota {
  /**
   * Counters for tests: requests accepted, and requests refused per limit (ten-second window, daily, search per
   * second).
   */
  readonly stats = { accepted: 0, rejected: { tenSecondly: 0, daily: 0, secondly: 0 } };
  private readonly log: number[] = [];
  private readonly searchLog: number[] = [];
  private dailyUsed = 0;
  private readonly limit: number;
  private readonly intervalMs: number;
  private readonly daily: number | false;
  private readonly searchPerSecond: number | false;

  constructor(
    options: MockRateLimitOptions,
    private readonly clock: MockClock,
  ) {
    this.limit = options.tenSecondly ?? 100;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.daily = options.daily ?? 250_000;
    this.searchPerSecond = options.searchPerSecond ?? 5;
  }

  /** Total 429s sent. */
  get rejections(): number {
    const r = this.stats.rejected;
    return r.tenSecondly + r.daily + r.secondly;
  }

  /** Counts a request, or returns the 429 HubSpot would send. */
  admit(search: boolean): Response | undefined {
    const now = this.clock.now();
    prune(this.log, now - this.intervalMs);
    prune(this.searchLog, now - 1000);
    if (this.daily !== false && this.dailyUsed >= this.daily) {
      this.stats.rejected.daily += 1;
      return json(rateLimitBodies.daily(), 429, { 'x-hubspot-ratelimit-daily': String(this.daily), 'x-hubspot-ratelimit-daily-remaining': '0' });
    }
    if (this.log.length >= this.limit) {
      this.stats.rejected.tenSecondly += 1;
      return json(rateLimitBodies.tenSecondly(), 429, this.headers());
    }
    if (search && this.searchPerSecond !== false && this.searchLog.length >= this.searchPerSecond) {
      this.stats.rejected.secondly += 1;
      return json(rateLimitBodies.secondly(), 429);
    }
    this.log.push(now);
    if (search) this.searchLog.push(now);
    this.dailyUsed += 1;
    this.stats.accepted += 1;
    return undefined;
  }

  /** The quota headers HubSpot sends on normal responses. */
  headers(): Record<string, string> {
    return {
      'x-hubspot-ratelimit-max': String(this.limit),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, this.limit - this.log.length)),
      'x-hubspot-ratelimit-interval-milliseconds': String(this.intervalMs),
      ...(this.daily !== false
        ? { 'x-hubspot-ratelimit-daily': String(this.daily), 'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.daily - this.dailyUsed)) }
        : {}),
    };
  }
}

/** Drops entries at or before `cutoff` (a rolling window counts arrivals after it). */
function prune(log: number[], cutoff: number): void {
  let drop = 0;
  while (drop < log.length && (log[drop] ?? 0) <= cutoff) drop += 1;
  if (drop > 0) log.splice(0, drop);
}
