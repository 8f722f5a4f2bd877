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
      return new NotFoundError({
        ...base,
        message: `OpenWeather found nothing for this location (404: ${apiMessage ?? 'not found'}). Check the name, id or zip, or use coordinates.`,
      });
    case 429:
      // OpenWeather sends no Retry-After: the key is blocked until its quota window resets, so a blind retry only
      // adds to the count. When a proxy or a future API version does send one, core's timing applies as usual.
      if (ctx.retryAfterMs !== undefined) return undefined;
      return new RateLimitError({
        ...base,
        retryable: false,
        message:
          `OpenWeather blocked this key for exceeding its plan's call limit (429).${says} Calls fail until the limit's window ` +
          `resets (the minute, or the day for One Call); not retried. Lower \`limits\` to match your plan (${PRICE_PAGE}).`,
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
