import { ValidationError, type CallOptions } from '@cf/core';
import * as z from '@cf/core/zod';
import { WEATHER_CACHE_TTL_MS } from '../cache-ttl.js';
import type { ResourceContext } from '../context.js';
import { callOptions } from '../input/call-options.js';
import { coordinates, type Coordinates } from '../input/location.js';
import { epochSeconds, type TimeInput } from '../input/time.js';

/** Concentrations in μg/m³. */
export const pollutantsSchema = z.lazySchema(() => z.looseObject({
  co: z.number(),
  no: z.number(),
  no2: z.number(),
  o3: z.number(),
  so2: z.number(),
  pm2_5: z.number(),
  pm10: z.number(),
  nh3: z.number(),
}));

export const airQualitySchema = z.lazySchema(() => z.looseObject({
  /** Unix seconds, UTC. */
  dt: z.number(),
  /** Air Quality Index: 1 Good, 2 Fair, 3 Moderate, 4 Poor, 5 Very Poor. */
  main: z.looseObject({ aqi: z.int().check(z.gte(1), z.lte(5)) }),
  components: pollutantsSchema,
}));

/** The zod schema of an air pollution answer: `coord` and a `list` of hourly readings; unknown fields pass through. */
export const airPollutionSchema = z.lazySchema(() => z.looseObject({
  // The API sends { lon, lat }; its documentation once showed [lon, lat]. Both are accepted.
  coord: z.optional(z.union([z.looseObject({ lon: z.number(), lat: z.number() }), z.tuple([z.number(), z.number()])])),
  list: z.array(airQualitySchema),
}));

/** Pollutant concentrations in μg/m³: `co`, `no`, `no2`, `o3`, `so2`, `pm2_5`, `pm10`, `nh3`. */
export type Pollutants = z.infer<typeof pollutantsSchema>;
/** One hourly reading: `dt` (epoch seconds), `main.aqi` (1 good to 5 very poor) and the pollutant `components`. */
export type AirQuality = z.infer<typeof airQualitySchema>;
/** An air pollution answer: the `coord` and a `list` of hourly readings. */
export type AirPollution = z.infer<typeof airPollutionSchema>;

/** The time range of `airPollution.history`. */
export interface AirPollutionHistoryRange {
  /** From this time (Date or epoch seconds), on or after 2020-11-27. */
  start: TimeInput;
  /** Until this time (Date or epoch seconds), not before `start`. */
  end: TimeInput;
}

/** The first day of historical air pollution data (https://openweathermap.org/api/air-pollution). */
export const AIR_POLLUTION_HISTORY_START = 1_606_435_200; // 2020-11-27T00:00:00Z

/** Air pollution: `GET /data/2.5/air_pollution`, `/forecast` and `/history` (https://openweathermap.org/api/air-pollution). */
export class AirPollutionResource {
  readonly #ctx: ResourceContext;

  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }

  /** Current air quality at coordinates. */
  async current(location: Coordinates, options: CallOptions = {}): Promise<AirPollution> {
    return this.#get('/data/2.5/air_pollution', 'airPollution.current', { ...coordinates(location) }, options);
  }

  /** Hourly air quality forecast for 4 days. */
  async forecast(location: Coordinates, options: CallOptions = {}): Promise<AirPollution> {
    return this.#get('/data/2.5/air_pollution/forecast', 'airPollution.forecast', { ...coordinates(location) }, options);
  }

  /** Hourly air quality between `start` and `end`. */
  async history(location: Coordinates, range: AirPollutionHistoryRange, options: CallOptions = {}): Promise<AirPollution> {
    const where = coordinates(location);
    const input: Partial<AirPollutionHistoryRange> = typeof range === 'object' && range !== null ? range : {};
    const min = { value: AIR_POLLUTION_HISTORY_START, rule: 'must not be before 2020-11-27 (the first day of data)' };
    const start = epochSeconds(input.start, 'start', { min });
    const end = epochSeconds(input.end, 'end', { min });
    if (end < start) {
      throw new ValidationError({ message: 'Invalid range: end: must not be before start', issues: [{ path: 'end', message: 'must not be before start' }], source: 'openweather' });
    }
    return this.#get('/data/2.5/air_pollution/history', 'airPollution.history', { ...where, start, end }, options);
  }

  async #get(path: string, operation: string, query: Record<string, number>, options: CallOptions): Promise<AirPollution> {
    const { data } = await this.#ctx.request({ path, query, schema: airPollutionSchema, operation, cache: { ttlMs: WEATHER_CACHE_TTL_MS }, ...callOptions(options) });
    return data;
  }
}
