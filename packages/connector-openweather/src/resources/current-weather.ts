import type { CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { WEATHER_CACHE_TTL_MS } from '../cache-ttl.js';
import type { ResourceContext } from '../context.js';
import { callOptions, type WeatherCallOptions } from '../input/call-options.js';
import { locationQuery, type Location } from '../input/location.js';
import { unitsAndLang } from '../input/weather-query.js';
import { codSchema, conditionSchema, coordSchema, mainReadingsSchema, precipitationSchema } from '../schemas/common.js';
import { withUnits, type Units, type WithUnits } from '../units.js';

/** The zod schema of a current weather answer (`/data/2.5/weather`); unknown fields pass through. */
export const currentWeatherSchema = z.lazySchema(() => z.looseObject({
  coord: coordSchema,
  weather: z.array(conditionSchema),
  base: z.optional(z.string()),
  main: mainReadingsSchema,
  /** Metres, at most 10,000. */
  visibility: z.optional(z.number()),
  wind: z.optional(z.looseObject({ speed: z.number(), deg: z.number(), gust: z.optional(z.number()) })),
  clouds: z.optional(z.looseObject({ all: z.number() })),
  rain: z.optional(precipitationSchema),
  snow: z.optional(precipitationSchema),
  /** Unix seconds, UTC. */
  dt: z.number(),
  sys: z.looseObject({
    type: z.optional(z.number()),
    id: z.optional(z.number()),
    country: z.optional(z.string()),
    sunrise: z.optional(z.number()),
    sunset: z.optional(z.number()),
  }),
  /** Shift in seconds from UTC. */
  timezone: z.number(),
  id: z.number(),
  name: z.string(),
  cod: codSchema,
}));

/**
 * Current weather as the API sends it: `coord`, `weather` conditions, `main` readings, `visibility` (m), `wind`,
 * `clouds`, `rain`/`snow`, `dt` (epoch seconds), `sys` (country, sunrise, sunset), `timezone` (offset in seconds),
 * the city's `id` and `name`.
 */
export type CurrentWeatherData = z.infer<typeof currentWeatherSchema>;
/** Current weather with the unit system its numbers are in (`units`). */
export type CurrentWeather<U extends Units = Units> = WithUnits<CurrentWeatherData, U>;

/** Current weather: `GET /data/2.5/weather` (https://openweathermap.org/current). */
export class CurrentWeatherResource {
  constructor(private readonly ctx: ResourceContext) {}

  async get<V extends Units>(location: Location, options: WeatherCallOptions<V> & CallOptions = {}): Promise<CurrentWeather<V>> {
    const where = locationQuery(location);
    const { units, query } = unitsAndLang(this.ctx, options);
    const { data } = await this.ctx.request({
      path: '/data/2.5/weather',
      query: { ...where, ...query },
      schema: currentWeatherSchema,
      operation: 'weather.current',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return withUnits(data, units);
  }
}
