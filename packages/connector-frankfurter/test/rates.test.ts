import { isValidationError } from '@cf/core';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
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

describe('latest()', () => {
  it('sends GET /v1/latest with base, symbols and amount, and returns typed rates', async () => {
    const rates = await api.make().latest({ base: 'usd', symbols: ['GBP', 'eur'], amount: 100 });
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/latest');
    expect(Object.fromEntries(request.query)).toEqual({ base: 'USD', symbols: 'GBP,EUR', amount: '100' });
    expect(request.headers['user-agent']).toMatch(/^@cf\/connector-frankfurter\/\d+\.\d+\.\d+$/);
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toBe('');
    expect(rates).toEqual({ amount: 100, base: 'USD', date: fixtures.latestDate, rates: { EUR: expect.any(Number), GBP: expect.any(Number) } });
    expect(rates.rates.EUR).toBeCloseTo(100 / fixtures.latest.rates.USD!, 2);
  });

  it('sends no query at all by default (EUR base, every currency)', async () => {
    const rates = await api.make().latest();
    expect([...api.only().query]).toEqual([]);
    expect(rates).toEqual(fixtures.latest);
  });

  it('accepts symbols as a comma list', async () => {
    await api.make().latest({ symbols: 'usd,JPY' });
    expect(api.only().query.get('symbols')).toBe('USD,JPY');
  });

  it.each([
    [{ base: 'US' }, 'base: must be a three-letter ISO 4217 code'],
    [{ base: 'US1' }, 'base: must be a three-letter ISO 4217 code'],
    [{ symbols: [] }, 'symbols: must name at least one currency'],
    [{ symbols: ['USD', 'EURO'] }, 'symbols[1]: must be a three-letter ISO 4217 code'],
    [{ amount: 0 }, 'amount: must be positive'],
    [{ amount: -5 }, 'amount: must be positive'],
    [{ amount: Number.POSITIVE_INFINITY }, 'amount'],
    [{ amount: Number.NaN }, 'amount'],
    [{ base: 'USD', symbols: ['usd'] }, 'symbols: must include a currency other than base'],
    [{ from: 'USD' }, 'Unrecognized key: "from"'],
  ])('rejects %j before the network', async (query, message) => {
    const error = await validationError(api.make().latest(query as never));
    expect(error.message).toContain(message);
  });

  it('omits base from the rates when it is also one of several symbols', async () => {
    const rates = await api.make().latest({ base: 'USD', symbols: ['USD', 'GBP'] });
    expect(Object.keys(rates.rates)).toEqual(['GBP']);
  });
});

describe('historical()', () => {
  it('sends GET /v1/{date} and returns that day', async () => {
    const rates = await api.make().historical('2024-11-20', { symbols: ['USD'] });
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/2024-11-20');
    expect(Object.fromEntries(request.query)).toEqual({ symbols: 'USD' });
    expect(rates).toEqual({ amount: 1, base: 'EUR', date: '2024-11-20', rates: { USD: fixtures.eurRatesOn('2024-11-20').USD } });
  });

  it('answers a weekend with the previous business day, and says so in `date`', async () => {
    const rates = await api.make().historical(fixtures.weekend.asked);
    expect(api.only().path).toBe(`/v1/${fixtures.weekend.asked}`);
    expect(rates.date).toBe(fixtures.weekend.served);
  });

  it('answers a holiday with the previous business day', async () => {
    expect((await api.make().historical('2023-12-25')).date).toBe('2023-12-22');
  });

  it.each([
    ['2024-13-01', 'date: must be a real calendar date written YYYY-MM-DD'],
    ['2023-02-29', 'date: must be a real calendar date'],
    ['24-11-20', 'date: must be a real calendar date'],
    ['1999-01-03', 'date: must be on or after 1999-01-04'],
    ['2026-01-02', 'date: must not be in the future (today is 2026-01-01 UTC)'],
  ])('rejects %s before the network', async (date, message) => {
    const error = await validationError(api.make().historical(date));
    expect(error.message).toContain(message);
    expect(error.issues[0]?.path).toBe('date');
  });

  it('validates the query too', async () => {
    await validationError(api.make().historical('2024-11-20', { amount: -1 }));
  });

  it.each([
    ['latest', 'must be a real calendar date written YYYY-MM-DD'],
    ['24-11-20', 'must be a real calendar date written YYYY-MM-DD'],
    ['9999-99-99', 'must be a real calendar date written YYYY-MM-DD'],
    ['0000-00-00', 'must be a real calendar date written YYYY-MM-DD'],
    ['1999-01-03', 'must be on or after 1999-01-04, the first day of ECB reference rates'],
    ['2026-01-02', 'must not be in the future (today is 2026-01-01 UTC)'],
  ])('reports only the rule that %s breaks', async (date, rule) => {
    const error = await validationError(api.make().historical(date));
    expect(error.issues).toEqual([{ path: 'date', message: rule }]);
    expect(error.message).toBe(`Invalid historical() input: date: ${rule}`);
  });
});

describe('convert()', () => {
  it('sends base, symbols and amount for the date and returns the number', async () => {
    const value = await api.make().convert({ amount: 10, from: 'GBP', to: 'USD', date: '2024-11-22' });
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/2024-11-22');
    expect(Object.fromEntries(request.query)).toEqual({ base: 'GBP', symbols: 'USD', amount: '10' });
    const { GBP, USD } = fixtures.eurRatesOn('2024-11-22');
    expect(value).toBe(Number(((10 * USD!) / GBP!).toFixed(4)));
  });

  it('uses the latest rates without a date', async () => {
    expect(await api.make().convert({ amount: 1, from: 'EUR', to: 'USD' })).toBe(fixtures.latest.rates.USD);
    expect(api.only().path).toBe('/v1/latest');
  });

  it('is NOT_FOUND when the answer lacks the asked currency', async () => {
    api.server.use(http.get('*/v1/2024-11-22', () => HttpResponse.json({ amount: 1, base: 'EUR', date: '2024-11-22', rates: {} })));
    const error = await api.make().convert({ amount: 1, from: 'EUR', to: 'USD', date: '2024-11-22' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Frankfurter returned no EUR/USD rate for 2024-11-22.' });
  });

  it('returns the amount for from = to without a request (the API would answer 422)', async () => {
    expect(await api.make().convert({ amount: 42.5, from: 'usd', to: 'USD' })).toBe(42.5);
    expect(api.server.requests).toHaveLength(0);
  });

  it.each([
    [{ amount: 0, from: 'EUR', to: 'USD' }, 'amount: must be positive'],
    [{ amount: 1, from: 'EURO', to: 'USD' }, 'from: must be a three-letter'],
    [{ amount: 1, from: 'EUR', to: 'USD', date: '1998-12-31' }, 'date: must be on or after 1999-01-04'],
    [{ amount: 1, from: 'EUR' }, 'to:'],
  ])('rejects %j before the network', async (input, message) => {
    const error = await validationError(api.make().convert(input as never));
    expect(error.message).toContain(message);
  });

  it('reports only the rule a bad date breaks', async () => {
    const error = await validationError(api.make().convert({ amount: 1, from: 'EUR', to: 'USD', date: 'yesterday' }));
    expect(error.issues).toEqual([{ path: 'date', message: 'must be a real calendar date written YYYY-MM-DD' }]);
  });
});
