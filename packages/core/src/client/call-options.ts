import * as z from '../schema/zod.js';
import { zodToValidationError } from '../validation/parse.js';
import { headersSchema, retrySchema, timeoutMsSchema } from './options.js';
import type { RequestSpec } from './request-types.js';

const obj = z.custom<object>((v) => typeof v === 'object' && v !== null, 'must be an object');
/** An AbortSignal from this realm or another (duck-typed: a signal from a polyfill or an iframe works too). */
const signalSchema = z.custom<AbortSignal>(
  (v) => typeof v === 'object' && v !== null && typeof (v as AbortSignal).aborted === 'boolean' && typeof (v as AbortSignal).addEventListener === 'function',
  'must be an AbortSignal',
);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()]);
const boundedString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** The options every public method accepts (`CallOptions`), with the same rules as the client's options. */
export const callOptionsShape = {
  signal: z.optional(signalSchema),
  timeoutMs: z.optional(timeoutMsSchema),
  headers: z.optional(headersSchema),
  retry: z.optional(retrySchema),
  idempotencyKey: z.optional(boundedString(255)),
  requestId: z.optional(boundedString(200)),
};

/** A whole request as a connector describes it: call options plus what the connector adds. */
// Callers spread their whole CallOptions into a spec; unknown keys are ignored, not sent.
const requestSpecSchema = z.lazySchema(() =>
  z.looseObject({
  ...callOptionsShape,
  method: z.optional(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])),
  path: z.optional(z.string()),
  url: z.optional(z.string().check(z.minLength(1))),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  query: z.optional(z.record(z.string(), z.union([scalar, z.array(z.union([z.string(), z.number(), z.boolean()]))]))),
  body: z.optional(z.unknown()),
  form: z.optional(z.record(z.string(), z.string())),
  schema: z.optional(obj),
  idempotent: z.optional(z.boolean()),
  operation: z.optional(z.string()),
  cost: z.optional(z.number().check(z.positive(), z.lt(Number.POSITIVE_INFINITY))),
  rateLimiter: z.optional(z.union([z.literal(false), obj])),
  cache: z.optional(
    z.union([z.literal(false), z.strictObject({ ttlMs: z.optional(z.union([z.number().check(z.nonnegative()), z.literal(Number.POSITIVE_INFINITY)])) })]),
  ),
  responseType: z.optional(z.enum(['json', 'text'])),
  }),
);

/**
 * Validates one call before anything else happens: a bad per-call option (`timeoutMs: -1`, `NaN`, `3e9`,
 * `signal: 'nope'`, `retry: 'yes'`) is a VALIDATION_ERROR naming the field. Nothing is sent, and it is neutral
 * for the circuit breaker (it says nothing about the server).
 */
export function validateRequestSpec<T>(spec: RequestSpec<T>, source: string): RequestSpec<T> {
  const result = z.safeParse(requestSpecSchema, spec);
  if (!result.success) throw zodToValidationError(result.error, 'Invalid call options', source);
  return spec;
}
