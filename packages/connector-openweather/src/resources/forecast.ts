import { validateInput } from '@cf/core';
import * as z from '@cf/core/zod';
import { WEATHER_CACHE_TTL_MS } from '../cache-ttl.js';
import type { ResourceContext } from '../context.js';
import { callOptions, type WeatherCallOptions } from '../input/call-options.js';
import { locationQuery, type Location } from '../input/location.js';
import { unitsAndLang } from '../input/weather-query.js';
import { codSchema, conditionSchema, coordSchema, mainReadingsSchema } from '../schemas/common.js';
import { withUnits, type Units, type WithUnits } from '../units.js';

/** The zod schema of one 3-hour forecast entry; unknown fields pass through. */
export const forecastEntrySchema = z.lazySchema(() => z.looseObject({
  /** Unix seconds, UTC: the start of this 3-hour step. */
  dt: z.number(),
  main: z.extend(mainReadingsSchema, { temp_kf: z.optional(z.number()) }),
  weather: z.array(conditionSchema),
  clouds: z.optional(z.looseObject({ all: z.number() })),
  wind: z.optional(z.looseObject({ speed: z.number(), deg: z.number(), gust: z.optional(z.number()) })),
  visibility: z.optional(z.number()),
  /** Probability of precipitation, 0 to 1. */
  pop: z.optional(z.number()),
  rain: z.optional(z.looseObject({ '3h': z.optional(z.number()) })),
  snow: z.optional(z.looseObject({ '3h': z.optional(z.number()) })),
  sys: z.optional(z.looseObject({ pod: z.optional(z.string()) })),
  /** UTC, `YYYY-MM-DD HH:MM:SS`. */
  dt_txt: z.optional(z.string()),
}));

/** The zod schema of a 5 day / 3 hour forecast answer (`/data/2.5/forecast`); unknown fields pass through. */
export const forecastSchema = z.lazySchema(() => z.looseObject({
  cod: codSchema,
  message: z.optional(z.union([z.number(), z.string()])),
  cnt: z.number(),
  list: z.array(forecastEntrySchema),
  city: z.looseObject({
    id: z.optional(z.number()),
    name: z.optional(z.string()),
    coord: z.optional(coordSchema),
    country: z.optional(z.string()),
    population: z.optional(z.number()),
    timezone: z.optional(z.number()),
    sunrise: z.optional(z.number()),
    sunset: z.optional(z.number()),
  }),
}));

/**
 * One 3-hour step: `dt` (epoch seconds) and `dt_txt`, `main` readings, `weather`, `clouds`, `wind`, `visibility`,
 * `pop` (probability of precipitation, 0 to 1), `rain`/`snow`.
 */
export type ForecastEntry = z.infer<typeof forecastEntrySchema>;
/** A 5 day / 3 hour forecast as the API sends it: up to 40 entries in `list`, and the `city`. */
export type ForecastData = z.infer<typeof forecastSchema>;
/** The forecast with its unit system; iterating it (`for…of` or `for await…of`) yields its 3-hour entries. */
export type Forecast<U extends Units = Units> = WithUnits<ForecastData, U> & Iterable<ForecastEntry> & AsyncIterable<ForecastEntry>;

export interface ForecastOptions<V extends Units> extends WeatherCallOptions<V> {
  /** Number of 3-hour steps, 1 to 40 (the API's `cnt`). @default all 40 (5 days) */
  count?: number;
}

const countSchema = z.lazySchema(() => z.object({
  count: z.optional(
    z.number({ error: 'must be a number' }).check(z.int('must be an integer'), z.gte(1, 'must be 1 to 40'), z.lte(40, 'must be 1 to 40')),
  ),
}));

/** 5 day / 3 hour forecast: `GET /data/2.5/forecast` (https://openweathermap.org/forecast5). */
export class ForecastResource {
  constructor(private readonly ctx: ResourceContext) {}

  async get<V extends Units>(location: Location, options: ForecastOptions<V> = {}): Promise<Forecast<V>> {
    const where = locationQuery(location);
    const { count } = validateInput(countSchema, { count: options.count }, 'Invalid options', 'openweather');
    const { units, query } = unitsAndLang(this.ctx, options);
    const { data } = await this.ctx.request({
      path: '/data/2.5/forecast',
      query: { ...where, ...query, cnt: count },
      schema: forecastSchema,
      operation: 'forecast.get',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    const result = withUnits(data, units);
    // Not enumerable: the result still serialises and compares as plain data.
    Object.defineProperties(result, {
      [Symbol.iterator]: { value: () => result.list[Symbol.iterator](), enumerable: false },
      [Symbol.asyncIterator]: { value: () => entries(result.list), enumerable: false },
    });
    return result as Forecast<V>;
  }
}

async function* entries(list: ForecastEntry[]): AsyncGenerator<ForecastEntry, void, undefined> {
  yield* list;
}
