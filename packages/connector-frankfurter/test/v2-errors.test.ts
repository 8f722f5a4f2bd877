import { MemoryResponseCache } from '@cf/core';
import { expectConnectorError } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { v2ErrorHandlers } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('v2 errors', () => {
  it('503 from the request deadline is SERVER_ERROR after the retries, saying how to narrow the request', async () => {
    api.server.use(v2ErrorHandlers.deadline());
    const error = await expectConnectorError(api.makeV2().rates());
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message).toContain('narrow the request');
    expect(error.body).toEqual({ status: 503, message: 'request exceeded 90s timeout' });
    expect(api.server.requests).toHaveLength(3);
  });

  it('429 with a plain-text body is retried after Retry-After, then RATE_LIMIT', async () => {
    api.server.use(v2ErrorHandlers.rateLimited(2));
    const fx = api.makeV2({ rateLimit: false });
    const retries: number[] = [];
    fx.on('retry', (e) => retries.push(e.delayMs));
    const error = await expectConnectorError(fx.providers());
    expect(error).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 2000, body: 'Too Many Requests' });
    expect(retries).toEqual([2000, 2000]);
  });

  it('a v1 base URL gives NOT_FOUND that says the base URL must end in /v2', async () => {
    const fx = api.makeV2({ baseUrl: `${api.server.baseUrl}/v1` });
    const error = await expectConnectorError(fx.rates());
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('is baseUrl a v2 address');
    expect(api.only().path).toBe('/v1/rates');
  });

  it('an unknown v2 path is 404 with the v2 body', async () => {
    const error = await expectConnectorError(api.makeV2().client.request({ path: '/latest' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', body: { status: 404, message: 'not found' } });
  });

  it.each([
    [{ date: '2024-01-01', from: '2024-01-01' }, 'conflicting params', 'cannot be combined'],
    [{ from: '2024-01-01', group: 'day' }, 'invalid group', 'group must be'],
    [{ expand: 'rates' }, 'invalid expand: rates', 'expand must be'],
    [{ date: '2024-02-30' }, 'invalid date', 'YYYY-MM-DD'],
    [{ symbols: 'USD' }, 'unknown parameter: symbols', 'v2 takes only'],
  ])('the mock refuses %j like the API (422), mapped to INVALID_REQUEST with a hint', async (query, apiMessage, hint) => {
    const error = await expectConnectorError(api.makeV2().client.request({ path: '/rates', query }));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', status: 422, body: { status: 422, message: apiMessage }, retryable: false });
    expect(error.message).toContain(hint);
  });

  it('errors are never cached (the API sends Cache-Control: no-store on them)', async () => {
    const fx = api.makeV2({ cache: new MemoryResponseCache() });
    await expectConnectorError(fx.rates({ base: 'XYZ' }));
    await expectConnectorError(fx.rates({ base: 'XYZ' }));
    expect(api.server.requests.map((r) => r.query.get('base'))).toEqual(['XYZ', 'XYZ']);
  });
});

describe('v2 response cache', () => {
  it('keeps an explicit date for the API 24 hours, then revalidates with the ETag (304, no body)', async () => {
    const fx = api.makeV2({ cache: new MemoryResponseCache() });
    const statuses: number[] = [];
    fx.on('response', (e) => statuses.push(e.status));
    const first = await fx.rates({ date: '2024-11-20', quotes: 'USD' });
    expect(await fx.rates({ date: '2024-11-20', quotes: 'USD' })).toEqual(first);
    expect(api.server.requests).toHaveLength(1);
    api.clock.advance(2 * 86_400_000);
    expect(await fx.rates({ date: '2024-11-20', quotes: 'USD' })).toEqual(first);
    expect(statuses).toEqual([200, 304]);
    expect(api.server.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{32}"$/);
  });
});
