import type { ConformanceSubject } from '@cf/core/testing';
import { OpenWeatherConnector } from '../client.js';
import type { OpenWeatherOptions } from '../config.js';
import { metadata } from '../metadata.js';
import { handlers } from './handlers.js';

/** The key the kit checks for leaks: it must travel in `appid` and appear nowhere else. */
const API_KEY = 'ow-conformance-key-0123456789abcdef';
const ZOCCA = { lat: 44.34, lon: 10.99 };
const ONE_CALL = { lat: 33.44, lon: -94.04 };

/**
 * What core's conformance kit runs against this connector (its `test/conformance.test.ts` and `cf check`): the
 * mocks, the metadata, and a sample call of every declared operation that the mocks answer. Dates are fixed in the
 * past, so they hold on the kit's fake clock and on the mocks' system clock alike.
 */
export const conformanceSubject: ConformanceSubject<OpenWeatherConnector> = {
  name: 'openweather',
  handlers,
  secret: API_KEY,
  // The kit's overrides carry `rateLimit: false`, the one rateLimit value this connector accepts (quotas are `limits`).
  create: ({ serverUrl, overrides }) => new OpenWeatherConnector({ apiKey: API_KEY, baseUrl: serverUrl, ...(overrides as Omit<OpenWeatherOptions, 'apiKey'>) }),
  call: (ow, options) => ow.current(ZOCCA, options),
  metadata,
  operations: [
    { name: 'current', invoke: (ow, o) => ow.current(ZOCCA, o) },
    { name: 'forecast', invoke: (ow, o) => ow.forecast(ZOCCA, { ...o, count: 8 }) },
    { name: 'geocode', invoke: (ow, o) => ow.geocode('London,GB', { ...o, limit: 5 }) },
    { name: 'reverseGeocode', invoke: (ow, o) => ow.reverseGeocode({ lat: 51.5098, lon: -0.1180 }, { ...o, limit: 5 }) },
    { name: 'geocodeZip', invoke: (ow, o) => ow.geocodeZip('E14', 'GB', o) },
    { name: 'airPollution.current', invoke: (ow, o) => ow.airPollution.current(ZOCCA, o) },
    { name: 'airPollution.forecast', invoke: (ow, o) => ow.airPollution.forecast(ZOCCA, o) },
    { name: 'airPollution.history', invoke: (ow, o) => ow.airPollution.history(ZOCCA, { start: 1_704_067_200, end: 1_704_078_000 }, o) },
    { name: 'oneCall', invoke: (ow, o) => ow.oneCall(ONE_CALL, { ...o, exclude: ['minutely'] }) },
    { name: 'oneCall.at', invoke: (ow, o) => ow.oneCall.at(ONE_CALL, 1_704_067_200, o) },
    { name: 'oneCall.daySummary', invoke: (ow, o) => ow.oneCall.daySummary(ONE_CALL, '2024-01-01', o) },
    { name: 'oneCall.overview', invoke: (ow, o) => ow.oneCall.overview(ONE_CALL, o) },
  ],
};
