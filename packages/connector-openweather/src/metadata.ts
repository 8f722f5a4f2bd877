import { defineMetadata, type ConnectorMetadata } from '@cf/core';

type Operation = NonNullable<ConnectorMetadata['operations']>[number];
/** Every method is one GET answering one document (a forecast is one response, not pages): an idempotent read. */
const read = (name: string): Operation => ({ name, kind: 'read', idempotent: true, shape: 'single' });

/**
 * The free plan's quotas (https://openweathermap.org/full-price): 60 calls per minute and 1,000,000 per month for the
 * whole key, and 1,000 One Call 3.0 calls per day (https://openweathermap.org/api/one-call-3). OpenWeather does not
 * say whether its minute is rolling or fixed: a rolling window is the stricter reading. A window cannot be scoped to
 * some operations here, so `oneCallDaily` is listed for the record although only One Call spends it. Past a limit the
 * key is blocked: 429 with the `{ cod, message }` body below, no `Retry-After` and no quota headers, for an hour, then
 * longer as it repeats (https://openweathermap.org/appid, "Access limitation").
 */
const limitModel: ConnectorMetadata['limitModel'] = {
  windows: [
    { name: 'minute', limit: 60, intervalMs: 60_000, algorithm: 'sliding-window', unit: 'requests' },
    {
      name: 'oneCallDaily',
      limit: 1_000,
      intervalMs: 86_400_000,
      algorithm: 'fixed-window',
      unit: 'requests',
      appliesTo: ['oneCall', 'oneCall.at', 'oneCall.daySummary', 'oneCall.overview'],
    },
    { name: 'monthly', limit: 1_000_000, intervalMs: 2_592_000_000, algorithm: 'fixed-window', unit: 'requests' },
  ],
  rateLimitedAnswer: {
    status: 429,
    retryAfter: false,
    // The block lasts an hour at first (then 2, 3, 4, 24 h): https://openweathermap.org/appid "Access limitation".
    waitMs: 3_600_000,
    body: {
      cod: 429,
      message:
        'Your account is temporary blocked due to exceeding of requests limitation of your subscription type. Please choose the proper subscription https://openweathermap.org/price',
    },
  },
  source: 'https://openweathermap.org/full-price',
};

type Streams = NonNullable<ConnectorMetadata['streams']>;

const lat = { description: 'latitude, -90 to 90 (part of the key, as given)', required: true, example: '44.34' };
const lon = { description: 'longitude, -180 to 180 (part of the key, as given)', required: true, example: '10.99' };
const units = { description: 'standard (K), metric (°C) or imperial (°F, mph); default the connector\'s units', required: false, example: 'metric' };

/** `OpenWeatherConnector.streams()` (see `src/streams.ts` and the README's "Streams"). */
const streams: Streams = [
  {
    name: 'forecast',
    description: 'The 5 day / 3 hour forecast at a place, one row per step (GET /data/2.5/forecast); every sync replaces the steps with the latest forecast.',
    primaryKey: ['lat', 'lon', 'dt'],
    syncMode: 'full-refresh',
    operation: 'forecast',
    params: { lat, lon, units },
  },
  {
    name: 'current_weather',
    description: 'The current weather at a place, one row per place (GET /data/2.5/weather), replaced on every sync.',
    primaryKey: ['lat', 'lon'],
    syncMode: 'full-refresh',
    operation: 'current',
    params: { lat, lon, units },
  },
  {
    name: 'air_pollution_forecast',
    description: 'The hourly air quality forecast at a place for 4 days, one row per hour with the AQI and each pollutant (GET /data/2.5/air_pollution/forecast).',
    primaryKey: ['lat', 'lon', 'dt'],
    syncMode: 'full-refresh',
    operation: 'airPollution.forecast',
    params: { lat, lon },
  },
  {
    name: 'air_pollution_history',
    description: 'Hourly air quality at a place since start, one row per hour (GET /data/2.5/air_pollution/history, 10 days per page). Incremental by dt: a sync resumes the hour after the last complete one.',
    primaryKey: ['lat', 'lon', 'dt'],
    syncMode: 'incremental',
    cursorField: 'dt',
    operation: 'airPollution.history',
    params: {
      lat,
      lon,
      start: { description: 'the first day to read, YYYY-MM-DD (default 2020-11-27, the first day of data)', required: false, example: '2025-12-20' },
    },
  },
];

/** The registry record of this connector. */
export const metadata = defineMetadata({
  name: 'openweather',
  displayName: 'OpenWeather',
  packageName: '@cf/connector-openweather',
  description: 'Current weather, 5 day forecast, geocoding, air pollution and One Call 3.0 from OpenWeather, within free-tier quotas.',
  apiVersion: 'data/2.5, geo/1.0, data/3.0 (One Call 3.0)',
  docsUrl: 'https://openweathermap.org/api',
  baseUrl: 'https://api.openweathermap.org',
  auth: ['api-key'],
  envVars: ['OPENWEATHER_API_KEY'],
  resources: ['current-weather', 'forecast', 'geocoding', 'air-pollution', 'one-call'],
  limits: [
    { name: 'minute', limit: 60, intervalMs: 60_000, source: 'https://openweathermap.org/full-price (Free plan: 60 calls/minute)' },
    { name: 'oneCallDaily', limit: 1_000, intervalMs: 86_400_000, source: 'https://openweathermap.org/api/one-call-3 (1,000 calls/day free)' },
    { name: 'monthly', limit: 1_000_000, intervalMs: 2_592_000_000, source: 'https://openweathermap.org/full-price (Free plan: 1,000,000 calls/month; not enforced locally)' },
  ],
  maintainers: ['connector-factory'],
  operations: [
    'current',
    'forecast',
    'geocode',
    'reverseGeocode',
    'geocodeZip',
    'airPollution.current',
    'airPollution.forecast',
    'airPollution.history',
    'oneCall',
    'oneCall.at',
    'oneCall.daySummary',
    'oneCall.overview',
  ].map(read),
  limitModel,
  credential: { in: 'query', name: 'appid' },
  streams,
});
