import { randomUUID } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { GRAPHQL_PATH } from './shopify-mock.js';

/**
 * Shopify's failure responses as MSW handlers, for `server.use(...)` in your own tests. Each answers
 * `times` requests (all by default) and then lets requests fall through to the normal handlers.
 * Bodies follow what Shopify sends; GraphQL-level failures come with HTTP 200.
 */
export interface TimesOption {
  /** Requests answered with the failure before falling through to the normal handlers. @default every request */
  times?: number;
}

function once(options: TimesOption, respond: () => Response): HttpHandler {
  let left = options.times ?? Number.POSITIVE_INFINITY;
  return http.post(GRAPHQL_PATH, () => {
    if (left <= 0) return undefined;
    left -= 1;
    return respond();
  });
}

const headers = () => ({ 'x-request-id': randomUUID(), 'x-shopify-api-version': '2025-07' });
const restError = (status: number, errors: string) => HttpResponse.json({ errors }, { status, headers: headers() });
const graphqlErrors = (body: Record<string, unknown>) => HttpResponse.json(body, { status: 200, headers: headers() });

/**
 * Shopify's failure responses as MSW handler factories, for `server.use(...)`: 401, 402 (frozen shop), 403, 404,
 * 423 (locked), 5xx, THROTTLED, MAX_COST_EXCEEDED, ACCESS_DENIED and other GraphQL errors, each answering `times`
 * requests.
 */
export const shopifyErrors = {
  /** 401: a wrong, revoked or uninstalled app's token. */
  unauthorized: (options: TimesOption = {}) =>
    once(options, () => restError(401, '[API] Invalid API key or access token (unrecognized login or wrong password)')),
  /** 402: the shop is frozen (unpaid bill) or paused. */
  frozenShop: (options: TimesOption = {}) => once(options, () => restError(402, 'Unavailable Shop')),
  /** 403: the app lacks a scope for a REST-style endpoint. */
  forbidden: (options: TimesOption = {}) => once(options, () => restError(403, 'This action requires merchant approval for read_orders scope.')),
  /** 404: a wrong shop name or an API version that is not served. */
  notFound: (options: TimesOption = {}) => once(options, () => restError(404, 'Not Found')),
  /** 423: the shop is locked. */
  locked: (options: TimesOption = {}) => once(options, () => restError(423, 'Locked')),
  /** A 5xx from Shopify's edge. */
  serverError: (status = 503, options: TimesOption = {}) => once(options, () => restError(status, 'Service Unavailable')),
  /** THROTTLED with HTTP 200: the query needs `requested` points and the bucket holds `available`. */
  throttled: (options: TimesOption & { requested?: number; available?: number; maximumAvailable?: number; restoreRate?: number } = {}) =>
    once(options, () =>
      graphqlErrors({
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: {
          cost: {
            requestedQueryCost: options.requested ?? 202,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: options.maximumAvailable ?? 1000, currentlyAvailable: options.available ?? 2, restoreRate: options.restoreRate ?? 50 },
          },
        },
      }),
    ),
  /** MAX_COST_EXCEEDED with HTTP 200 (no `extensions.cost`). */
  maxCostExceeded: (cost = 2003, options: TimesOption = {}) =>
    once(options, () =>
      graphqlErrors({
        errors: [
          {
            message: `Query cost is ${cost}, which exceeds the single query max cost limit (1000).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: 1000, documentation: 'https://shopify.dev/api/usage/limits#rate-limits' },
          },
        ],
      }),
    ),
  /** Missing access scope, as GraphQL reports it (HTTP 200). */
  accessDenied: (scope = 'read_orders', options: TimesOption = {}) =>
    once(options, () =>
      graphqlErrors({
        errors: [
          {
            message: `Access denied for orders field. Required access: \`${scope}\` access scope.`,
            path: ['orders'],
            extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: `\`${scope}\` access scope.` },
          },
        ],
        data: null,
      }),
    ),
  /** Any GraphQL `errors` (HTTP 200), e.g. a field that does not exist. */
  graphqlError: (message = "Field 'nope' doesn't exist on type 'Product'", code = 'undefinedField', options: TimesOption = {}) =>
    once(options, () => graphqlErrors({ errors: [{ message, locations: [{ line: 1, column: 3 }], path: ['query', 'nope'], extensions: { code } }] })),
};
