import { defineMetadata, type ConnectorMetadata } from '@cf/core';

type Operation = NonNullable<ConnectorMetadata['operations']>[number];
/** Every method is one GET (emergencies(): three) answering one snapshot: an idempotent read, not paginated. */
const read = (name: string): Operation => ({ name, kind: 'read', idempotent: true, shape: 'single' });

/**
 * adsb.lol publishes no number: its limits are "dynamic based on the environment load" (README), enforced in front
 * of the app (nothing in `adsblol/api` answers 429). The one figure on record is a 429 after about 7 requests in
 * 40 s (adsblol/api#57): the model reads it as at most 6 in any 40 s, the connector's default. The 429 carries no
 * `Retry-After` and no quota headers that anyone has seen, and no body signature (a short proxy page).
 */
const limitModel: ConnectorMetadata['limitModel'] = {
  windows: [{ name: 'requests', limit: 6, intervalMs: 40_000, algorithm: 'sliding-window', unit: 'requests' }],
  rateLimitedAnswer: { status: 429, retryAfter: false },
  source: 'https://github.com/adsblol/api/pull/57',
};

type Streams = NonNullable<ConnectorMetadata['streams']>;

/** A live snapshot as a table: one row per aircraft, keyed by its ICAO address (see the README's "Streams"). */
const snapshot = (name: string, operation: string, what: string): Streams[number] => ({
  name,
  description: `${what}, now: one row per aircraft (its latest state, stamped with snapshot_at), refreshed whole on every sync.`,
  primaryKey: ['hex'],
  syncMode: 'full-refresh',
  operation,
});

/** `AdsbConnector.streams()` (see `src/streams.ts`). */
const streams: Streams = [
  {
    ...snapshot('nearby', 'nearby', 'Aircraft within a circle (GET /v2/point/{lat}/{lon}/{radius})'),
    params: {
      lat: { description: 'centre latitude, -90 to 90', required: true, example: '51.47' },
      lon: { description: 'centre longitude, -180 to 180', required: true, example: '-0.45' },
      radius: { description: 'radius in whole nautical miles, 1 to 250', required: true, example: '25' },
    },
  },
  snapshot('military', 'military', 'Aircraft flagged military (GET /v2/mil)'),
  snapshot('ladd', 'ladd', 'Aircraft on the FAA LADD list (GET /v2/ladd)'),
  snapshot('pia', 'pia', 'Aircraft using a privacy ICAO address (GET /v2/pia)'),
  snapshot('emergencies', 'emergencies', 'Aircraft squawking 7500, 7600 or 7700 (three requests, merged)'),
  {
    ...snapshot('by_type', 'byType', 'Aircraft of some ICAO types (GET /v2/type/{type,...})'),
    params: { types: { description: 'comma-separated ICAO type designators', required: true, example: 'B738,A35K' } },
  },
];

/**
 * The connector's metadata: its operations (each a snapshot of live aircraft), the conservative limit model, no
 * credential, and its streams. The registry and `cf list` read it.
 */
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
  operations: ['byHex', 'byCallsign', 'byRegistration', 'byType', 'bySquawk', 'emergencies', 'military', 'ladd', 'pia', 'nearby', 'closest'].map(read),
  limitModel,
  // adsb.lol takes no key (one is announced for feeders "in the future").
  credential: { in: 'none' },
  streams,
});
