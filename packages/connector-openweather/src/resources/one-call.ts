import { validateInput, type RequestSpec } from '@cf/core';
import * as z from '@cf/core/zod';
import { WEATHER_CACHE_TTL_MS } from '../cache-ttl.js';
import type { ResourceContext } from '../context.js';
import { callOptions, type WeatherCallOptions } from '../input/call-options.js';
import { coordinates, type Coordinates } from '../input/location.js';
import { epochSeconds, isoDay, todayOrTomorrowAnywhere, type DayInput, type TimeInput } from '../input/time.js';
import { unitsAndLang } from '../input/weather-query.js';
import { withUnits, type Units } from '../units.js';
import {
  daySummarySchema,
  oneCallSchema,
  overviewSchema,
  timemachineSchema,
  type DaySummary,
  type OneCallForecast,
  type OneCallTimemachine,
  type WeatherOverview,
} from './one-call-schemas.js';

/** The blocks of a One Call answer, which `exclude` may leave out. */
export const ONE_CALL_PARTS = ['current', 'minutely', 'hourly', 'daily', 'alerts'] as const;
/** One of `ONE_CALL_PARTS`. */
export type OneCallPart = (typeof ONE_CALL_PARTS)[number];

export interface OneCallOptions<V extends Units> extends WeatherCallOptions<V> {
  /** Blocks to leave out of the response (smaller payload; the call costs the same). */
  exclude?: readonly OneCallPart[];
}
export interface DaySummaryOptions<V extends Units> extends WeatherCallOptions<V> {
  /** The timezone offset the day is aggregated in, `±HH:MM`. @default the location's, on the API side */
  tz?: string;
}
/** Options of `oneCall.overview`: the day, units and call options (no `lang`: the endpoint takes none). */
export interface OverviewOptions<V extends Units> extends Omit<WeatherCallOptions<V>, 'lang'> {
  /** Today or tomorrow at the location, `YYYY-MM-DD` or a Date (its UTC day). @default today, on the API side */
  date?: DayInput;
}

const excludeSchema = z.lazySchema(() => z.object({
  exclude: z.optional(
    z
      .array(z.enum(ONE_CALL_PARTS, { error: `must be one of ${ONE_CALL_PARTS.join(', ')}` }))
      .check(
        z.refine((parts) => new Set(parts).size === parts.length, 'must not repeat a part'),
        z.refine((parts) => parts.length < ONE_CALL_PARTS.length, 'must leave at least one part'),
      ),
  ),
}));
const tzSchema = z.lazySchema(() => z.object({
  tz: z.optional(z.string().check(z.regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'must be an offset such as "+05:30" or "-08:00"'))),
}));

const ONE_CALL_HISTORY_START = 283_996_800; // 1979-01-01T00:00:00Z: the start of the archive
const TIMEMACHINE_DAYS_AHEAD = 4; // "from 1st January 1979 till 4 days ahead forecast"

/**
 * One Call API 3.0 (https://openweathermap.org/api/one-call-3): needs the separate "One Call by Call" subscription.
 * Every call goes through the One Call limiter, which also spends the key's shared per-minute window.
 */
export class OneCallResource {
  constructor(private readonly ctx: ResourceContext) {}

  /** Current weather, minute forecast for 1 h, hourly for 48 h, daily for 8 days and alerts: `GET /data/3.0/onecall`. */
  async get<V extends Units>(location: Coordinates, options: OneCallOptions<V> = {}): Promise<OneCallForecast<V>> {
    const where = coordinates(location);
    const { exclude } = validateInput(excludeSchema, { exclude: options.exclude }, 'Invalid options', 'openweather');
    const { units, query } = unitsAndLang(this.ctx, options);
    const data = await this.send({
      path: '/data/3.0/onecall',
      query: { ...where, ...query, exclude: exclude?.join(',') },
      schema: oneCallSchema,
      operation: 'oneCall.get',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return withUnits(data, units);
  }

  /** Weather at a time from 1979-01-01 up to 4 days ahead (of the client clock): `GET /data/3.0/onecall/timemachine`. */
  async at<V extends Units>(location: Coordinates, time: TimeInput, options: WeatherCallOptions<V> = {}): Promise<OneCallTimemachine<V>> {
    const where = coordinates(location);
    const last = Math.floor(this.ctx.now() / 1000) + TIMEMACHINE_DAYS_AHEAD * 86_400;
    const dt = epochSeconds(time, 'time', {
      min: { value: ONE_CALL_HISTORY_START, rule: 'must not be before 1979-01-01 (the start of the archive)' },
      max: {
        value: last,
        rule: `must not be more than ${TIMEMACHINE_DAYS_AHEAD} days ahead (after ${new Date(last * 1000).toISOString()}): the timemachine forecast ends there`,
      },
    });
    const { units, query } = unitsAndLang(this.ctx, options);
    const data = await this.send({
      path: '/data/3.0/onecall/timemachine',
      query: { ...where, dt, ...query },
      schema: timemachineSchema,
      operation: 'oneCall.at',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return withUnits(data, units);
  }

  /** One day's aggregates, from 1979-01-02 up to 1.5 years ahead: `GET /data/3.0/onecall/day_summary`. */
  async daySummary<V extends Units>(location: Coordinates, date: DayInput, options: DaySummaryOptions<V> = {}): Promise<DaySummary<V>> {
    const where = coordinates(location);
    const day = isoDay(date, 'date', { min: { value: '1979-01-02', rule: 'must not be before 1979-01-02' } });
    const { tz } = validateInput(tzSchema, { tz: options.tz }, 'Invalid options', 'openweather');
    const { units, query } = unitsAndLang(this.ctx, options);
    const data = await this.send({
      path: '/data/3.0/onecall/day_summary',
      query: { ...where, date: day, tz, ...query },
      schema: daySummarySchema,
      operation: 'oneCall.daySummary',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return withUnits(data, units);
  }

  /**
   * A human-readable summary of today's or tomorrow's weather at the location: `GET /data/3.0/onecall/overview`. A
   * date that is neither anywhere on Earth (by the client clock) is refused before the network; which two days the
   * location's own are depends on its time zone, so the API may still refuse one of the days in between.
   */
  async overview<V extends Units>(location: Coordinates, options: OverviewOptions<V> = {}): Promise<WeatherOverview<V>> {
    const where = coordinates(location);
    const { first, last } = todayOrTomorrowAnywhere(this.ctx.now());
    const rule = `must be today or tomorrow at the location (${first} to ${last} by the client clock, depending on its time zone)`;
    const date = options.date === undefined ? undefined : isoDay(options.date, 'date', { min: { value: first, rule }, max: { value: last, rule } });
    // The overview endpoint takes `units` but no `lang`.
    const { units, query } = unitsAndLang(this.ctx, options, { lang: false });
    const data = await this.send({
      path: '/data/3.0/onecall/overview',
      query: { ...where, date, ...query },
      schema: overviewSchema,
      operation: 'oneCall.overview',
      cache: { ttlMs: WEATHER_CACHE_TTL_MS },
      ...callOptions(options),
    });
    return withUnits(data, units);
  }

  private async send<T>(spec: RequestSpec<T>): Promise<T> {
    const limiter = this.ctx.oneCallLimiter();
    const { data } = await this.ctx.request({ ...spec, ...(limiter ? { rateLimiter: limiter } : {}) });
    return data;
  }
}

/** `oneCall(location)` plus `.at`, `.daySummary` and `.overview`, all in the client's unit system unless told. */
export interface OneCall<U extends Units> {
  <V extends Units = U>(location: Coordinates, options?: OneCallOptions<V>): Promise<OneCallForecast<V>>;
  /**
   * `/data/3.0/onecall/timemachine`: the conditions at `time` (a Date or epoch seconds, from 1979-01-01 to 4 days
   * ahead). Counts against the One Call daily quota.
   */
  at<V extends Units = U>(location: Coordinates, time: TimeInput, options?: WeatherCallOptions<V>): Promise<OneCallTimemachine<V>>;
  /**
   * `/data/3.0/onecall/day_summary`: the weather aggregated over `date` (`YYYY-MM-DD` or a Date). Counts against the
   * One Call daily quota.
   */
  daySummary<V extends Units = U>(location: Coordinates, date: DayInput, options?: DaySummaryOptions<V>): Promise<DaySummary<V>>;
  /**
   * `/data/3.0/onecall/overview`: a human-readable summary of today's or tomorrow's weather. Counts against the One
   * Call daily quota.
   */
  overview<V extends Units = U>(location: Coordinates, options?: OverviewOptions<V>): Promise<WeatherOverview<V>>;
}

export function oneCallApi<U extends Units>(resource: OneCallResource): OneCall<U> {
  const call = <V extends Units = U>(location: Coordinates, options?: OneCallOptions<V>) => resource.get(location, options);
  return Object.assign(call, {
    at: <V extends Units = U>(location: Coordinates, time: TimeInput, options?: WeatherCallOptions<V>) => resource.at(location, time, options),
    daySummary: <V extends Units = U>(location: Coordinates, date: DayInput, options?: DaySummaryOptions<V>) => resource.daySummary(location, date, options),
    overview: <V extends Units = U>(location: Coordinates, options?: OverviewOptions<V>) => resource.overview(location, options),
  });
}
