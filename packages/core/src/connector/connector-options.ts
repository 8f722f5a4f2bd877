import * as z from '../schema/zod.js';
import type { HttpClientOptions } from '../client/options.js';
import { httpClientOptionsSchema } from '../client/options.js';

/** The core options every connector accepts from its user (besides its own credentials). */
export type CoreOptions = Partial<
  Pick<
    HttpClientOptions,
    | 'baseUrl'
    | 'userAgent'
    | 'headers'
    | 'timeoutMs'
    | 'retry'
    | 'circuitBreaker'
    | 'rateLimit'
    | 'store'
    | 'concurrency'
    | 'hooks'
    | 'logger'
    | 'clock'
    | 'maxResponseBytes'
    | 'requestIdHeader'
    | 'cache'
    | 'transport'
  >
>;

/** Extend this schema with a connector's own fields: `z.extend(coreOptionsSchema, { apiKey: z.string() })`. */
export const coreOptionsSchema = z.lazySchema(() =>
  z.partial(
  z.pick(httpClientOptionsSchema, {
    baseUrl: true,
    userAgent: true,
    headers: true,
    timeoutMs: true,
    retry: true,
    circuitBreaker: true,
    rateLimit: true,
    store: true,
    concurrency: true,
    hooks: true,
    logger: true,
    clock: true,
    maxResponseBytes: true,
    requestIdHeader: true,
    cache: true,
    transport: true,
  }),
),
);

/** What `coreOptionsSchema` accepts: `CoreOptions` as a user writes them, before defaults. */
export type CoreOptionsInput = z.input<typeof coreOptionsSchema>;

/**
 * Merges what a connector knows about its API (defaults) with the user's core options (which win).
 * Only keys the user actually set override, so `exactOptionalPropertyTypes` holds.
 */
export function withUserOptions(defaults: HttpClientOptions, user: CoreOptions): HttpClientOptions {
  const out: HttpClientOptions = { ...defaults };
  for (const [key, value] of Object.entries(user)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  if (user.userAgent !== undefined && defaults.userAgent !== undefined) out.userAgent = `${user.userAgent} ${defaults.userAgent}`;
  return out;
}
