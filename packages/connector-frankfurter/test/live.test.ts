import { afterAll, describe, expect, it } from 'vitest';
import { FrankfurterConnector, FrankfurterV2Connector } from '../src/index.js';

// Against the real API (no key needed): CF_LIVE_TESTS=1 npx vitest run test/live.test.ts
describe.skipIf(!process.env.CF_LIVE_TESTS)('live: api.frankfurter.dev', () => {
  const fx = new FrankfurterConnector();
  afterAll(() => fx.disconnect());

  it('lists currencies, including EUR and USD', async () => {
    const list = await fx.currencies();
    expect(list).toMatchObject({ EUR: expect.any(String), USD: expect.any(String) });
  });

  it('returns the latest rates', async () => {
    const rates = await fx.latest({ symbols: ['USD', 'GBP'] });
    expect(rates.base).toBe('EUR');
    expect(Object.keys(rates.rates).sort()).toEqual(['GBP', 'USD']);
  });

  it('answers a Saturday with the Friday before it', async () => {
    expect((await fx.historical('2024-11-23', { symbols: 'USD' })).date).toBe('2024-11-22');
  });

  it('yields a time series across a year boundary', async () => {
    const rows = await fx.timeSeries({ start: '2023-12-27', end: '2024-01-03', symbols: 'USD' }).toArray({ limit: 20 });
    expect(rows.map((r) => r.date)).toEqual(['2023-12-27', '2023-12-28', '2023-12-29', '2024-01-02', '2024-01-03']);
  });

  it('maps an unknown base to NOT_FOUND', async () => {
    await expect(fx.latest({ base: 'XYZ' })).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

// The v2 API, the same way: CF_LIVE_TESTS=1 npx vitest run test/live.test.ts
describe.skipIf(!process.env.CF_LIVE_TESTS)('live: api.frankfurter.dev/v2', () => {
  const fx = new FrankfurterV2Connector();
  afterAll(() => fx.disconnect());

  it('returns the latest rates as rows, the base identity row included', async () => {
    const rows = await fx.rates({ quotes: ['USD', 'EUR'] });
    expect(rows.map((r) => r.quote)).toEqual(['EUR', 'USD']);
    expect(rows[0]).toMatchObject({ base: 'EUR', quote: 'EUR', rate: 1 });
  });

  it('answers one pair on a date', async () => {
    expect(await fx.rate('EUR', 'USD', { date: '2024-11-22' })).toMatchObject({ base: 'EUR', quote: 'USD', date: '2024-11-22', rate: expect.any(Number) });
  });

  it('yields a monthly series across a year boundary, one request per year', async () => {
    const rows = await fx.timeSeries({ from: '2023-11-01', to: '2024-02-29', quotes: 'USD', group: 'month' }).toArray({ limit: 10 });
    expect(rows.map((r) => r.date)).toEqual(['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01']);
  });

  it('lists the providers, the ECB among them', async () => {
    expect((await fx.providers()).find((p) => p.key === 'ECB')).toMatchObject({ pivot_currency: 'EUR' });
  });

  it('maps an unknown currency to INVALID_REQUEST (422)', async () => {
    await expect(fx.rates({ base: 'XYZ' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', status: 422 });
  });
});
