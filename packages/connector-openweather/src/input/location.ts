import { ValidationError, validateInput, type QueryParams } from '@cf/core';
import * as z from '@cf/core/zod';

/** Geographic coordinates: the location form OpenWeather recommends (the name, id and zip lookups are deprecated). */
export interface Coordinates {
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lon: number;
}
/** A city by name, with an optional state code (US only, needs `country`) and ISO 3166 country code. */
export interface CityLocation {
  /** The city's name (`London`). */
  city: string;
  /** A US state code (`CA`); needs `country`. */
  state?: string;
  /** An ISO 3166 country code (`GB`). */
  country?: string;
}
/** A city by OpenWeather city id (from its bulk city list). */
export interface CityIdLocation {
  /** The city's id in OpenWeather's city list (`2643743` is London). */
  cityId: number;
}
/** A postal code, with an ISO 3166 country code (the API assumes US when it is left out). */
export interface ZipLocation {
  /** The postal code. */
  zip: string;
  /** An ISO 3166 country code. @default 'US' (on the API side) */
  country?: string;
}
/** Where to ask about: coordinates (recommended), a city name, a city id or a postal code. */
export type Location = Coordinates | CityLocation | CityIdLocation | ZipLocation;

/**
 * The longest city name, state or geocoding query sent, in characters. Longer than any real place name (Bangkok's
 * ceremonial name is 188 with its spaces, the longest New Zealand hill name 85 letters), and short enough that the URL
 * stays far below what the server accepts even when every character is a 4-byte UTF-8 one (12 characters
 * percent-encoded, 2.4 KB in all): a 200,000-character name was sent and answered 431.
 */
export const MAX_PLACE_NAME_LENGTH = 200;
/** The longest postal code sent: real ones are at most 10 characters (US ZIP+4, `12345-6789`). */
export const MAX_ZIP_LENGTH = 20;

const maxLength = (max: number, what: string) => `must be at most ${max} characters (${what})`;
export const placeNameRule = maxLength(MAX_PLACE_NAME_LENGTH, 'no place name is longer; the API refuses an over-long request with 431');
export const zipRule = maxLength(MAX_ZIP_LENGTH, 'no postal code is longer');

const noComma = (what: string, max = MAX_PLACE_NAME_LENGTH, rule = placeNameRule) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, rule), z.regex(/^[^,]*$/, `must not contain a comma (${what})`));
export const latSchema = z.lazySchema(() => z
  .number({ error: 'must be a number' })
  .check(z.gte(-90, 'must be between -90 and 90'), z.lte(90, 'must be between -90 and 90')));
export const lonSchema = z.lazySchema(() => z
  .number({ error: 'must be a number' })
  .check(z.gte(-180, 'must be between -180 and 180'), z.lte(180, 'must be between -180 and 180')));
export const countrySchema = z.lazySchema(() => z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 country code such as "GB"')));

export const coordinatesSchema = z.lazySchema(() => z.strictObject({ lat: latSchema, lon: lonSchema }));
const citySchema = z.lazySchema(() => z
  .strictObject({
    city: noComma('give state and country as their own fields'),
    state: z.optional(noComma('one state code')),
    country: z.optional(countrySchema),
  })
  .check(z.refine((v) => v.state === undefined || v.country !== undefined, { message: 'needs country when state is given', path: ['country'] })));
const cityIdSchema = z.lazySchema(() => z.strictObject({
  cityId: z.number({ error: 'must be a number' }).check(z.int('must be an integer'), z.positive('must be positive')),
}));
const zipSchema = z.lazySchema(() => z.strictObject({ zip: noComma('give country as its own field', MAX_ZIP_LENGTH, zipRule), country: z.optional(countrySchema) }));

const FORMS = 'one of { lat, lon }, { city, country? }, { cityId } or { zip, country? }';

/** Validates a location (VALIDATION_ERROR naming `location.<field>`) and returns its query parameters. */
export function locationQuery(location: unknown, field = 'location'): QueryParams {
  if (typeof location !== 'object' || location === null) throw invalid(field, `must be ${FORMS}`);
  if ('lat' in location || 'lon' in location) return { ...coordinates(location, field) };
  if ('city' in location) {
    const { city, state, country } = parse(citySchema, location, field);
    return { q: [city, state, country].filter((part) => part !== undefined).join(',') };
  }
  if ('cityId' in location) return { id: parse(cityIdSchema, location, field).cityId };
  if ('zip' in location) {
    const { zip, country } = parse(zipSchema, location, field);
    return { zip: country === undefined ? zip : `${zip},${country}` };
  }
  throw invalid(field, `must be ${FORMS}`);
}

/** Validates coordinates, for the endpoints that accept nothing else (air pollution, One Call, reverse geocoding). */
export function coordinates(location: unknown, field = 'location'): Coordinates {
  if (typeof location === 'object' && location !== null && !('lat' in location) && !('lon' in location)) {
    throw invalid(field, 'must be { lat, lon }: this endpoint takes coordinates only (use geocode() to turn a city into coordinates)');
  }
  return parse(coordinatesSchema, location, field);
}

function parse<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const wrapped = validateInput(z.object({ [field]: schema }), { [field]: value }, `Invalid ${field}`, 'openweather');
  return wrapped[field] as z.output<S>;
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError({ message: `Invalid ${field}: ${field}: ${message}`, issues: [{ path: field, message }], source: 'openweather' });
}
