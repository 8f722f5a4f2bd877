import { afterAll, describe, expect, it } from 'vitest';
import { FrankfurterConnector } from '../src/index.js';

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
