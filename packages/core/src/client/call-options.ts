import { z } from 'zod';
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

/** The options every public method accepts (`CallOptions`), with the same rules as the client's options. */
export const callOptionsShape = {
  signal: signalSchema.optional(),
  timeoutMs: timeoutMsSchema.optional(),
  headers: headersSchema.optional(),
  retry: retrySchema.optional(),
  idempotencyKey: z.string().min(1).max(255).optional(),
  requestId: z.string().min(1).max(200).optional(),
};

/** A whole request as a connector describes it: call options plus what the connector adds. */
const requestSpecSchema = z.object({
  ...callOptionsShape,
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).optional(),
  path: z.string().optional(),
  url: z.string().min(1).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  query: z.record(z.string(), z.union([scalar, z.array(z.union([z.string(), z.number(), z.boolean()]))])).optional(),
  body: z.unknown().optional(),
  form: z.record(z.string(), z.string()).optional(),
  schema: obj.optional(),
  idempotent: z.boolean().optional(),
  operation: z.string().optional(),
  cost: z.number().positive().finite().optional(),
  rateLimiter: z.union([z.literal(false), obj]).optional(),
  cache: z.union([z.literal(false), z.object({ ttlMs: z.union([z.number().nonnegative(), z.literal(Number.POSITIVE_INFINITY)]).optional() }).strict()]).optional(),
  responseType: z.enum(['json', 'text']).optional(),
  // Callers spread their whole CallOptions into a spec; unknown keys are ignored, not sent.
}).loose();

/**
 * Validates one call before anything else happens: a bad per-call option (`timeoutMs: -1`, `NaN`, `3e9`,
 * `signal: 'nope'`, `retry: 'yes'`) is a VALIDATION_ERROR naming the field. Nothing is sent, and it is neutral
 * for the circuit breaker (it says nothing about the server).
 */
export function validateRequestSpec<T>(spec: RequestSpec<T>, source: string): RequestSpec<T> {
  const result = requestSpecSchema.safeParse(spec);
  if (!result.success) throw zodToValidationError(result.error, 'Invalid call options', source);
  return spec;
}
