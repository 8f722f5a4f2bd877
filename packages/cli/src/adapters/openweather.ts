import { OpenWeatherConnector, metadata, type OpenWeatherOptions } from '@cf/connector-openweather';
import { conformanceSubject, handlers } from '@cf/connector-openweather/mocks';
import { defineAdapter, singlePage } from './adapter.js';

const SANDBOX_KEY = 'sandbox-openweather-key';

const coordinates = (params: Record<string, string>) => ({ lat: Number(params.lat), lon: Number(params.lon) });
const where = { lat: 'latitude', lon: 'longitude' };

/** OpenWeather: an API key from OPENWEATHER_API_KEY; every resource is one response for one place. */
export const openweather = defineAdapter({
  metadata,
  env: [{ name: 'OPENWEATHER_API_KEY', field: 'apiKey', required: true }],
  create: (config) => new OpenWeatherConnector(config as unknown as OpenWeatherOptions),
  sandbox: { handlers, pathPrefix: '', config: { apiKey: SANDBOX_KEY } },
  resources: {
    forecast: {
      description: 'The 5 day / 3 hour forecast at a place, one record per 3 hours (GET /data/2.5/forecast).',
      params: where,
      pages: (ow, { params, signal }) => singlePage(ow.forecast(coordinates(params), { signal }).then((f) => f.list)),
    },
    'current-weather': {
      description: 'The current weather at a place, as one record (GET /data/2.5/weather).',
      params: where,
      pages: (ow, { params, signal }) => singlePage(ow.current(coordinates(params), { signal }).then((w) => [w])),
    },
    'air-pollution': {
      description: 'The hourly air quality forecast at a place, one record per hour (GET /data/2.5/air_pollution/forecast).',
      params: where,
      pages: (ow, { params, signal }) => singlePage(ow.airPollution.forecast(coordinates(params), { signal }).then((a) => a.list)),
    },
    geocoding: {
      description: 'Places matching "{city},{state},{country}" (GET /geo/1.0/direct).',
      params: { q: 'the place name' },
      pages: (ow, { params, signal }) => singlePage(ow.geocode(params.q ?? '', { signal })),
    },
  },
  // The package's own subject (its test/conformance.test.ts runs the same one): every declared operation.
  conformance: conformanceSubject,
});
