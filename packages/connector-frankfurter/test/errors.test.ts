import { expectConnectorError } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { errorHandlers } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();


describe('errors', () => {
  it('404 for an unknown base is NOT_FOUND with the reason, the API body, and no retry', async () => {
    const error = await expectConnectorError(api.make().historical('2024-11-20', { base: 'XYZ' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toContain('the base currency is unknown');
    expect(error.body).toEqual({ message: 'not found' });
    expect(error.source).toBe('frankfurter');
    expect(error.details.path).toBe('/v1/2024-11-20?base=XYZ');
    expect(api.server.requests).toHaveLength(1);
  });

  it('404 when every symbol is unknown', async () => {
    expect((await expectConnectorError(api.make().latest({ symbols: ['XYZ'] }))).code).toBe('NOT_FOUND');
  });

  it('422 "bad currency pair" is INVALID_REQUEST telling what to change', async () => {
    api.server.use(errorHandlers.badCurrencyPair());
    const error = await expectConnectorError(api.make().latest({ base: 'USD', symbols: ['GBP'] }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('base and symbols name the same currency');
    expect(error.body).toEqual({ message: 'bad currency pair' });
    expect(error.retryable).toBe(false);
  });

  it('422 "invalid date" from the API (a date the connector could not see) is INVALID_REQUEST', async () => {
    const fx = api.make();
    const error = await expectConnectorError(fx.client.request({ path: '/2024-13-45' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('YYYY-MM-DD');
  });

  it('429 with a plain-text body is retried after Retry-After; a lasting 429 ends in RATE_LIMIT', async () => {
    api.server.use(errorHandlers.rateLimited(2));
    const fx = api.make({ rateLimit: false });
    const retries: number[] = [];
    fx.on('retry', (e) => retries.push(e.delayMs));
    const error = await expectConnectorError(fx.latest());
    // The handler keeps answering 429: three attempts, each 2 s apart, then RATE_LIMIT with the wait.
    expect(error.code).toBe('RATE_LIMIT');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.body).toBe('Too Many Requests');
    expect(retries).toEqual([2000, 2000]);
  });

  it('503 is SERVER_ERROR after the retries', async () => {
    api.server.use(errorHandlers.unavailable());
    const error = await expectConnectorError(api.make().latest());
    expect(error.code).toBe('SERVER_ERROR');
    expect(api.server.requests).toHaveLength(3);
  });
});
