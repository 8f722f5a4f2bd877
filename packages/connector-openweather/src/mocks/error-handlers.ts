import { http, type HttpHandler } from 'msw';
import { errorBodies } from './fixtures.js';
import { json } from './respond.js';

export interface ErrorHandlerOptions {
  /** How many requests the handler answers before letting others through. @default every request */
  times?: number;
}

// Regular expressions are matched against the whole URL (query included), so they work behind any host or prefix.
const ONE_CALL = /\/data\/3\.0\/onecall(\/|\?|$)/;
const CITY_LOOKUPS = /\/data\/2\.5\/(weather|forecast)(\?|$)/;
const EVERYWHERE = /./;

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
  /** 429: the key is blocked for exceeding its plan (no Retry-After header, as from OpenWeather). */
  accountBlocked: (options: ErrorHandlerOptions = {}) => answer(EVERYWHERE, 429, errorBodies.accountBlocked, options),
  /** 429 on One Call 3.0 only: the daily cap set in the account was reached. */
  oneCallDailyCapReached: (options: ErrorHandlerOptions = {}) => answer(ONE_CALL, 429, errorBodies.accountBlocked, options),
  /** A 5xx (502 by default) with OpenWeather's empty-ish body. */
  serverError: (status = 502, options: ErrorHandlerOptions = {}) => answer(EVERYWHERE, status, { cod: status, message: 'Internal error' }, options),
};
