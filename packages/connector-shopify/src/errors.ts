import {
  AuthError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  type ConnectorError,
  type ErrorContext,
  type HeaderMap,
  type ResponseContext,
} from '@cf/core';
import { readQueryCost, throttleWaitMs, MAX_SINGLE_QUERY_COST } from './cost.js';

/**
 * Shopify's errors in core's codes. HTTP failures come through `mapError`; GraphQL reports its own
 * failures with HTTP 200 (`errors[]`, and `userErrors` inside mutation payloads), which
 * `inspectResponse` turns into the same typed errors so a 200 with errors is never mistaken for data.
 * Those keep `status: 200` (the server answered, so the circuit breaker counts it as up), except
 * THROTTLED, which is given 429: like a 429 it means "not executed, come back later".
 */

export interface ErrorScope {
  /** `name.myshopify.com`, for messages. */
  shop: string;
  apiVersion: string;
}

export interface GraphqlErrorEntry {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
  [key: string]: unknown;
}

function apiRequestId(headers: HeaderMap): Record<string, string> {
  const id = headers['x-request-id'];
  return id ? { apiRequestId: id } : {};
}

/** Shopify's REST-style error text: `{"errors": "..."}` or `{"errors": {"field": [...]}}`. */
function bodyMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  if (typeof errors === 'string') return errors;
  if (Array.isArray(errors)) return errors.map((e) => (typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message) : String(e))).join('; ');
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

/** Maps a non-2xx response (core's `mapError`). */
export function createErrorMapper(scope: ErrorScope): (ctx: ErrorContext) => ConnectorError | undefined {
  return (ctx) => {
    // Bulk result files come from Shopify's storage host: its errors keep core's generic messages.
    if (!ctx.path.includes('/graphql.json')) return undefined;
    const said = bodyMessage(ctx.body);
    const suffix = said ? ` Shopify says: ${said}` : '';
    const common = { status: ctx.status, body: ctx.body, details: { ...apiRequestId(ctx.headers) } };
    switch (ctx.status) {
      case 401:
        return new AuthError({
          ...common,
          message:
            `Shopify rejected the access token for ${scope.shop} (401).${suffix} Use an Admin API access token ` +
            `(shpat_..., or an OAuth token) issued for this shop, and check the app is still installed.`,
        });
      case 402:
        return new InvalidRequestError({
          ...common,
          message:
            `The shop ${scope.shop} is unavailable (402 Payment Required): Shopify freezes the API while a store's bill is unpaid ` +
            `or the store is paused or closed. The shop owner must settle it; retrying will not help.${suffix}`,
          details: { ...common.details, reason: 'shop_frozen' },
        });
      case 403:
        return new AuthError({
          ...common,
          message: `Shopify refused the call (403): the app lacks an access scope for it, or the shop blocks it.${suffix} Add the scope in the app's configuration and reinstall.`,
        });
      case 404:
        return new NotFoundError({
          ...common,
          message:
            `Not found (404) at ${ctx.path}. Shopify answers 404 when the shop "${scope.shop}" does not exist (use the ` +
            `.myshopify.com name, not a custom domain) or API version ${scope.apiVersion} is not served.${suffix}`,
        });
      case 423:
        return new InvalidRequestError({
          ...common,
          message: `The shop ${scope.shop} is locked (423), usually for a fraud review or a violation of Shopify's terms.${suffix}`,
          details: { ...common.details, reason: 'shop_locked' },
        });
      default:
        if (ctx.status >= 500 || ctx.status === 429) {
          const error = ctx.defaultError;
          error.details = { ...error.details, ...apiRequestId(ctx.headers) };
          return error;
        }
        return undefined;
    }
  };
}

/** Turns a 200 response carrying GraphQL `errors` or mutation `userErrors` into a typed error (core's `inspectResponse`). */
export function inspectGraphqlResponse(ctx: ResponseContext): ConnectorError | undefined {
  if (typeof ctx.data !== 'object' || ctx.data === null) return undefined;
  const body = ctx.data as { errors?: unknown; data?: unknown };
  const ids = apiRequestId(ctx.headers);
  if (body.errors !== undefined && body.errors !== null) {
    return graphqlErrorsToError(normalizeErrors(body.errors), ctx.data, ids);
  }
  if (typeof body.data === 'object' && body.data !== null) {
    for (const [field, payload] of Object.entries(body.data as Record<string, unknown>)) {
      const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
      if (Array.isArray(userErrors) && userErrors.length > 0) return userErrorsToError(field, userErrors, ctx.data, ids);
    }
  }
  return undefined;
}

function normalizeErrors(errors: unknown): GraphqlErrorEntry[] {
  if (typeof errors === 'string') return [{ message: errors }];
  if (!Array.isArray(errors)) return [{ message: JSON.stringify(errors).slice(0, 300) }];
  return errors.map((e) => (typeof e === 'object' && e !== null ? (e as GraphqlErrorEntry) : { message: String(e) }));
}

function describeErrors(errors: GraphqlErrorEntry[]): string {
  return errors
    .slice(0, 3)
    .map((e) => `${e.message}${e.path ? ` (at ${e.path.join('.')})` : ''}`)
    .join('; ');
}

function graphqlErrorsToError(errors: GraphqlErrorEntry[], body: unknown, ids: Record<string, string>): ConnectorError {
  const codes = errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  const details = { ...ids, graphqlErrors: errors, codes, httpStatus: 200 };
  if (codes.includes('THROTTLED')) {
    const cost = readQueryCost(body);
    const retryAfterMs = throttleWaitMs(cost);
    // A throttled operation was not executed (queries and mutations alike), so it is as safe to repeat
    // as a 429: status 429 lets core retry it after the server's wait and pause the calls queued behind it.
    return new RateLimitError({
      message:
        `Shopify throttled the query: it needs ${cost?.requestedQueryCost ?? '?'} points and the bucket holds ` +
        `${cost?.throttleStatus?.currentlyAvailable ?? '?'} (restoring ${cost?.throttleStatus?.restoreRate ?? '?'}/s); waiting ${retryAfterMs} ms.`,
      status: 429,
      retryAfterMs,
      body,
      details: { ...details, requestedQueryCost: cost?.requestedQueryCost, throttleStatus: cost?.throttleStatus },
    });
  }
  if (codes.includes('MAX_COST_EXCEEDED')) {
    const entry = errors.find((e) => e.extensions?.code === 'MAX_COST_EXCEEDED');
    const cost = typeof entry?.extensions?.cost === 'number' ? entry.extensions.cost : undefined;
    const max = typeof entry?.extensions?.maxCost === 'number' ? entry.extensions.maxCost : MAX_SINGLE_QUERY_COST;
    return new ValidationError({
      message:
        `The query would cost ${cost ?? 'more than the limit'} points; Shopify refuses any single query over ${max}. ` +
        'Lower `first` (or nested connection sizes), select fewer nested connections, or use bulk.run().',
      issues: [{ path: 'query', message: `requested cost ${cost ?? '?'} exceeds the single query maximum of ${max}` }],
      status: 200,
      body,
      details,
    });
  }
  if (codes.includes('ACCESS_DENIED')) {
    return new AuthError({
      message: `Shopify denied access: ${describeErrors(errors)}. Grant the access scope named above to the app and reinstall it.`,
      status: 200,
      body,
      details,
    });
  }
  if (codes.includes('INTERNAL_SERVER_ERROR')) {
    return new ServerError({ message: `Shopify failed while executing the query: ${describeErrors(errors)}`, status: 200, body, details });
  }
  if (codes.includes('SHOP_INACTIVE')) {
    return new InvalidRequestError({ message: `The shop is inactive: ${describeErrors(errors)}`, status: 200, body, details: { ...details, reason: 'shop_inactive' } });
  }
  return new InvalidRequestError({
    message: `Shopify rejected the GraphQL request: ${describeErrors(errors)}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`,
    status: 200,
    body,
    details,
  });
}

/** A mutation's `userErrors`: VALIDATION_ERROR with one issue per entry (its `field` path and `message`). */
export function userErrorsToError(mutation: string, userErrors: unknown[], body: unknown, ids: Record<string, string> = {}): ConnectorError {
  const entries = userErrors.map((raw) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as { field?: unknown; message?: unknown; code?: unknown };
    return {
      field: Array.isArray(e.field) ? e.field.map(String) : null,
      message: typeof e.message === 'string' ? e.message : 'invalid',
      code: typeof e.code === 'string' ? e.code : undefined,
    };
  });
  const details = { ...ids, mutation, userErrors: entries, httpStatus: 200 };
  const summary = entries
    .slice(0, 5)
    .map((e) => (e.field ? `${e.field.join('.')}: ${e.message}` : e.message))
    .join('; ');
  if (entries.some((e) => e.code === 'OPERATION_IN_PROGRESS')) {
    return new InvalidRequestError({
      message: `${mutation} refused: a bulk operation is already running for this app and shop (${summary}). Wait for it to finish, or cancel it with bulk.cancel().`,
      status: 200,
      body,
      details: { ...details, reason: 'bulk_operation_in_progress' },
    });
  }
  if (entries.some((e) => e.code === 'LIMIT_REACHED')) {
    return new RateLimitError({ message: `${mutation} refused: ${summary}`, status: 200, retryable: false, body, details });
  }
  return new ValidationError({
    message: `${mutation} was rejected: ${summary}${entries.length > 5 ? ` (+${entries.length - 5} more)` : ''}`,
    issues: entries.map((e) => ({ path: e.field?.join('.') ?? '(input)', message: e.message })),
    status: 200,
    body,
    details,
  });
}
