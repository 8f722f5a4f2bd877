import { MemoryRateLimitStore, RateLimiter, type Clock, type HeaderMap, type QuotaObservation, type RateLimitStore, type RateWindow } from '@cf/core';

/**
 * HubSpot's limits, per account. Sources: "Increasing our API limits" changelog (private apps, 2024-09) and the
 * API usage guidelines (https://developers.hubspot.com/docs/api/usage-details). Headers correct these at run time.
 */
export const HUBSPOT_PLANS = {
  free: { tenSecondly: 100, daily: 250_000 },
  starter: { tenSecondly: 100, daily: 250_000 },
  professional: { tenSecondly: 190, daily: 650_000 },
  enterprise: { tenSecondly: 190, daily: 1_000_000 },
  /** Public (OAuth) apps: per installed account, no daily limit. */
  'public-app': { tenSecondly: 110, daily: undefined },
} as const satisfies Record<string, { tenSecondly: number; daily: number | undefined }>;
/** A HubSpot plan (a key of `HUBSPOT_PLANS`); it sets the default ten-second and daily limits. */
export type HubSpotPlan = keyof typeof HUBSPOT_PLANS;

export const TEN_SECONDS_MS = 10_000;
export const DAY_MS = 86_400_000;
/** CRM search: 5 requests per second per account, on top of the ten-second window. */
export const SEARCH_PER_SECOND = 5;

/**
 * The rate-limit window names the limiters use (and `observeHubSpotQuota` corrects): the rolling ten-second window,
 * the daily quota, the search per-second window.
 */
export const WINDOW = { tenSecondly: 'ten_secondly', daily: 'daily', search: 'search_secondly' } as const;

/**
 * The limits in force for one client: the plan's defaults with the `limits` overrides applied (see `resolveLimits`).
 */
export interface HubSpotLimits {
  /** Requests per rolling 10 s window. */
  tenSecondly: number;
  /** Requests per day, or undefined when the app has no daily limit (OAuth apps). */
  daily: number | undefined;
  /** CRM search requests per second (HubSpot's 5/s unless overridden). */
  searchPerSecond: number;
  /** IANA zone of the HubSpot account: the daily limit resets at its midnight. */
  timeZone: string;
}

/** The windows every call spends from. Search calls spend from these and from their own per-second window. */
export function hubspotWindows(limits: HubSpotLimits): { main: RateWindow[]; search: RateWindow[] } {
  // A rolling window, not a token bucket: a bucket refilling at 10/s with a burst of 100 would let 190 calls through
  // in 10 s, which HubSpot's rolling count rejects.
  const main: RateWindow[] = [{ name: WINDOW.tenSecondly, limit: limits.tenSecondly, intervalMs: TEN_SECONDS_MS, algorithm: 'sliding-window' }];
  if (limits.daily !== undefined) {
    main.push({
      name: WINDOW.daily,
      limit: limits.daily,
      intervalMs: DAY_MS,
      algorithm: 'fixed-window',
      resetAt: (now) => nextMidnight(now, limits.timeZone),
      // Waiting for tomorrow is never what a caller wants: fail fast with the reset time instead.
      maxWaitMs: 0,
    });
  }
  const search: RateWindow[] = [{ name: WINDOW.search, limit: limits.searchPerSecond, intervalMs: 1_000, algorithm: 'sliding-window' }, ...main];
  return { main, search };
}

/** The two limiters a client paces its calls with (see `buildLimiters`). */
export interface HubSpotLimiters {
  /** Every call: the ten-second and daily windows. */
  main: RateLimiter;
  /** Search calls: the search per-second window plus the main limiter's windows, on the same store and key. */
  search: RateLimiter;
}

/**
 * Two limiters on one store and one key: the search limiter's ten-second and daily windows are the main limiter's
 * windows (same names, same key), so a search counts toward them, and a 429 pause holds both.
 */
export function buildLimiters(limits: HubSpotLimits, options: { clock: Clock; store?: RateLimitStore | undefined; key: string }): HubSpotLimiters {
  const store = options.store ?? new MemoryRateLimitStore(options.clock);
  const windows = hubspotWindows(limits);
  return {
    main: new RateLimiter({ windows: windows.main, key: options.key, store, clock: options.clock }),
    search: new RateLimiter({ windows: windows.search, key: options.key, store, clock: options.clock }),
  };
}

function headerNumber(headers: HeaderMap, name: string): number | undefined {
  const raw = headers[name];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}

/**
 * Reads `X-HubSpot-RateLimit-Max/-Remaining` (rolling window) and `-Daily/-Daily-Remaining`, and a DAILY 429 body,
 * so the local windows follow what HubSpot counted (other clients on the same account included).
 */
export function observeHubSpotQuota(ctx: { status: number; headers: HeaderMap; data: unknown }): QuotaObservation[] {
  const out: QuotaObservation[] = [];
  const max = headerNumber(ctx.headers, 'x-hubspot-ratelimit-max');
  const remaining = headerNumber(ctx.headers, 'x-hubspot-ratelimit-remaining');
  if (max !== undefined || remaining !== undefined) {
    out.push({ window: WINDOW.tenSecondly, ...(max !== undefined ? { limit: max } : {}), ...(remaining !== undefined ? { remaining } : {}) });
  }
  const daily = headerNumber(ctx.headers, 'x-hubspot-ratelimit-daily');
  const dailyRemaining = headerNumber(ctx.headers, 'x-hubspot-ratelimit-daily-remaining');
  if (daily !== undefined || dailyRemaining !== undefined) {
    out.push({ window: WINDOW.daily, ...(daily !== undefined ? { limit: daily } : {}), ...(dailyRemaining !== undefined ? { remaining: dailyRemaining } : {}) });
  }
  if (ctx.status === 429 && (ctx.data as { policyName?: unknown } | undefined)?.policyName === 'DAILY' && dailyRemaining === undefined) {
    out.push({ window: WINDOW.daily, remaining: 0 });
  }
  return out;
}

/**
 * Keeps the windows' definitions in step with the limits HubSpot reports (`X-HubSpot-RateLimit-Max`, `-Daily`).
 * The store already enforces the reported limit; the definition is what core quotes when it refuses a call locally
 * ("Local quota "daily" (N per 1 day(s)) is used up"), which must name the account's quota, not the plan default.
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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** The next midnight in `timeZone` after `now` (epoch ms): when HubSpot's daily limit resets. */
export function nextMidnight(now: number, timeZone: string): number {
  const local = new Date(now + zoneOffsetMs(now, timeZone));
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  let guess = localMidnight - zoneOffsetMs(now, timeZone);
  guess = localMidnight - zoneOffsetMs(guess, timeZone); // once more, in case a DST change falls in between
  return guess > now ? guess : guess + DAY_MS;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
