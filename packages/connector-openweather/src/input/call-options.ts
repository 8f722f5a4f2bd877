import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { UNITS, type Units } from '../units.js';

/** `lang` codes look like `en`, `de`, `zh_cn`, `pt_br` (https://openweathermap.org/current#multi). */
export const langSchema = z.lazySchema(() => z.string().check(z.regex(/^[a-z]{2}(_[a-z]{2})?$/i, 'must be a language code such as "en", "de" or "zh_cn"')));
export const unitsSchema = z.lazySchema(() => z.enum(UNITS, { error: 'must be "standard", "metric" or "imperial"' }));

/** Options of the calls that return temperatures: the unit system and language for this call. */
export interface WeatherCallOptions<V extends Units> extends CallOptions {
  /** Overrides the client's `units` for this call. */
  units?: V;
  /** Overrides the client's `lang` for this call (translates `weather[].description`). */
  lang?: string;
}

export const weatherOptionsSchema = z.lazySchema(() => z.object({ units: z.optional(unitsSchema), lang: z.optional(langSchema) }));

/** Keeps only the options core understands, so method-specific fields never leak into the request. */
export function callOptions(options: CallOptions): CallOptions {
  const out: CallOptions = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeoutMs !== undefined) out.timeoutMs = options.timeoutMs;
  if (options.headers !== undefined) out.headers = options.headers;
  if (options.retry !== undefined) out.retry = options.retry;
  if (options.idempotencyKey !== undefined) out.idempotencyKey = options.idempotencyKey;
  if (options.requestId !== undefined) out.requestId = options.requestId;
  return out;
}
