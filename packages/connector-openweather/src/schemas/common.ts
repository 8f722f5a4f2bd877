import * as z from '@cf/core/zod';

/**
 * OpenWeather's `cod` is a number on some endpoints (`200` on /weather) and a string on others (`"200"` on
 * /forecast, `"404"` in errors): normalised to a number so code can compare it without caring.
 */
export const codSchema = z.lazySchema(() => z
  .pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d+$/))]),
    z.transform((v) => Number(v)),
  )
  .check(z.describe('HTTP-like status code, normalised to a number')));

export const coordSchema = z.lazySchema(() => z.looseObject({ lon: z.number(), lat: z.number() }));

/** A weather condition (https://openweathermap.org/weather-conditions). */
export const conditionSchema = z.lazySchema(() => z.looseObject({
  id: z.number(),
  main: z.string(),
  description: z.string(),
  icon: z.string(),
}));

/** Rain or snow volume in mm over the last hour (`1h`) or three hours (`3h`); only present when there is some. */
export const precipitationSchema = z.lazySchema(() => z.looseObject({ '1h': z.optional(z.number()), '3h': z.optional(z.number()) }));

/** The `main` block of current weather and forecast entries. */
export const mainReadingsSchema = z.lazySchema(() => z.looseObject({
  /** In the result's `units`: K (standard), °C (metric) or °F (imperial). */
  temp: z.number(),
  feels_like: z.number(),
  temp_min: z.number(),
  temp_max: z.number(),
  /** hPa. */
  pressure: z.number(),
  /** %. */
  humidity: z.number(),
  sea_level: z.optional(z.number()),
  grnd_level: z.optional(z.number()),
}));

/** A location as the API echoes it: `lat`, `lon`. */
export type Coord = z.infer<typeof coordSchema>;
/** A weather condition: `id` (condition code), `main` (group, e.g. `Rain`), `description`, `icon`. */
export type WeatherCondition = z.infer<typeof conditionSchema>;
/** Rain or snow volume in mm over the last `1h` or `3h`. */
export type Precipitation = z.infer<typeof precipitationSchema>;
