import { isConnectorError } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('currencies()', () => {
  it('sends GET /v1/currencies and returns code → name', async () => {
    const list = await api.make().currencies();
    const request = api.only();
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/v1/currencies');
    expect([...request.query]).toEqual([]);
    expect(list).toEqual(fixtures.currencies);
    expect(list.EUR).toBe('Euro');
  });

  it('makes latest-rate calls reject unknown codes before the network, once fetched', async () => {
    const fx = api.make();
    await fx.currencies();
    api.server.resetHandlers();
    for (const call of [() => fx.latest({ base: 'XAU', symbols: ['USD', 'XYZ'] }), () => fx.convert({ amount: 1, from: 'EUR', to: 'XYZ' })]) {
      const error = await call().catch((e: unknown) => e);
      expect(isConnectorError(error) && error.code).toBe('VALIDATION_ERROR');
      expect((error as Error).message).toMatch(/unknown currency "(XAU|XYZ)" \(not in currencies\(\)\)/);
    }
    expect(api.server.requests).toHaveLength(0);
  });

  it('still lets past dates ask for currencies no longer published (HRK until 2023)', async () => {
    const fx = api.make();
    await fx.currencies();
    api.server.resetHandlers();
    // The mock has no HRK, so the API's 404 comes back; the point is that the request was sent.
    const error = await fx.historical('2020-03-02', { symbols: ['HRK'] }).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('NOT_FOUND');
    expect(api.only().query.get('symbols')).toBe('HRK');
  });

  it('does not check codes against a list before currencies() was called', async () => {
    const error = await api.make().latest({ base: 'XYZ' }).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('NOT_FOUND');
  });

  it('is what ping() calls', async () => {
    await api.make().ping();
    expect(api.only().path).toBe('/v1/currencies');
  });
});
