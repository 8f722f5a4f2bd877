import { http, type HttpHandler } from 'msw';
import { errorBodies } from './fixtures.js';
import { json } from './respond.js';

/** Options of the `errorHandlers` factories. */
export interface ErrorHandlerOptions {
  /** How many requests the handler answers before letting others through. @default every request */
  times?: number;
}

// Regular expressions are matched against the whole URL (query included), so they work behind any host or prefix.
const ONE_CALL = /\/data\/3\.0\/onecall(\/|\?|$)/;
const CITY_LOOKUPS = /\/data\/2\.5\/(weather|forecast)(\?|$)/;
const EVERYWHERE = /./;

/** Options of `accountBlocked()`. */
export interface AccountBlockOptions extends ErrorHandlerOptions {
  /** Requests answered normally before the key is blocked (the plan's allowance). @default 0 */
  after?: number;
  /**
   * How long the block lasts from the first 429. OpenWeather blocks a key for an hour, then two, three, four, then 24 h
   * as it repeats (https://openweathermap.org/appid, "Access limitation"). @default 3,600,000 (1 h)
   */
  blockMs?: number;
  /** The clock the block is timed with: pass `() => fakeClock.now()` when your client runs on a `FakeClock`. @default Date.now */
  now?: () => number;
}

/** How long OpenWeather blocks a key the first time it exceeds its plan (1 h); `accountBlocked()`'s default. */
export const OPENWEATHER_BLOCK_MS = 3_600_000;

/**
 * OpenWeather's block: after `after` requests, every request gets 429 and the "account is temporary blocked" body,
 * with no `Retry-After`, until `blockMs` has passed since the first 429; then `after` more are answered normally.
 */
function blocked(path: RegExp, options: AccountBlockOptions): HttpHandler {
  const { after = 0, blockMs = OPENWEATHER_BLOCK_MS, now = Date.now, times = Number.POSITIVE_INFINITY } = options;
  let allowed = after;
  let left = times;
  let blockedUntil: number | undefined;
  return http.get(path, () => {
    const at = now();
    if (blockedUntil !== undefined && at >= blockedUntil) {
      // The block is over: the plan's allowance starts again.
      blockedUntil = undefined;
      allowed = after;
    }
    if (blockedUntil === undefined && allowed > 0) {
      allowed -= 1;
      return undefined;
    }
    if (left <= 0) return undefined;
    left -= 1;
    blockedUntil ??= at + blockMs;
    return json(errorBodies.accountBlocked, 429);
  });
}

function answer(path: RegExp, status: number, body: unknown, { times = Number.POSITIVE_INFINITY }: ErrorHandlerOptions): HttpHandler {
  let left = times;
  return http.get(path, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return json(body, status);
  });
}

/**
 * OpenWeather's failures as MSW handlers, to `server.use(...)` in front of `handlers` when testing your own code.
 */
export const errorHandlers = {
  /** 401 on every endpoint: a wrong key, or one not activated yet. */
  invalidApiKey: (options: ErrorHandlerOptions = {}) => answer(EVERYWHERE, 401, errorBodies.invalidApiKey, options),
  /** 401 on One Call 3.0 only: a valid key without the "One Call by Call" subscription (the API says "Invalid API key"). */
  oneCallNotSubscribed: (options: ErrorHandlerOptions = {}) => answer(ONE_CALL, 401, errorBodies.invalidApiKey, options),
  /** 404 `{"cod":"404","message":"city not found"}` from /weather and /forecast. */
  cityNotFound: (options: ErrorHandlerOptions = {}) => answer(CITY_LOOKUPS, 404, errorBodies.cityNotFound, options),
  /** 400 with the API's message (e.g. "wrong latitude", "Nothing to geocode"), string `cod`. */
  badRequest: (message = 'wrong latitude', options: ErrorHandlerOptions = {}) => answer(EVERYWHERE, 400, { cod: '400', message }, options),
  /**
   * 429 "Your account is temporary blocked…" on every endpoint, with no Retry-After, as OpenWeather answers a key over
   * its plan: after `after` normal answers, for `blockMs` (1 h) from the first 429 (`times` caps the 429s).
   */
  accountBlocked: (options: AccountBlockOptions = {}) => blocked(EVERYWHERE, options),
  /** The same 429 on One Call 3.0 only: the daily cap set in the account was reached. */
  oneCallDailyCapReached: (options: AccountBlockOptions = {}) => blocked(ONE_CALL, options),
  /** A 5xx (502 by default) with OpenWeather's empty-ish body. */
  serverError: (status = 502, options: ErrorHandlerOptions = {}) => answer(EVERYWHERE, status, { cod: status, message: 'Internal error' }, options),
};
