import { validateInput, type QueryParams } from '@cf/core';
import type { ResourceContext } from '../context.js';
import type { Units } from '../units.js';
import { weatherOptionsSchema, type WeatherCallOptions } from './call-options.js';

/**
 * Resolves this call's unit system and language (call options over client defaults) and returns them as query
 * parameters. `units` is always sent, so the unit of every number is the one the result's `units` field states.
 */
export function unitsAndLang<V extends Units>(
  ctx: ResourceContext,
  options: WeatherCallOptions<V>,
  { lang = true }: { lang?: boolean } = {},
): { units: V; query: QueryParams } {
  const parsed = validateInput(weatherOptionsSchema, { units: options.units, lang: options.lang }, 'Invalid options', 'openweather');
  const units = (parsed.units ?? ctx.units()) as V;
  const language = parsed.lang ?? ctx.lang();
  return { units, query: { units, ...(lang && language !== undefined ? { lang: language } : {}) } };
}
