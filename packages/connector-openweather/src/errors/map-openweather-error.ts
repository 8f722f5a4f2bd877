import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  type ConnectorError,
  type ErrorContext,
  type ResponseContext,
} from '@cf/core';
import { errorForStatus, extractMessage } from '@cf/core/internal';
import { ACCOUNT_BLOCK_HOLD_MS } from '../account-block.js';

const KEYS_PAGE = 'https://home.openweathermap.org/api_keys';
const ONE_CALL_PAGE = 'https://openweathermap.org/api/one-call-3';
const PRICE_PAGE = 'https://openweathermap.org/price';

/** `cod` is a number or a string depending on the endpoint; compare it as a number. */
export function normaliseCod(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('cod' in body)) return undefined;
  const cod = Number(body.cod);
  return Number.isInteger(cod) ? cod : undefined;
}

const isOneCall = (path: string): boolean => /\/data\/3\.0\/onecall/.test(path);

/** OpenWeather's own answer, not a gateway's: it always carries `cod` (429 as a number or a string). */
const isBlockBody = (body: unknown): boolean => normaliseCod(body) === 429;

/** `details.reason` of OpenWeather's "account temporarily blocked" 429 (and of the calls held back after it). */
export const ACCOUNT_BLOCKED = 'account_blocked';

/** The API's block answer (not a local refusal, which has no status): it arms the client's hold. */
export const isAccountBlockAnswer = (error: ConnectorError): boolean =>
  error.code === 'RATE_LIMIT' && error.status === 429 && error.details.reason === ACCOUNT_BLOCKED;

/**
 * Maps OpenWeather's `{ cod, message }` error bodies into core's codes with messages that say what to do.
 * OpenWeather sends no request id, so `details.apiRequestId` stays empty.
 */
export function mapOpenWeatherError(ctx: ErrorContext): ConnectorError | undefined {
  const { status, body, path } = ctx;
  const apiMessage = extractMessage(body);
  const says = apiMessage ? ` OpenWeather says: "${apiMessage}".` : '';
  const base = { status, body, details: { cod: normaliseCod(body) } };
  switch (status) {
    case 401:
      if (isOneCall(path)) {
        return new AuthError({
          ...base,
          message:
            'One Call 3.0 refused this key (401): this key is not subscribed to One Call 3.0, which needs the separate ' +
            `"One Call by Call" subscription (${ONE_CALL_PAGE}). If other endpoints work with the same key, subscribe; ` +
            'if they fail too, the key itself is wrong or not active yet.',
        });
      }
      return new AuthError({
        ...base,
        message:
          `OpenWeather rejected the API key (401).${says} Check the key at ${KEYS_PAGE}; ` +
          'a newly created key can take up to 2 hours to activate.',
      });
    case 404:
      return notFound(path, apiMessage, base);
    case 429:
      // OpenWeather's own 429 is the block (its `{ cod: 429, message }` body, no Retry-After): the key is blocked for at
      // least an hour (ACCOUNT_BLOCK_HOLD_MS), so a retry only adds to the count. A 429 without that body comes from
      // something in front of the API (a gateway, a CDN), and one with Retry-After says when to come back: core's
      // timing applies to both as usual (retried after the wait or with backoff, no local hold).
      if (ctx.retryAfterMs !== undefined || !isBlockBody(body)) return undefined;
      return new RateLimitError({
        ...base,
        retryable: false,
        retryAfterMs: ACCOUNT_BLOCK_HOLD_MS,
        details: { ...base.details, reason: ACCOUNT_BLOCKED },
        message: isOneCall(path)
          ? `One Call 3.0 refused this key with 429.${says} Either the daily cap set in your account is reached (it resets ` +
            'with the day; raise it under "Billing plans") or the key is blocked (at least an hour): not retried, and this ' +
            `client holds One Call calls back for an hour (\`retryAfterMs\`); other endpoints still go out.`
          : `OpenWeather blocked this key for exceeding its plan's call limit (429).${says} A block lasts at least an hour ` +
            '(longer when it repeats): not retried, and this client holds every call back for the hour (`retryAfterMs`). ' +
            `Lower \`limits\` to match your plan (${PRICE_PAGE}).`,
      });
    default:
      if (status >= 400 && status < 500) {
        return new InvalidRequestError({
          ...base,
          message: `OpenWeather rejected the request (${status}): ${apiMessage ?? 'no reason given'}.`,
          details: { ...base.details, ...parametersOf(body) },
        });
      }
      return undefined; // 5xx: core's SERVER_ERROR, retried with backoff
  }
}

/** The location forms that name a place (the built-in geocoder), and how a message calls each. */
const PLACE_PARAMS = [
  ['q', 'this city name'],
  ['id', 'this city id'],
  ['zip', 'this zip code'],
] as const;

/**
 * A 404 is "no such place" only when the call named one (`q`, `id` or `zip`) and the body says so (`city not found`,
 * `not found`). Anything else is "no such endpoint": an unknown route or API version answers
 * `{"cod":"404","message":"Internal error"}`, whatever the location, and a call made with coordinates cannot name an
 * unknown place.
 */
function notFound(path: string, apiMessage: string | undefined, base: { status: number; body: unknown; details: Record<string, unknown> }): NotFoundError {
  const url = new URL(path, 'http://openweather.invalid');
  const named = PLACE_PARAMS.find(([param]) => url.searchParams.has(param));
  const said = apiMessage ?? 'not found';
  if (named && /not found/i.test(said)) {
    return new NotFoundError({
      ...base,
      details: { ...base.details, reason: 'place_not_found' },
      message:
        `OpenWeather knows no place for ${named[1]} (404: ${said}). Check the spelling (and the country code), or find the ` +
        'place with geocode() and call with its coordinates.',
    });
  }
  return new NotFoundError({
    ...base,
    details: { ...base.details, reason: 'unknown_endpoint' },
    message:
      `OpenWeather has no endpoint at ${url.pathname} (404: ${said}): the route or its API version is wrong (One Call 2.5 ` +
      'was retired in June 2024: use 3.0). Check that `baseUrl` is the host root (https://api.openweathermap.org, or your ' +
      "proxy's prefix): the connector adds /data/2.5, /data/3.0 and /geo/1.0 itself.",
  });
}

/** One Call 3.0 names the offending parameters in `parameters`. */
function parametersOf(body: unknown): { parameters?: string[] } {
  const parameters = (body as { parameters?: unknown } | undefined)?.parameters;
  return Array.isArray(parameters) ? { parameters: parameters.map(String) } : {};
}

/** A 200 whose body carries an error `cod` (older 2.5 endpoints did this) is treated like the status it names. */
export function inspectOpenWeatherResponse(ctx: ResponseContext): ConnectorError | undefined {
  const cod = normaliseCod(ctx.data);
  if (cod === undefined || cod < 400 || cod > 599) return undefined;
  const defaultError = errorForStatus(cod, {
    message: `OpenWeather reported error ${cod} in a 200 response: ${extractMessage(ctx.data) ?? 'no reason given'}.`,
    body: ctx.data,
  });
  const context = { status: cod, headers: ctx.headers, body: ctx.data, method: ctx.method, path: ctx.path, retryAfterMs: undefined, rateLimited: cod === 429, defaultError, clock: ctx.clock };
  return mapOpenWeatherError(context) ?? defaultError;
}
