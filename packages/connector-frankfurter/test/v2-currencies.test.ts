import { isValidationError } from '@cf/core';
import { expectConnectorError } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { v2Fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('v2 currencies()', () => {
  it('sends GET /v2/currencies and returns the active currencies, typed, sorted by code', async () => {
    const list = await api.makeV2().currencies();
    const request = api.only();
    expect(request.path).toBe('/v2/currencies');
    expect([...request.query]).toEqual([]);
    expect(list).toEqual(v2Fixtures.currencies);
    expect(list.find((c) => c.iso_code === 'USD')).toEqual({
      iso_code: 'USD',
      iso_numeric: '840',
      name: 'United States Dollar',
      symbol: '$',
      start_date: '1999-01-04',
      end_date: v2Fixtures.latestDate,
    });
    expect(list.map((c) => c.iso_code)).not.toContain('HRK');
  });

  it("sends scope=all for retired currencies too, and providers to keep those they cover", async () => {
    const fx = api.makeV2();
    const all = await fx.currencies({ scope: 'all' });
    expect(all.find((c) => c.iso_code === 'HRK')).toMatchObject({ name: 'Croatian Kuna', end_date: '2022-12-30' });
    const boc = await fx.currencies({ providers: ['boc'] });
    expect(api.server.requests.map((r) => r.url.search)).toEqual(['?scope=all', '?providers=BOC']);
    expect(boc.map((c) => c.iso_code)).toContain('TWD');
    expect(boc.map((c) => c.iso_code)).not.toContain('DKK');
  });

  it('rejects bad input before the network', async () => {
    for (const query of [{ scope: 'active' }, { providers: [] }, { base: 'EUR' }]) {
      const error = await api.makeV2().currencies(query as never).catch((e: unknown) => e);
      expect(isValidationError(error)).toBe(true);
    }
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('v2 currency()', () => {
  it('sends GET /v2/currency/{code} upper-cased and returns the detail with its providers', async () => {
    const usd = await api.makeV2().currency('usd');
    expect(api.only().path).toBe('/v2/currency/USD');
    expect(usd).toEqual({ ...v2Fixtures.currencies.find((c) => c.iso_code === 'USD'), providers: ['BOC', 'ECB'] });
  });

  it('is NOT_FOUND for a code the API has no rates for', async () => {
    const error = await expectConnectorError(api.makeV2().currency('XAU'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, body: { status: 404, message: 'not found' } });
    expect(error.message).toContain('no currency with that code');
  });

  it('rejects a code that is not three letters before the network', async () => {
    const error = await api.makeV2().currency('US/D').catch((e: unknown) => e);
    expect(isValidationError(error) && error.issues).toEqual([{ path: 'code', message: 'must be a three-letter ISO 4217 code such as "USD"' }]);
    expect(api.server.requests).toHaveLength(0);
  });
});

describe('v2 providers()', () => {
  it('sends GET /v2/providers and returns each source with its currencies', async () => {
    const providers = await api.makeV2().providers();
    expect(api.only().path).toBe('/v2/providers');
    expect(providers).toEqual(v2Fixtures.providers);
    expect(providers.map((p) => [p.key, p.pivot_currency, p.publish_cadence])).toEqual([
      ['BOC', 'CAD', 'daily'],
      ['ECB', 'EUR', 'daily'],
    ]);
  });

  it('is what ping() calls', async () => {
    await api.makeV2().ping();
    expect(api.only().path).toBe('/v2/providers');
  });
});
