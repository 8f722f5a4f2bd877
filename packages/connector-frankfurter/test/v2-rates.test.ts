import { isValidationError } from '@cf/core';
import { expectConnectorError } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { v2Fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

async function validationError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isValidationError(error)) throw new Error(`expected VALIDATION_ERROR, got ${String(error)}`);
  expect(api.server.requests).toHaveLength(0);
  return error;
}

describe('v2 rates()', () => {
  it('sends GET /v2/rates with no query by default and returns one typed row per quote, sorted, with the identity row', async () => {
    const rows = await api.makeV2().rates();
    const request = api.only();
    expect(request.path).toBe('/v2/rates');
    expect([...request.query]).toEqual([]);
    expect(rows).toEqual(v2Fixtures.rates());
    expect(rows.map((r) => r.quote)).toEqual([...rows.map((r) => r.quote)].sort());
    expect(rows.find((r) => r.quote === 'EUR')).toEqual({ date: v2Fixtures.latestDate, base: 'EUR', quote: 'EUR', rate: 1 });
    // Blended across providers: TWD comes from the Bank of Canada alone, USD from both.
    expect(rows.find((r) => r.quote === 'TWD')).toMatchObject({ base: 'EUR', date: v2Fixtures.latestDate, rate: expect.any(Number) });
  });

  it('sends date, base, quotes, providers and expand, upper-casing codes and keys', async () => {
    const rows = await api.makeV2().rates({ date: '2024-11-20', base: 'usd', quotes: ['eur', 'JPY'], providers: 'ecb,boc', expand: 'providers' });
    expect(Object.fromEntries(api.only().query)).toEqual({ date: '2024-11-20', base: 'USD', quotes: 'EUR,JPY', providers: 'ECB,BOC', expand: 'providers' });
    expect(rows.map((r) => [r.quote, r.date, r.providers?.map((p) => p.key)])).toEqual([
      ['EUR', '2024-11-20', ['BOC', 'ECB']],
      ['JPY', '2024-11-20', ['BOC', 'ECB']],
    ]);
    expect(rows).toEqual(v2Fixtures.rates('date=2024-11-20&base=USD&quotes=EUR,JPY&providers=ECB,BOC&expand=providers'));
  });

  it('answers a Saturday with the rates in force, each row dated when it was observed', async () => {
    const rows = await api.makeV2().rates({ date: v2Fixtures.weekend.asked, quotes: ['USD'] });
    expect(api.only().query.get('date')).toBe(v2Fixtures.weekend.asked);
    expect(rows).toEqual([{ date: v2Fixtures.weekend.served, base: 'EUR', quote: 'USD', rate: expect.any(Number) }]);
  });

  it('returns [] where the API has no rows: a known currency without rates, an unknown provider, a date before the data', async () => {
    const fx = api.makeV2();
    expect(await fx.rates({ quotes: ['XAU'] })).toEqual([]);
    expect(await fx.rates({ providers: ['NOPE'] })).toEqual([]);
    expect(await fx.rates({ date: '1901-01-02' })).toEqual([]);
    expect(api.server.requests.map((r) => r.url.search)).toEqual(['?quotes=XAU', '?providers=NOPE', '?date=1901-01-02']);
  });

  it('maps the API 422 for an unknown currency to INVALID_REQUEST with its body', async () => {
    const error = await expectConnectorError(api.makeV2().rates({ base: 'XYZ', quotes: ['ABC', 'USD'] }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.status).toBe(422);
    expect(error.body).toEqual({ status: 422, message: 'invalid currency: XYZ,ABC' });
    expect(error.message).toContain('currencies({ scope: "all" })');
    expect(api.server.requests).toHaveLength(1);
  });

  it.each([
    [{ base: 'US' }, 'base: must be a three-letter ISO 4217 code'],
    [{ quotes: [] }, 'quotes: must name at least one currency'],
    [{ providers: ['E-CB'] }, 'providers[0]: must be a provider key'],
    [{ expand: 'rates' }, 'expand: must be "providers"'],
    [{ date: '2026-01-03' }, 'date: must not be after 2026-01-02 (tomorrow UTC'],
    [{ from: '2024-01-01' }, 'Unrecognized key: "from"'],
    [{ symbols: 'USD' }, 'Unrecognized key: "symbols"'],
  ])('rejects %j before the network', async (query, message) => {
    const error = await validationError(api.makeV2().rates(query as never));
    expect(error.message).toContain(message);
  });

  it('reports only the rule a bad date breaks', async () => {
    const error = await validationError(api.makeV2().rates({ date: 'latest' }));
    expect(error.issues).toEqual([{ path: 'date', message: 'must be a real calendar date written YYYY-MM-DD' }]);
  });

  it('takes a date up to tomorrow: v2 serves provider rates dated one day ahead', async () => {
    expect(await api.makeV2().rates({ date: '2026-01-02', quotes: 'USD' })).toEqual([]);
    expect(api.only().query.get('date')).toBe('2026-01-02');
  });
});

describe('v2 rate()', () => {
  it('sends GET /v2/rate/{base}/{quote} upper-cased, with date and providers, and returns one typed row', async () => {
    const row = await api.makeV2().rate('gbp', 'usd', { date: '2024-11-22', providers: ['ECB'] });
    const request = api.only();
    expect(request.path).toBe('/v2/rate/GBP/USD');
    expect(Object.fromEntries(request.query)).toEqual({ date: '2024-11-22', providers: 'ECB' });
    expect(row).toEqual({ date: '2024-11-22', base: 'GBP', quote: 'USD', rate: v2Fixtures.rates('date=2024-11-22&base=GBP&quotes=USD&providers=ECB')[0]?.rate });
    expect(row.rate).toBeCloseTo(1.0412 / 0.83465, 3);
  });

  it('answers the latest rate without a date, and 1 for a same-currency pair', async () => {
    const fx = api.makeV2();
    expect(await fx.rate('EUR', 'USD')).toMatchObject({ date: v2Fixtures.latestDate, base: 'EUR', quote: 'USD' });
    expect(await fx.rate('USD', 'USD')).toEqual({ date: v2Fixtures.latestDate, base: 'USD', quote: 'USD', rate: 1 });
    expect(api.server.requests.map((r) => `${r.path}${r.url.search}`)).toEqual(['/v2/rate/EUR/USD', '/v2/rate/USD/USD']);
  });

  it('is NOT_FOUND when the pair has no rate that day', async () => {
    const error = await expectConnectorError(api.makeV2().rate('EUR', 'TWD', { date: '2010-06-01' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.body).toEqual({ status: 404, message: 'not found' });
    expect(error.message).toContain('no rate for that pair on that date');
  });

  it('is INVALID_REQUEST for a currency the API does not know', async () => {
    const error = await expectConnectorError(api.makeV2().rate('EUR', 'XYZ'));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', body: { status: 422, message: 'invalid currency: XYZ' } });
  });

  it.each([
    [['EURO', 'USD', {}], 'base: must be a three-letter'],
    [['EUR', '', {}], 'quote: must be a three-letter'],
    [['EUR', 'USD', { date: '2024-02-30' }], 'date: must be a real calendar date'],
    [['EUR', 'USD', { from: '2024-01-01' }], 'Unrecognized key: "from"'],
  ])('rejects %j before the network', async (args, message) => {
    const [base, quote, query] = args as [string, string, object];
    const error = await validationError(api.makeV2().rate(base, quote, query));
    expect(error.message).toContain(message);
  });
});
