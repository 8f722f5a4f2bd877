import { startMockServer, type MockServer } from '@cf/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers, v2Fixtures } from '../src/mocks/index.js';

// The v2 mocks answer with the API's own headers and bodies, so a cache or error path can fail as in production.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer(handlers);
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });

describe('v2 mocks', () => {
  it('send the API Cache-Control: 24 h for explicit dates, until UTC midnight for the latest, 1 h for providers, no-store on errors', async () => {
    expect((await get('/v2/rates?date=2024-11-20')).headers.get('cache-control')).toBe('public, max-age=86400, stale-while-revalidate=86400, stale-if-error=86400');
    const latest = (await get('/v2/rates')).headers.get('cache-control') ?? '';
    expect(latest).toMatch(/^public, max-age=\d+, stale-if-error=86400$/);
    expect(Number(/max-age=(\d+)/.exec(latest)?.[1])).toBeLessThanOrEqual(86_400);
    expect((await get('/v2/providers')).headers.get('cache-control')).toBe('public, max-age=3600');
    const error = await get('/v2/rates?base=XYZ');
    expect(error.status).toBe(422);
    expect(error.headers.get('cache-control')).toBe('no-store');
    expect(await error.json()).toEqual({ status: 422, message: 'invalid currency: XYZ' });
  });

  it('answer a matching If-None-Match on /v2/rates with 304 and no body', async () => {
    const first = await get('/v2/rates?date=2024-11-20&quotes=USD');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const second = await get('/v2/rates?date=2024-11-20&quotes=USD', { 'if-none-match': etag });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('take currency codes in any case on /v2/rate and /v2/currency, as the API does', async () => {
    expect(await (await get('/v2/rate/eur/usd')).json()).toMatchObject({ base: 'EUR', quote: 'USD', date: v2Fixtures.latestDate });
    expect(await (await get('/v2/currency/twd')).json()).toMatchObject({ iso_code: 'TWD', providers: ['BOC'] });
  });

  it('ignore to without from (the API serves the latest rates), and answer [] for a range entirely after the data', async () => {
    expect(await (await get('/v2/rates?to=2020-01-01&quotes=USD')).json()).toEqual(v2Fixtures.rates('quotes=USD'));
    expect(await (await get('/v2/rates?from=2025-06-01&to=2025-07-01&group=month')).json()).toEqual([]);
  });

  it('leave v1 paths to the v1 handlers and refuse them under /v2', async () => {
    expect((await get('/v1/latest')).status).toBe(200);
    expect(await (await get('/v2/latest')).json()).toEqual({ status: 404, message: 'not found' });
    expect(((await (await get('/v2/currencies')).json()) as unknown[])[0]).toMatchObject({ iso_code: 'AUD', iso_numeric: '036' });
  });
});
