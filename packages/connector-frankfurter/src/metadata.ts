import { defineMetadata, type ConnectorMetadata } from '@cf/core';

type Operation = NonNullable<ConnectorMetadata['operations']>[number];
const read = (name: string, shape: Operation['shape'] = 'single'): Operation => ({ name, kind: 'read', idempotent: true, shape });

/**
 * No documented quota (frankfurter.dev names none; third-party reports mention only abuse throttling): the model is
 * the connector's own polite ceiling, and the abuse answer as the mocks give it (a 429 with `Retry-After`).
 */
const limitModel: ConnectorMetadata['limitModel'] = {
  windows: [{ name: 'requests', limit: 10, intervalMs: 1_000, algorithm: 'token-bucket', unit: 'requests' }],
  rateLimitedAnswer: { status: 429, retryAfter: true, body: 'Too Many Requests' },
  source: 'https://frankfurter.dev/',
};

/**
 * The registry record. The package covers both API versions: v2, the current one (`FrankfurterV2Connector`), and v1,
 * frozen (`FrankfurterConnector`, which `cf extract` drives). `operations` are v1's; v2's are in `metadataV2`.
 */
export const metadata = defineMetadata({
  name: 'frankfurter',
  displayName: 'Frankfurter',
  packageName: '@cf/connector-frankfurter',
  description: 'Foreign exchange reference rates from the European Central Bank (v1) and, blended, from many central banks (v2), via the open-source Frankfurter API.',
  apiVersion: 'v1, v2',
  docsUrl: 'https://frankfurter.dev/',
  baseUrl: 'https://api.frankfurter.dev/v1',
  auth: ['none'],
  envVars: [],
  resources: ['rates', 'time-series', 'currencies', 'rate', 'currency', 'providers'],
  limits: [{ name: 'requests', limit: 10, intervalMs: 1_000, source: 'connector default: no documented quota (abuse throttling only)' }],
  maintainers: ['connector-factory'],
  operations: [read('latest'), read('historical'), read('timeSeries', 'paginated'), read('convert'), read('currencies')],
  limitModel,
  credential: { in: 'none' },
});

/** `FrankfurterV2Connector`: the same record for the v2 API and its methods. */
export const metadataV2 = defineMetadata({
  ...metadata,
  apiVersion: 'v2',
  baseUrl: 'https://api.frankfurter.dev/v2',
  operations: [read('rates'), read('rate'), read('timeSeries', 'paginated'), read('currencies'), read('currency'), read('providers')],
});
