import { defineMetadata } from '@cf/core';

export const metadata = defineMetadata({
  name: 'adsb',
  displayName: 'ADS-B (adsb.lol)',
  packageName: '@cf/connector-adsb',
  description: 'Live aircraft positions from the adsb.lol community network, in the readsb / ADS-B Exchange v2 format.',
  apiVersion: 'v2',
  docsUrl: 'https://api.adsb.lol/docs',
  baseUrl: 'https://api.adsb.lol/v2',
  auth: ['none'],
  envVars: [],
  resources: ['hex', 'callsign', 'registration', 'type', 'squawk', 'military', 'ladd', 'pia', 'point', 'closest'],
  limits: [{ name: 'requests', limit: 6, intervalMs: 40_000, source: 'connector default: limits are dynamic; 429 reported after ~7 requests in 40 s (adsblol/api#57)' }],
  maintainers: ['connector-factory'],
});
