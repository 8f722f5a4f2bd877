import * as z from '../schema/zod.js';
import { zodToValidationError } from '../validation/parse.js';
import { headersSchema, retrySchema, timeoutMsSchema } from './options.js';
import type { RequestSpec } from './request-types.js';

/** An AbortSignal from this realm or another (duck-typed: a signal from a polyfill or an iframe works too). */
const isSignal = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as AbortSignal).aborted === 'boolean' && typeof (v as AbortSignal).addEventListener === 'function';

/** The options every public method accepts (`CallOptions`), with the same rules as the client's options. */
const callOptionsSchema = z.lazySchema(() =>
  // Callers spread their whole CallOptions into a spec; the connector's own keys pass through unchecked here.
  z.looseObject({
    signal: z.optional(z.custom<AbortSignal>(isSignal, 'must be an AbortSignal')),
    timeoutMs: z.optional(timeoutMsSchema),
    headers: z.optional(headersSchema),
    retry: z.optional(retrySchema),
    idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
    requestId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  }),
);

/** The keys of `CallOptions`: what reaches a spec from the connector's caller. */
const CALLER_KEYS = ['signal', 'timeoutMs', 'headers', 'retry', 'idempotencyKey', 'requestId'] as const;

/**
 * Validates one call before anything else happens: a bad per-call option (`timeoutMs: -1`, `NaN`, `3e9`,
 * `signal: 'nope'`, `retry: 'yes'`) is a VALIDATION_ERROR naming the field. Nothing is sent, and it is neutral
 * for the circuit breaker (it says nothing about the server). Only what the caller passed is checked, and only
 * when they passed something: the rest of a spec is the connector's own typed code, and this runs on every call.
 */
export function validateRequestSpec<T>(spec: RequestSpec<T>, source: string): RequestSpec<T> {
  if (!CALLER_KEYS.some((key) => spec[key] !== undefined)) return spec;
  const result = z.safeParse(callOptionsSchema, spec);
  if (!result.success) throw zodToValidationError(result.error, 'Invalid call options', source);
  return spec;
}
