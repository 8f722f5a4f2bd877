import { MemoryResponseCache } from '@cf/core';
import { describeConformance } from '@cf/core/conformance';
import { FrankfurterConnector } from '../src/index.js';
import { handlers } from '../src/mocks/index.js';

describeConformance({
  name: 'frankfurter',
  handlers,
  create: ({ serverUrl, overrides }) => new FrankfurterConnector({ baseUrl: `${serverUrl}/v1`, ...overrides }),
  call: (fx, options) => fx.latest({ symbols: ['USD'] }, options),
});

// The response cache must not change any resilience behaviour: the latest rates are revalidated every call.
describeConformance({
  name: 'frankfurter with a response cache',
  handlers,
  create: ({ serverUrl, overrides }) => new FrankfurterConnector({ baseUrl: `${serverUrl}/v1`, cache: new MemoryResponseCache(), ...overrides }),
  call: (fx, options) => fx.latest({ symbols: ['USD'] }, options),
});
