import { MemoryResponseCache } from '@cf/core';
import { describeConformance } from '@cf/core/conformance';
import { FrankfurterConnector, FrankfurterV2Connector, metadata, metadataV2 } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

/** A sample call of every v1 method (metadata.operations), against the mocks. */
const v1Operations = [
  { name: 'latest', invoke: (fx: FrankfurterConnector, o: { signal?: AbortSignal }) => fx.latest({ symbols: ['USD'] }, o) },
  { name: 'historical', invoke: (fx: FrankfurterConnector, o: { signal?: AbortSignal }) => fx.historical('2024-11-20', { symbols: ['USD'] }, o) },
  { name: 'timeSeries', invoke: (fx: FrankfurterConnector, o: { signal?: AbortSignal }) => fx.timeSeries({ start: '2024-11-18', end: '2024-11-22', symbols: 'USD' }, o).toArray({ limit: 10 }) },
  { name: 'convert', invoke: (fx: FrankfurterConnector, o: { signal?: AbortSignal }) => fx.convert({ amount: 10, from: 'GBP', to: 'USD', date: '2024-11-22' }, o) },
  { name: 'currencies', invoke: (fx: FrankfurterConnector, o: { signal?: AbortSignal }) => fx.currencies(o) },
];

describeConformance({
  name: 'frankfurter',
  handlers,
  create: ({ serverUrl, overrides }) => new FrankfurterConnector({ baseUrl: `${serverUrl}/v1`, ...overrides }),
  call: (fx, options) => fx.latest({ symbols: ['USD'] }, options),
  metadata,
  operations: v1Operations,
});

// The response cache must not change any resilience behaviour: the latest rates are revalidated every call.
describeConformance({
  name: 'frankfurter with a response cache',
  handlers,
  create: ({ serverUrl, overrides }) => new FrankfurterConnector({ baseUrl: `${serverUrl}/v1`, cache: new MemoryResponseCache(), ...overrides }),
  call: (fx, options) => fx.latest({ symbols: ['USD'] }, options),
  metadata,
  operations: v1Operations,
});

describeConformance({
  name: 'frankfurter v2',
  handlers,
  create: ({ serverUrl, overrides }) => new FrankfurterV2Connector({ baseUrl: `${serverUrl}/v2`, ...overrides }),
  call: (fx, options) => fx.rates({ quotes: ['USD'] }, options),
  metadata: metadataV2,
  operations: [
    { name: 'rates', invoke: (fx, o) => fx.rates({ quotes: ['USD'] }, o) },
    { name: 'rate', invoke: (fx, o) => fx.rate('EUR', 'USD', { date: '2024-11-20' }, o) },
    { name: 'timeSeries', invoke: (fx, o) => fx.timeSeries({ from: '2024-11-18', to: '2024-11-22', quotes: 'USD' }, o).toArray({ limit: 10 }) },
    { name: 'currencies', invoke: (fx, o) => fx.currencies({}, o) },
    { name: 'currency', invoke: (fx, o) => fx.currency('USD', o) },
    { name: 'providers', invoke: (fx, o) => fx.providers(o) },
  ],
});
