import { http, type HttpHandler } from 'msw';
import { errorBody, json, rateLimitBodies } from './responses.js';

/** Which requests an error handler answers, and how many times. */
export interface ErrorTimes {
  /** Requests answered with the error before falling through to the normal handlers. @default Infinity */
  times?: number;
  /** The request method it applies to. @default every method */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** MSW path pattern. @default every path */
  path?: string;
}

/** The kind of page a CDN in front of an API serves when the origin fails: styles, a script, and a few words. */
export function gatewayHtml(status: 502 | 504): string {
  const title = status === 502 ? 'Bad gateway' : 'Gateway time-out';
  const style = `body{margin:0;padding:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif}${'.cf-error-details{color:#404040}'.repeat(40)}`;
  return (
    `<!DOCTYPE html>\n<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->\n<html lang="en-US"><head>` +
    `<title>api.hubapi.com | ${status}: ${title}</title><meta charset="UTF-8" /><style>${style}</style>` +
    `<script>(function(){window._cf_chl_opt={cvId:'3',cZone:'api.hubapi.com'};var a=document.createElement('script');document.head.appendChild(a);})();</script>` +
    `</head><body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><header>` +
    `<h1><span class="cf-error-type">${title}</span> <span class="cf-error-code">Error code ${status}</span></h1>` +
    `<div class="cf-details">Visit <a href="https://www.cloudflare.com/">cloudflare.com</a> for more information.</div></header>` +
    `<div class="cf-section"><p>The web server reported a ${title.toLowerCase()} error.</p><p>Please try again in a few minutes.</p></div>` +
    `<div class="cf-footer">Ray ID: <strong>8f1d2c3b4a596e7f</strong> &bull; 2026-01-01 00:00:00 UTC &bull; Performance &amp; security by Cloudflare</div>` +
    `</div></div></body></html>`
  );
}

function once(options: ErrorTimes, respond: () => Response): HttpHandler {
  let left = options.times ?? Number.POSITIVE_INFINITY;
  const method = (options.method ?? 'all').toLowerCase() as 'all';
  return http[method](options.path ?? '*', () => {
    if (left <= 0) return undefined;
    left -= 1;
    return respond();
  });
}

/**
 * HubSpot's error responses as MSW handlers, for `server.use(...)` in your tests. Bodies follow HubSpot's
 * `{ status, message, correlationId, category, ... }` shape; 429s carry its rate-limit bodies and headers.
 */
export const hubspotErrors = {
  /** 401 INVALID_AUTHENTICATION: a missing, revoked or wrong token. */
  invalidAuthentication: (options: ErrorTimes = {}) =>
    once(options, () => json(errorBody('INVALID_AUTHENTICATION', 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'), 401)),
  /** 403 MISSING_SCOPES naming the scopes the call needs. */
  missingScopes: (scopes: string[], options: ErrorTimes = {}) =>
    once(options, () =>
      json(
        errorBody('MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.", {
          errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: scopes } }],
          links: { scopes: 'https://developers.hubspot.com/scopes' },
        }),
        403,
      ),
    ),
  /** 404 OBJECT_NOT_FOUND. */
  objectNotFound: (options: ErrorTimes & { id?: string } = {}) =>
    once(options, () => json(errorBody('OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', { context: { id: [options.id ?? 'unknown'] } }), 404)),
  /** 400 VALIDATION_ERROR (by default, an invalid email). */
  validationError: (options: ErrorTimes & { message?: string } = {}) =>
    once(options, () =>
      json(
        errorBody(
          'VALIDATION_ERROR',
          options.message ?? `Property values were not valid: ${JSON.stringify([{ isValid: false, message: 'Email address example.lcom is invalid', error: 'INVALID_EMAIL', name: 'email' }])}`,
        ),
        400,
      ),
    ),
  /** 409 CONFLICT for a duplicate (contact email). */
  conflict: (existingId: string, options: ErrorTimes = {}) => once(options, () => json(errorBody('CONFLICT', `Contact already exists. Existing ID: ${existingId}`), 409)),
  /** 429 TEN_SECONDLY_ROLLING with quota headers (and Retry-After when given). */
  tenSecondlyLimit: (options: ErrorTimes & { max?: number; retryAfter?: number } = {}) =>
    once(options, () =>
      json(rateLimitBodies.tenSecondly(), 429, {
        'x-hubspot-ratelimit-max': String(options.max ?? 100),
        'x-hubspot-ratelimit-remaining': '0',
        'x-hubspot-ratelimit-interval-milliseconds': '10000',
        ...(options.retryAfter !== undefined ? { 'retry-after': String(options.retryAfter) } : {}),
      }),
    ),
  /** 429 DAILY: the account's daily quota is used up. */
  dailyLimit: (options: ErrorTimes & { daily?: number } = {}) =>
    once(options, () => json(rateLimitBodies.daily(), 429, { 'x-hubspot-ratelimit-daily': String(options.daily ?? 250_000), 'x-hubspot-ratelimit-daily-remaining': '0' })),
  /** 429 for the search endpoints' per-second limit (no policy name, no quota headers). */
  secondlyLimit: (options: ErrorTimes = {}) => once({ method: 'POST', ...options }, () => json(rateLimitBodies.secondly(), 429)),
  /** A 502 or 504 from the gateway in front of HubSpot: an HTML page, not HubSpot's JSON (as proxies answer). */
  gatewayPage: (options: ErrorTimes & { status?: 502 | 504 } = {}) =>
    once(options, () => {
      const status = options.status ?? 502;
      return new Response(gatewayHtml(status), { status, headers: { 'content-type': 'text/html; charset=UTF-8', 'cf-ray': '8f1d2c3b4a596e7f-FRA' } });
    }),
  /** A 5xx with HubSpot's error body. */
  serverError: (options: ErrorTimes & { status?: number } = {}) =>
    once(options, () => json(errorBody('INTERNAL_ERROR', 'internal error'), options.status ?? 500)),
};
