import { defineMetadata } from '@cf/core';

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
});
