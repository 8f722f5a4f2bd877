import * as z from '@cf/core/zod';
import { conditionSchema } from '../schemas/common.js';
import type { Units, WithUnits } from '../units.js';

const num = z.lazySchema(() => z.number());
const optNum = z.lazySchema(() => z.optional(z.number()));

/** A current or historical observation (One Call `current`, and `data[]` of the timemachine). */
export const oneCallObservationSchema = z.lazySchema(() => z.looseObject({
  dt: num,
  sunrise: optNum,
  sunset: optNum,
  /** In the result's `units`. */
  temp: num,
  feels_like: optNum,
  pressure: optNum,
  humidity: optNum,
  dew_point: optNum,
  uvi: optNum,
  clouds: optNum,
  visibility: optNum,
  wind_speed: optNum,
  wind_deg: optNum,
  wind_gust: optNum,
  weather: z.array(conditionSchema),
  rain: z.optional(z.looseObject({ '1h': optNum })),
  snow: z.optional(z.looseObject({ '1h': optNum })),
}));

export const oneCallHourSchema = z.lazySchema(() => z.extend(oneCallObservationSchema, { pop: optNum }));

export const oneCallDaySchema = z.lazySchema(() => z.looseObject({
  dt: num,
  sunrise: optNum,
  sunset: optNum,
  moonrise: optNum,
  moonset: optNum,
  moon_phase: optNum,
  /** A human-readable description of the day. */
  summary: z.optional(z.string()),
  temp: z.looseObject({ day: num, min: num, max: num, night: num, eve: num, morn: num }),
  feels_like: z.optional(z.looseObject({ day: num, night: num, eve: num, morn: num })),
  pressure: optNum,
  humidity: optNum,
  dew_point: optNum,
  wind_speed: optNum,
  wind_deg: optNum,
  wind_gust: optNum,
  weather: z.array(conditionSchema),
  clouds: optNum,
  pop: optNum,
  /** mm over the day. */
  rain: optNum,
  snow: optNum,
  uvi: optNum,
}));

export const oneCallAlertSchema = z.lazySchema(() => z.looseObject({
  sender_name: z.string(),
  event: z.string(),
  start: num,
  end: num,
  description: z.string(),
  tags: z.optional(z.array(z.string())),
}));

/** `GET /data/3.0/onecall`: blocks left out with `exclude` (and `alerts` when there are none) are absent. */
export const oneCallSchema = z.lazySchema(() => z.looseObject({
  lat: num,
  lon: num,
  timezone: z.string(),
  timezone_offset: num,
  current: z.optional(oneCallObservationSchema),
  minutely: z.optional(z.array(z.looseObject({ dt: num, precipitation: num }))),
  hourly: z.optional(z.array(oneCallHourSchema)),
  daily: z.optional(z.array(oneCallDaySchema)),
  alerts: z.optional(z.array(oneCallAlertSchema)),
}));

/** `GET /data/3.0/onecall/timemachine`. */
export const timemachineSchema = z.lazySchema(() => z.looseObject({
  lat: num,
  lon: num,
  timezone: z.string(),
  timezone_offset: num,
  data: z.array(oneCallObservationSchema),
}));

/** `GET /data/3.0/onecall/day_summary`. */
export const daySummarySchema = z.lazySchema(() => z.looseObject({
  lat: num,
  lon: num,
  /** The timezone offset used, `±HH:MM`. */
  tz: z.string(),
  date: z.string(),
  cloud_cover: z.looseObject({ afternoon: num }),
  humidity: z.looseObject({ afternoon: num }),
  precipitation: z.looseObject({ total: num }),
  temperature: z.looseObject({ min: num, max: num, afternoon: num, night: num, evening: num, morning: num }),
  pressure: z.looseObject({ afternoon: num }),
  wind: z.looseObject({ max: z.looseObject({ speed: num, direction: num }) }),
}));

/** `GET /data/3.0/onecall/overview`. */
export const overviewSchema = z.lazySchema(() => z.looseObject({
  lat: num,
  lon: num,
  tz: z.string(),
  date: z.string(),
  /** A human-readable summary of today's or tomorrow's weather. */
  weather_overview: z.string(),
}));

/**
 * The current conditions in a One Call answer: `dt`, sunrise and sunset, `temp`, `feels_like`, pressure, humidity,
 * wind, clouds, `uvi`, `weather`…
 */
export type OneCallObservation = z.infer<typeof oneCallObservationSchema>;
/** One hour of the One Call forecast (`hourly`), with `pop` (probability of precipitation). */
export type OneCallHour = z.infer<typeof oneCallHourSchema>;
/** One day of the One Call forecast (`daily`): temperatures by time of day, `summary`, `pop`, sun and moon times. */
export type OneCallDay = z.infer<typeof oneCallDaySchema>;
/** A weather alert: `sender_name`, `event`, `start`/`end` (epoch seconds), `description`, `tags`. */
export type OneCallAlert = z.infer<typeof oneCallAlertSchema>;
/** A One Call 3.0 answer (current, minutely, hourly, daily, alerts) with its unit system. */
export type OneCallForecast<U extends Units = Units> = WithUnits<z.infer<typeof oneCallSchema>, U>;
/** The conditions at one moment (`oneCall.at`), with the unit system. */
export type OneCallTimemachine<U extends Units = Units> = WithUnits<z.infer<typeof timemachineSchema>, U>;
/**
 * A day's aggregated weather (`oneCall.daySummary`): cloud cover, humidity, precipitation, temperatures, pressure and
 * wind, with the unit system.
 */
export type DaySummary<U extends Units = Units> = WithUnits<z.infer<typeof daySummarySchema>, U>;
/** A human-readable summary of today's or tomorrow's weather (`oneCall.overview`), with the unit system. */
export type WeatherOverview<U extends Units = Units> = WithUnits<z.infer<typeof overviewSchema>, U>;
