import { describeConformance } from '@cf/core/conformance';
import { OpenWeatherConnector, type OpenWeatherOptions } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

const API_KEY = 'ow-conformance-key-0123456789abcdef';

// Forecasts and One Call are single responses, not cursor pages: the pagination-cycle rule does not apply.
describeConformance({
  name: 'openweather',
  handlers,
  secret: API_KEY,
  // The suite's overrides carry `rateLimit: false`, the one rateLimit value this connector accepts (quotas are `limits`).
  create: ({ serverUrl, overrides }) => new OpenWeatherConnector({ apiKey: API_KEY, baseUrl: serverUrl, ...(overrides as Omit<OpenWeatherOptions, 'apiKey'>) }),
  call: (connector, options) => connector.current({ lat: 44.34, lon: 10.99 }, options),
});
