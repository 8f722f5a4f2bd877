import { defineStreams, parseStreamParams, validateInput, ValidationError, type JsonValue, type StreamDeclaration, type StreamPage, type StreamReadArgs } from '@cf/core';
import * as z from '@cf/core/zod';
import type { OpenWeatherConnector } from './client.js';
import { unitsSchema } from './input/call-options.js';
import { metadata } from './metadata.js';
import { AIR_POLLUTION_HISTORY_START, type AirQuality } from './resources/air-pollution.js';
import { currentWeatherSchema } from './resources/current-weather.js';
import { forecastEntrySchema } from './resources/forecast.js';
import type { Units } from './units.js';

// The streams `sync()` (`@cf/load`) and `cf sync` land in tables: rows keyed by the place asked about (`lat`, `lon`,
// as given) and, for series, the time (`dt`, Unix seconds). See the README's "Streams".

const SOURCE = 'openweather';
const HOUR = 3_600;
/** Hours per `air_pollution_history` page (one request): 10 days. */
export const AIR_POLLUTION_HISTORY_PAGE_HOURS = 240;
/** An hour of air pollution history this long ago that the API has not answered is not coming: a checkpoint passes it. */
const SETTLED_AFTER_HOURS = 24;

type Connector = OpenWeatherConnector<Units>;

// ---- Records --------------------------------------------------------------------------------------

/** Where a row was asked for: the stream's `lat`/`lon` params as numbers (the key, whatever the API rounds them to). */
const place = () => ({ lat: z.number(), lon: z.number() });
const unitsField = () => z.enum(['standard', 'metric', 'imperial']);

/** `forecast`: one 3-hour step at a place, the API's entry plus `lat`, `lon`, `time` (`dt` as ISO) and `units`. */
export const forecastRecordSchema = z.lazySchema(() => z.extend(forecastEntrySchema, { ...place(), dt: z.int(), time: z.iso.datetime(), units: unitsField() }));
/** `current_weather`: the API's current weather at a place (without its `cod`), plus `lat`, `lon`, `time`, `units`. */
export const currentWeatherRecordSchema = z.lazySchema(() =>
  z.extend(z.omit(currentWeatherSchema, { cod: true }), { ...place(), dt: z.int(), time: z.iso.datetime(), units: unitsField() }),
);
/** An hour of air quality at a place, flat: AQI 1 (good) to 5 (very poor) and each pollutant in μg/m³. */
export const airQualityRecordSchema = z.lazySchema(() => {
  const concentration = z.number();
  return z.looseObject({
    ...place(),
    dt: z.int(),
    time: z.iso.datetime(),
    aqi: z.int(),
    co: concentration,
    no: concentration,
    no2: concentration,
    o3: concentration,
    so2: concentration,
    pm2_5: concentration,
    pm10: concentration,
    nh3: concentration,
  });
});
/** An `air_quality` stream record: the place, the hour (`dt`, `time`), `aqi` and each pollutant in μg/m³. */
export type AirQualityRecord = z.infer<typeof airQualityRecordSchema>;

const isoTime = (dt: number): string => new Date(dt * 1000).toISOString();

function airQualityRow(where: { lat: number; lon: number }, entry: AirQuality): AirQualityRecord {
  return { ...where, dt: entry.dt, time: isoTime(entry.dt), aqi: entry.main.aqi, ...entry.components };
}

// ---- Params and checkpoints ------------------------------------------------------------------------


function declaration(name: string): StreamDeclaration {
  const found = metadata.streams?.find((s) => s.name === name);
  if (!found) throw new ValidationError({ message: `Stream ${name} is not declared in metadata.streams`, source: SOURCE });
  return found;
}


/** A decimal number as text (`"44.34"`), between `min` and `max`. */
const numberText = (example: string, min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, `must be a number such as "${example}"`)), z.transform(Number)),
    z.number().check(z.gte(min, `must be between ${min} and ${max}`), z.lte(max, `must be between ${min} and ${max}`)),
  );
const coordinates = () => ({ lat: numberText('44.34', -90, 90), lon: numberText('10.99', -180, 180) });

const weatherParams = z.lazySchema(() => z.object({ ...coordinates(), units: z.optional(unitsSchema) }));
const placeParams = z.lazySchema(() => z.object(coordinates()));

const HISTORY_START_DAY = new Date(AIR_POLLUTION_HISTORY_START * 1000).toISOString().slice(0, 10);
const historyParams = (today: string) =>
  z.object({
    ...coordinates(),
    start: z.optional(
      z.string().check(
        z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true }),
        z.refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'must be a real calendar date', abort: true }),
        z.refine((d) => d >= HISTORY_START_DAY, `must be on or after ${HISTORY_START_DAY}, the first day of air pollution history`),
        z.refine((d) => d <= today, `must not be in the future (today is ${today} UTC)`),
      ),
    ),
  });

/** `air_pollution_history`'s checkpoint: the last complete hour, and the place and start it belongs to (or a bare `dt`). */
const historyCheckpoint = z.lazySchema(() =>
  z.nullable(z.union([z.int().check(z.nonnegative()), z.object({ dt: z.int().check(z.nonnegative()), lat: z.number(), lon: z.number(), start: z.string() })])),
);

/** Core's call options for a read's signal (none when the caller gave none). */
const withSignal = (signal: AbortSignal | undefined): { signal?: AbortSignal } => (signal === undefined ? {} : { signal });

// ---- Reads ----------------------------------------------------------------------------------------

/** `forecast`: `GET /data/2.5/forecast`, all 40 steps of 3 hours, one page; every sync replaces the steps by key. */
async function* readForecast(ow: Connector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const { lat, lon, units } = parseStreamParams(declaration('forecast'), params, weatherParams, SOURCE);
  const forecast = await ow.forecast({ lat, lon }, { ...(units !== undefined ? { units } : {}), ...withSignal(signal) });
  const items = forecast.list.map((entry) => ({ ...entry, lat, lon, time: isoTime(entry.dt), units: forecast.units }));
  yield { items, checkpoint: null, hasMore: false };
}

/** `current_weather`: `GET /data/2.5/weather`, one row per place, replaced on every sync. */
async function* readCurrentWeather(ow: Connector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const { lat, lon, units } = parseStreamParams(declaration('current_weather'), params, weatherParams, SOURCE);
  const { cod: _cod, ...weather } = await ow.current({ lat, lon }, { ...(units !== undefined ? { units } : {}), ...withSignal(signal) });
  yield { items: [{ ...weather, lat, lon, time: isoTime(weather.dt) }], checkpoint: null, hasMore: false };
}

/** `air_pollution_forecast`: `GET /data/2.5/air_pollution/forecast`, 4 days hourly, one page. */
async function* readAirPollutionForecast(ow: Connector, { params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const where = parseStreamParams(declaration('air_pollution_forecast'), params, placeParams, SOURCE);
  const forecast = await ow.airPollution.forecast(where, withSignal(signal));
  const byHour = new Map(forecast.list.map((entry) => [entry.dt, entry]));
  yield { items: [...byHour.values()].sort((a, b) => a.dt - b.dt).map((entry) => airQualityRow(where, entry)), checkpoint: null, hasMore: false };
}

/**
 * `air_pollution_history`: `GET /data/2.5/air_pollution/history`, 10 days (240 hours) per page, from `start` to the
 * last hour that has ended. A page checkpoints its last hour once that is a day old (an hour still missing then is not
 * coming), else the last hour it had data for; the next read starts the hour after. The checkpoint names the place and
 * start it belongs to: a checkpoint of another place (the state is per stream, not per place) is not applied.
 */
async function* readAirPollutionHistory(ow: Connector, { checkpoint, params, signal }: StreamReadArgs): AsyncGenerator<StreamPage> {
  const nowSeconds = Math.floor(ow.client.clock.now() / 1000);
  const { lat, lon, start } = parseStreamParams(declaration('air_pollution_history'), params, historyParams(isoTime(nowSeconds).slice(0, 10)), SOURCE);
  const query = { lat, lon, start: start ?? HISTORY_START_DAY };
  const first = Date.parse(`${query.start}T00:00:00Z`) / 1000;
  const lastHour = Math.floor(nowSeconds / HOUR) * HOUR - HOUR;
  const settled = lastHour - (SETTLED_AFTER_HOURS - 1) * HOUR;
  const saved = validateInput(z.object({ checkpoint: historyCheckpoint }), { checkpoint }, 'Invalid air_pollution_history checkpoint', SOURCE).checkpoint;
  let after: number | undefined =
    saved === null ? undefined : typeof saved === 'number' ? saved : saved.lat === lat && saved.lon === lon && saved.start === query.start ? saved.dt : undefined;
  const save = (): JsonValue => (after === undefined ? null : { dt: after, ...query });
  let from = after === undefined ? first : Math.max(Math.floor(after / HOUR) * HOUR + HOUR, first);
  if (from > lastHour) {
    yield { items: [], checkpoint: save(), hasMore: false };
    return;
  }
  for (;;) {
    const to = Math.min(from + (AIR_POLLUTION_HISTORY_PAGE_HOURS - 1) * HOUR, lastHour);
    const last = to === lastHour;
    const history = await ow.airPollution.history({ lat, lon }, { start: from, end: to }, withSignal(signal));
    const byHour = new Map(history.list.filter((entry) => entry.dt >= from && entry.dt <= to).map((entry) => [entry.dt, entry]));
    const entries = [...byHour.values()].sort((a, b) => a.dt - b.dt);
    const complete = to <= settled ? to : entries.at(-1)?.dt;
    if (complete !== undefined && (after === undefined || complete > after)) after = complete;
    yield { items: entries.map((entry) => airQualityRow({ lat, lon }, entry)), checkpoint: save(), hasMore: !last };
    if (last) return;
    from = to + HOUR;
  }
}

/** `OpenWeatherConnector.streams()`: `forecast`, `current_weather`, `air_pollution_forecast`, `air_pollution_history`. */
export const openWeatherStreams = defineStreams<Connector>(metadata.streams, {
  forecast: { schema: () => forecastRecordSchema, read: readForecast },
  current_weather: { schema: () => currentWeatherRecordSchema, read: readCurrentWeather },
  air_pollution_forecast: { schema: () => airQualityRecordSchema, read: readAirPollutionForecast },
  air_pollution_history: { schema: () => airQualityRecordSchema, read: readAirPollutionHistory },
});
