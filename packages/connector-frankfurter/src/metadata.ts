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

type Streams = NonNullable<ConnectorMetadata['streams']>;

const ratesKey = ['date', 'base', 'quote'];

/** `FrankfurterConnector.streams()` (see `src/streams.ts` and the README's "Streams"). */
const streams: Streams = [
  {
    name: 'rates',
    description: 'ECB reference rates, one row per business day and quote currency (GET /{start}..{end}, a page per calendar year). Incremental by date: a sync resumes the day after the last complete one.',
    primaryKey: ratesKey,
    syncMode: 'incremental',
    cursorField: 'date',
    operation: 'timeSeries',
    params: {
      base: { description: 'base currency, an ISO 4217 code (default EUR)', required: false, example: 'EUR' },
      symbols: { description: 'comma-separated quote currencies (default all)', required: false, example: 'USD,GBP,JPY' },
      start: { description: 'the first day to read, YYYY-MM-DD (default 1999-01-04, the first ECB fixing)', required: false, example: '2023-12-01' },
    },
  },
  {
    name: 'currencies',
    description: 'The currencies of the latest ECB publication, one row per ISO code with its English name (GET /currencies).',
    primaryKey: ['code'],
    syncMode: 'full-refresh',
    operation: 'currencies',
  },
];

/** `FrankfurterV2Connector.streams()`: named `v2_*` so their tables and sync state never mix with v1's. */
const streamsV2: Streams = [
  {
    name: 'v2_rates',
    description: 'Rates blended across central banks, one row per day and currency pair (GET /v2/rates?from&to, a page per calendar year). Incremental by date; the last lookbackDays are re-read on every sync, since providers publish late and correct past days.',
    primaryKey: ratesKey,
    syncMode: 'incremental',
    cursorField: 'date',
    operation: 'timeSeries',
    params: {
      start: { description: 'the first day to read, YYYY-MM-DD (some currencies go back to 1948)', required: true, example: '2023-12-01' },
      base: { description: 'base currency, an ISO 4217 code (default EUR)', required: false, example: 'EUR' },
      quotes: { description: 'comma-separated quote currencies (default all)', required: false, example: 'USD,GBP,JPY' },
      providers: { description: 'comma-separated provider keys to blend (default all; see v2_providers)', required: false, example: 'ECB' },
      lookbackDays: { description: 'recent days re-read on every sync, as providers revise them (default 30)', required: false, example: '30' },
    },
  },
  {
    name: 'v2_currencies',
    description: 'Every currency v2 has had rates for, with its first and last day (GET /v2/currencies?scope=all).',
    primaryKey: ['iso_code'],
    syncMode: 'full-refresh',
    operation: 'currencies',
  },
  {
    name: 'v2_providers',
    description: 'The data sources v2 blends (central banks), with what each publishes and how often (GET /v2/providers).',
    primaryKey: ['key'],
    syncMode: 'full-refresh',
    operation: 'providers',
  },
];

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
  streams,
});

/** `FrankfurterV2Connector`: the same record for the v2 API and its methods. */
export const metadataV2 = defineMetadata({
  ...metadata,
  apiVersion: 'v2',
  baseUrl: 'https://api.frankfurter.dev/v2',
  operations: [read('rates'), read('rate'), read('timeSeries', 'paginated'), read('currencies'), read('currency'), read('providers')],
  streams: streamsV2,
});
