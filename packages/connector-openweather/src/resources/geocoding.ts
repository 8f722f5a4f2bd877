import { validateInput, type CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { GEOCODING_CACHE_TTL_MS } from '../cache-ttl.js';
import type { ResourceContext } from '../context.js';
import { callOptions } from '../input/call-options.js';
import { coordinates, countrySchema, MAX_PLACE_NAME_LENGTH, MAX_ZIP_LENGTH, placeNameRule, zipRule, type Coordinates } from '../input/location.js';

/** The zod schema of one place the geocoding API returns; unknown fields pass through. */
export const geocodedPlaceSchema = z.lazySchema(() => z.looseObject({
  name: z.string(),
  /** The name in other languages, keyed by language code (plus `ascii` and `feature_name`). */
  local_names: z.optional(z.record(z.string(), z.string())),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  state: z.optional(z.string()),
}));
/** The zod schema of the zip geocoding answer; unknown fields pass through. */
export const geocodedZipSchema = z.lazySchema(() => z.looseObject({
  zip: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
}));

/** A place: `name`, `local_names`, `lat`, `lon`, `country`, `state`. */
export type GeocodedPlace = z.infer<typeof geocodedPlaceSchema>;
/** A postal code's place: `zip`, `name`, `lat`, `lon`, `country`. */
export type GeocodedZip = z.infer<typeof geocodedZipSchema>;

export interface GeocodeOptions extends CallOptions {
  /** How many places to return, 1 to 5 (the API's maximum). @default 1 on the API side */
  limit?: number;
}

const limitSchema = z.lazySchema(() => z
  .number({ error: 'must be a number' })
  .check(z.int('must be an integer'), z.gte(1, 'must be 1 to 5'), z.lte(5, 'must be 1 to 5')));
const directSchema = z.lazySchema(() => z.object({
  query: z
    .string({ error: 'must be a string such as "London,GB"' })
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_PLACE_NAME_LENGTH, placeNameRule)),
  limit: z.optional(limitSchema),
}));
const zipSchema = z.lazySchema(() => z.object({
  zip: z
    .string({ error: 'must be a string' })
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(MAX_ZIP_LENGTH, zipRule),
      z.regex(/^[^,]*$/, 'must not contain a comma (give country as its own argument)'),
    ),
  country: countrySchema,
}));

/** Geocoding: `GET /geo/1.0/direct`, `/reverse` and `/zip` (https://openweathermap.org/api/geocoding-api). */
export class GeocodingResource {
  constructor(private readonly ctx: ResourceContext) {}

  /** Places matching `"{city name},{state code},{country code}"`; an empty array when nothing matches. */
  async direct(query: string, options: GeocodeOptions = {}): Promise<GeocodedPlace[]> {
    const input = validateInput(directSchema, { query, limit: options.limit }, 'Invalid geocode query', 'openweather');
    const { data } = await this.ctx.request({
      path: '/geo/1.0/direct',
      query: { q: input.query, limit: input.limit },
      schema: z.array(geocodedPlaceSchema),
      operation: 'geocoding.direct',
      cache: { ttlMs: GEOCODING_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return data;
  }

  /** Place names near coordinates, nearest first. */
  async reverse(location: Coordinates, options: GeocodeOptions = {}): Promise<GeocodedPlace[]> {
    const { lat, lon } = coordinates(location);
    const { limit } = validateInput(z.object({ limit: z.optional(limitSchema) }), { limit: options.limit }, 'Invalid options', 'openweather');
    const { data } = await this.ctx.request({
      path: '/geo/1.0/reverse',
      query: { lat, lon, limit },
      schema: z.array(geocodedPlaceSchema),
      operation: 'geocoding.reverse',
      cache: { ttlMs: GEOCODING_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return data;
  }

  /** The place of a postal code; NOT_FOUND when the API does not know it. */
  async zip(zip: string, country: string, options: CallOptions = {}): Promise<GeocodedZip> {
    const input = validateInput(zipSchema, { zip, country }, 'Invalid zip query', 'openweather');
    const { data } = await this.ctx.request({
      path: '/geo/1.0/zip',
      query: { zip: `${input.zip},${input.country}` },
      schema: geocodedZipSchema,
      operation: 'geocoding.zip',
      cache: { ttlMs: GEOCODING_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return data;
  }
}
