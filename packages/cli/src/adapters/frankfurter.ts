import { FIRST_DATE, FrankfurterConnector, metadata } from '@cf/connector-frankfurter';
import { fixtures, handlers } from '@cf/connector-frankfurter/mocks';
import { systemClock, type Clock } from '@cf/core';
import { defineAdapter, fromPages, singlePage } from './adapter.js';

/**
 * The sandbox's mocks hold rates up to `fixtures.latestDate`: its clock reads that day (at 18:00 UTC, after the
 * ECB publication) and runs in real time from there, so "up to today" means up to the mock's last day.
 */
const sandboxClock = (): Clock => {
  const offset = Date.now() - Date.parse(`${fixtures.latestDate}T18:00:00Z`);
  return { now: () => Date.now() - offset, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
};

/** Frankfurter: no credentials; `rates` backfills one calendar year per page, resumable from the next year. */
export const frankfurter = defineAdapter({
  metadata,
  env: [],
  create: (config) => new FrankfurterConnector(config),
  sandbox: { handlers, pathPrefix: '/v1', config: { clock: sandboxClock() } },
  resources: {
    rates: {
      description: 'One record per business day with the rates of that day (GET /{start}..{end}, a page per calendar year).',
      since: `the first day, YYYY-MM-DD (default ${FIRST_DATE}, the first day of ECB rates)`,
      params: { base: 'base currency (default EUR)', symbols: 'comma-separated currency codes (default all)', end: 'the last day, YYYY-MM-DD (default the latest)' },
      pages: (fx, { checkpoint, since, params, signal }) =>
        fromPages(
          fx
            .timeSeries(
              {
                start: typeof checkpoint === 'string' ? checkpoint : (since ?? FIRST_DATE),
                ...(params.end !== undefined ? { end: params.end } : {}),
                ...(params.base !== undefined ? { base: params.base } : {}),
                ...(params.symbols !== undefined ? { symbols: params.symbols } : {}),
              },
              { signal },
            )
            .pages(),
        ),
    },
    currencies: {
      description: 'The currencies of the latest publication, as { code, name } records (GET /currencies).',
      pages: (fx, { signal }) => singlePage(fx.currencies({ signal }).then((list) => Object.entries(list).map(([code, name]) => ({ code, name })))),
    },
  },
  conformance: {
    name: 'frankfurter',
    handlers,
    create: ({ serverUrl, overrides }) => new FrankfurterConnector({ baseUrl: `${serverUrl}/v1`, ...overrides }),
    call: (fx, options) => fx.latest({ symbols: ['USD'] }, options),
    metadata,
    // A sample call of every method `metadata.operations` declares (as in the package's test/conformance.test.ts).
    operations: [
      { name: 'latest', invoke: (fx, o) => fx.latest({ symbols: ['USD'] }, o) },
      { name: 'historical', invoke: (fx, o) => fx.historical('2024-11-20', { symbols: ['USD'] }, o) },
      { name: 'timeSeries', invoke: (fx, o) => fx.timeSeries({ start: '2024-11-18', end: '2024-11-22', symbols: 'USD' }, o).toArray({ limit: 10 }) },
      { name: 'convert', invoke: (fx, o) => fx.convert({ amount: 10, from: 'GBP', to: 'USD', date: '2024-11-22' }, o) },
      { name: 'currencies', invoke: (fx, o) => fx.currencies(o) },
    ],
  },
});
