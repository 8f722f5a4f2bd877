import * as z from '@cf/core/zod';
import {
  AuthError,
  InvalidRequestError,
  isConnectorError,
  NotFoundError,
  RateLimitError,
  type ConnectorError,
  type ErrorContext,
  type ErrorDetails,
} from '@cf/core';
import { plainTextExcerpt } from './text-excerpt.js';

/**
 * HubSpot's error body (`ModelError` in the official SDK): `message`, `correlationId` and `category` are always
 * there; 429s add `policyName` and `errorType`.
 */
export const hubspotErrorBodySchema = z.lazySchema(() => z.looseObject({
  status: z.optional(z.string()),
  message: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  category: z.optional(z.string()),
  subCategory: z.optional(z.unknown()),
  errors: z.optional(z.array(z.unknown())),
  context: z.optional(z.record(z.string(), z.unknown())),
  links: z.optional(z.record(z.string(), z.unknown())),
  policyName: z.optional(z.string()),
  errorType: z.optional(z.string()),
  requestId: z.optional(z.string()),
}));
/**
 * HubSpot's error body (`status`, `message`, `correlationId`, `category`, `subCategory`, `errors`, `context`...), as
 * `hubspotErrorBodySchema` parses it; unknown fields pass through.
 */
export type HubSpotErrorBody = z.infer<typeof hubspotErrorBodySchema>;

/** What the mapper needs besides the response: when the daily quota resets (midnight in the account's zone). */
export interface ErrorMapperOptions {
  dailyResetAt: (now: number) => number;
  now: () => number;
  timeZone: string;
}

const DEFAULT_ROLLING_WINDOW_MS = 10_000;
const SECONDLY_WINDOW_MS = 1_000;

/** Maps HubSpot's error responses into core's codes. Returns undefined to keep core's default for unknown shapes. */
export function createErrorMapper(options: ErrorMapperOptions): (ctx: ErrorContext) => ConnectorError | undefined {
  return (ctx) => mapHubSpotError(ctx, options);
}

/**
 * Maps one HubSpot error response to a typed `ConnectorError`: a 429 to `RateLimitError` (the ten-second window
 * waited out and retried, `DAILY` not retried and saying when the quota resets at midnight in `options.timeZone`),
 * `INVALID_AUTHENTICATION`/`EXPIRED_AUTHENTICATION`/`MISSING_SCOPES` to `AuthError` (with the required scopes),
 * `OBJECT_NOT_FOUND` to `NotFoundError`, `VALIDATION_ERROR` and `CONFLICT` to `InvalidRequestError` (with
 * per-property errors or the existing record's id). Every error carries HubSpot's correlation id and category in
 * `details`.
 *
 * @returns the error, or undefined to keep core's default error for the status (e.g. a retryable 5xx). @param ctx -
 * the failed response (status, headers, parsed body). @param options - the clock and the account's time zone, for the
 * daily reset time.
 */
export function mapHubSpotError(ctx: ErrorContext, options: ErrorMapperOptions): ConnectorError | undefined {
  const parsed = hubspotErrorBodySchema.safeParse(ctx.body);
  const body = parsed.success ? parsed.data : undefined;
  const apiRequestId = body?.correlationId ?? ctx.headers['x-hubspot-correlation-id'];
  const details: ErrorDetails = {
    ...(apiRequestId ? { apiRequestId } : {}),
    ...(body?.category ? { category: body.category } : {}),
    ...(body?.subCategory !== undefined ? { subCategory: body.subCategory } : {}),
    ...(body?.context ? { context: body.context } : {}),
    ...(body?.errors ? { errors: body.errors } : {}),
  };
  const apiMessage = body?.message?.trim();
  const says = apiMessage ? ` HubSpot says: ${apiMessage}` : '';
  const common = { status: ctx.status, body: ctx.body, source: 'hubspot' };

  if (ctx.status === 429) return rateLimitError(ctx, body, details, options);

  switch (body?.category) {
    case 'INVALID_AUTHENTICATION':
    case 'EXPIRED_AUTHENTICATION':
      return new AuthError({
        ...common,
        details,
        message:
          `HubSpot rejected the credentials (${ctx.status} ${body.category}).${says} ` +
          'Check the private app access token (Settings → Integrations → Private Apps), or the OAuth client id, secret and refresh token; ' +
          'a revoked app or a token from another account fails the same way.',
      });
    case 'MISSING_SCOPES': {
      const scopes = requiredScopes(body);
      return new AuthError({
        ...common,
        details: { ...details, requiredScopes: scopes },
        message:
          `The HubSpot token lacks the scopes this call needs${scopes.length > 0 ? `: ${scopes.join(', ')}` : ''} (403 MISSING_SCOPES). ` +
          'Add them to the private app, or re-authorize the OAuth app with them.',
      });
    }
    case 'OBJECT_NOT_FOUND':
      return new NotFoundError({ ...common, details, message: `Not found (${ctx.status} OBJECT_NOT_FOUND).${says} Check the id, or pass idProperty for a lookup by a unique property.` });
    case 'VALIDATION_ERROR': {
      const propertyErrors = parsePropertyErrors(apiMessage);
      return new InvalidRequestError({
        ...common,
        details: { ...details, ...(propertyErrors ? { propertyErrors } : {}) },
        message: `HubSpot rejected the request (${ctx.status} VALIDATION_ERROR).${says}`,
      });
    }
    case 'CONFLICT': {
      const existingId = /Existing ID:\s*(\d+)/i.exec(apiMessage ?? '')?.[1];
      return new InvalidRequestError({
        ...common,
        details: { ...details, ...(existingId ? { existingId } : {}) },
        message:
          `HubSpot reports a conflict (${ctx.status} CONFLICT).${says}` +
          (existingId ? ` The existing record is ${existingId}: update it, or use batch.upsert with a unique idProperty.` : ''),
      });
    }
    default:
      break;
  }
  // Anything else keeps core's class for the status (retryable 5xx, 4xx INVALID_REQUEST...), with HubSpot's ids added.
  ctx.defaultError.details = { ...ctx.defaultError.details, ...details };
  if (typeof ctx.body === 'string') ctx.defaultError.message = notJsonMessage(ctx.status, ctx.body);
  return ctx.defaultError;
}

const STATUS_TEXT: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/**
 * A body that is not HubSpot's JSON comes from something in between (a CDN or proxy page for a 502/504): a few words
 * of it say which, the markup around them says nothing. The whole page stays in `error.body`.
 */
function notJsonMessage(status: number, body: string): string {
  const excerpt = plainTextExcerpt(body);
  const what = `${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
  const page = /<html|<!doctype/i.test(body) ? 'an HTML page' : 'plain text';
  const advice = status >= 500 ? ' Reads are retried; if it persists, check https://status.hubspot.com.' : '';
  return `HubSpot answered ${what} with ${page}, not its JSON error${excerpt ? `: "${excerpt}"` : ''}.${advice}`;
}

function rateLimitError(ctx: ErrorContext, body: HubSpotErrorBody | undefined, details: ErrorDetails, options: ErrorMapperOptions): ConnectorError {
  const common = { status: 429, body: ctx.body, source: 'hubspot' };
  const policy = body?.policyName;
  if (policy === 'DAILY') {
    const resetsAt = new Date(options.dailyResetAt(options.now())).toISOString();
    // The account's own quota as HubSpot reports it (plans, add-on packs): never the plan default configured here.
    const reported = Number(ctx.headers['x-hubspot-ratelimit-daily']);
    const dailyLimit = Number.isInteger(reported) && reported > 0 ? reported : undefined;
    const quota = dailyLimit === undefined ? '' : ` (${dailyLimit.toLocaleString('en-US')} calls per day, as HubSpot reported)`;
    // No retryAfterMs on purpose: core would pause every queued call until midnight instead of failing them.
    return new RateLimitError({
      ...common,
      retryable: false,
      details: { ...details, policyName: policy, resetsAt, ...(dailyLimit === undefined ? {} : { dailyLimit }) },
      message:
        `HubSpot's daily API limit for this account${quota} is used up (429 DAILY); it resets at midnight in the account's time zone ` +
        `(${resetsAt}, assuming limits.timeZone "${options.timeZone}"). Not retried.`,
    });
  }
  if (policy === 'TEN_SECONDLY_ROLLING' || policy === 'SECONDLY' || /secondly limit/i.test(body?.message ?? '')) {
    const rolling = policy === 'TEN_SECONDLY_ROLLING';
    const interval = Number(ctx.headers['x-hubspot-ratelimit-interval-milliseconds']);
    const windowMs = rolling ? (Number.isFinite(interval) && interval > 0 ? interval : DEFAULT_ROLLING_WINDOW_MS) : SECONDLY_WINDOW_MS;
    const retryAfterMs = ctx.retryAfterMs ?? windowMs;
    return new RateLimitError({
      ...common,
      retryAfterMs,
      details: { ...details, ...(policy ? { policyName: policy } : {}) },
      message: `HubSpot's ${rolling ? 'ten-second rolling' : 'per-second (search)'} limit was hit (429); every call on this client pauses ${retryAfterMs} ms, then retries.`,
    });
  }
  ctx.defaultError.details = { ...ctx.defaultError.details, ...details };
  return ctx.defaultError;
}

function requiredScopes(body: HubSpotErrorBody): string[] {
  const out = new Set<string>();
  const collect = (context: unknown) => {
    if (typeof context !== 'object' || context === null) return;
    for (const key of ['requiredGranularScopes', 'requiredScopes', 'missingScopes']) {
      const v = (context as Record<string, unknown>)[key];
      if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') out.add(s);
    }
  };
  collect(body.context);
  for (const e of body.errors ?? []) if (typeof e === 'object' && e !== null) collect((e as { context?: unknown }).context);
  return [...out];
}

/** "Property values were not valid: [{...}]" carries a JSON list of per-property problems. */
function parsePropertyErrors(message: string | undefined): Array<{ name: string | undefined; message: string | undefined; error: string | undefined }> | undefined {
  const start = message?.indexOf('[') ?? -1;
  if (!message || start === -1) return undefined;
  try {
    const list = JSON.parse(message.slice(start)) as unknown;
    if (!Array.isArray(list)) return undefined;
    return list.filter((e): e is Record<string, string> => typeof e === 'object' && e !== null).map((e) => ({ name: e.name, message: e.message, error: e.error }));
  } catch {
    return undefined;
  }
}

const UNSAFE_WRITE_HINT =
  ' It was not retried: creating is not idempotent and HubSpot may already have applied it. Check for the record before creating it again, ' +
  'or write with batch.upsert keyed by a unique property (idProperty), which is safe to retry.';

/**
 * Tells the caller how to go on when a failed create may have been applied. Core decides that (`error.writeOutcome`,
 * with `retryable: false`) and never repeats such a request; this adds the advice. It also sets
 * `details.writeMayHaveApplied`, deprecated: read `error.writeOutcome === 'may-have-applied'` instead.
 */
export function explainUnsafeWrite(error: unknown): unknown {
  if (!isConnectorError(error) || error.writeOutcome !== 'may-have-applied' || error.details.writeMayHaveApplied) return error;
  error.message += UNSAFE_WRITE_HINT;
  error.details.writeMayHaveApplied = true;
  return error;
}
