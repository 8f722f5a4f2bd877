import { coreOptionsSchema, type CoreOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { langSchema, unitsSchema } from './input/call-options.js';
import type { OpenWeatherLimits } from './quota.js';
import type { Units } from './units.js';

/**
 * OpenWeather's API host, used when `baseUrl` is not set; the connector adds `/data/2.5`, `/data/3.0` and `/geo/1.0`
 * itself.
 */
export const OPENWEATHER_BASE_URL = 'https://api.openweathermap.org';

/** Options of `new OpenWeatherConnector(...)`: the key, defaults for units and language, quotas, and core's options. */
export interface OpenWeatherOptions<U extends Units = 'standard'> extends Omit<CoreOptions, 'rateLimit'> {
  /** Your API key (https://home.openweathermap.org/api_keys), sent as the `appid` query parameter and redacted everywhere. */
  apiKey: string;
  /** Unit system of every temperature and speed, unless a call says otherwise. @default 'standard' (Kelvin, like the API) */
  units?: U;
  /** Language of `weather[].description`, e.g. `de`, `zh_cn`. @default the API's (English) */
  lang?: string;
  /**
   * Local quotas, enforced before the network: `perMinute` or a general window `requests: { limit, intervalMs }` for
   * the whole key, `oneCallPerDay`. @default the free plan: 60 calls/min, 1,000 One Call calls/day
   */
  limits?: OpenWeatherLimits;
  /**
   * `false` turns every local quota off (tests, or a quota enforced elsewhere). Quotas are configured with `limits`,
   * so the One Call daily cap cannot be lost by replacing the limiter.
   */
  rateLimit?: false;
  /**
   * The host root, `https://api.openweathermap.org` by default. A proxy's path prefix is kept in front of both the
   * `/data/...` and `/geo/...` paths.
   */
  baseUrl?: string;
}

// `z.number()` first, so a non-number keeps zod's "expected number" message.
const positiveInt = z.lazySchema(() => z.number().check(z.int('must be an integer'), z.positive('must be positive')));
// A day: the longest rolling window worth keeping a call log for (the daily One Call allowance has its own window).
const MAX_WINDOW_MS = 86_400_000;
const requestWindowSchema = z.lazySchema(() => z.strictObject(
  {
    limit: positiveInt,
    intervalMs: positiveInt.check(z.lte(MAX_WINDOW_MS, `must be at most ${MAX_WINDOW_MS} (a day)`)),
  },
  { error: 'must be { limit, intervalMs }, e.g. { limit: 10, intervalMs: 20_000 }' },
));

const limitsSchema = z.lazySchema(() => z
  .strictObject({
    perMinute: z.optional(positiveInt),
    requests: z.optional(requestWindowSchema),
    oneCallPerDay: z.optional(z.union([positiveInt, z.literal(false)], { error: 'must be a positive integer or false' })),
    key: z.optional(z.string().check(z.minLength(1))),
  })
  .check(z.refine((l) => l.perMinute === undefined || l.requests === undefined, 'give either perMinute or requests, not both')));

export const configSchema = z.lazySchema(() => z.extend(coreOptionsSchema, {
  apiKey: z.string({ error: 'is required (your OpenWeather API key)' }).check(z.trim(), z.minLength(1, 'must not be empty')),
  units: z.optional(unitsSchema),
  lang: z.optional(langSchema),
  limits: z.optional(limitsSchema),
  rateLimit: z.optional(
    z.literal(false, { error: 'accepts only false here: set quotas with `limits` ({ perMinute or requests, oneCallPerDay })' }),
  ),
  baseUrl: coreOptionsSchema.shape.baseUrl.check(
    z.refine(
      (url) => !/\/(data\/[23]\.\d|geo\/1\.0)\/?$/.test(url ?? ''),
      'must be the host root (e.g. https://api.openweathermap.org or your proxy prefix): the connector adds /data/2.5, /data/3.0 and /geo/1.0 itself',
    ),
  ),
}));

/** The validated configuration (`OpenWeatherOptions` after checks and defaults). */
export type OpenWeatherConfig = z.infer<typeof configSchema>;
