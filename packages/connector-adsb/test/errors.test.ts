import { expectConnectorError } from '@cf/core/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_429_WAIT_MS } from '../src/index.js';
import { errorHandlers } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();


describe('errors', () => {
  it('a 429 with a short HTML body and no Retry-After waits the default between attempts, then gives RATE_LIMIT', async () => {
    api.server.use(errorHandlers.rateLimited());
    const adsb = api.make();
    const retries: number[] = [];
    adsb.on('retry', (e) => retries.push(e.delayMs));
    const error = await expectConnectorError(adsb.military());
    expect(error.code).toBe('RATE_LIMIT');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(DEFAULT_429_WAIT_MS);
    expect(error.message).toContain('adsb.lol is throttling this IP');
    expect(error.body).toContain('429 Too Many Requests');
    expect(retries).toEqual([DEFAULT_429_WAIT_MS, DEFAULT_429_WAIT_MS]);
    expect(api.server.requests).toHaveLength(3);
    // The next call, even another method, holds off until the wait is over.
    api.server.resetHandlers();
    const waits: Array<[string, number]> = [];
    adsb.on('rateLimitWait', (w) => waits.push([w.reason, w.waitedMs]));
    await adsb.ladd();
    expect(waits).toEqual([['paused', DEFAULT_429_WAIT_MS]]);
  });

  it("a 429's Retry-After wins over the default", async () => {
    api.server.use(errorHandlers.rateLimited(3));
    const adsb = api.make();
    const retries: number[] = [];
    adsb.on('retry', (e) => retries.push(e.delayMs));
    expect((await expectConnectorError(adsb.pia())).retryAfterMs).toBe(3000);
    expect(retries).toEqual([3000, 3000]);
  });

  it("FastAPI's 422 (a radius the connector would have refused) is INVALID_REQUEST naming the parameter", async () => {
    const error = await expectConnectorError(api.make().client.request({ path: '/point/51/0/300' }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toBe('adsb.lol rejected the request: path.radius: Input should be less than or equal to 250.');
    expect(error.body).toMatchObject({ detail: [{ loc: ['path', 'radius'] }] });
    expect(api.server.requests).toHaveLength(1);
  });

  it('a plain-text 500 from the upstream is retried, then SERVER_ERROR with the text', async () => {
    api.server.use(errorHandlers.upstreamTimeout());
    const error = await expectConnectorError(api.make().byHex('4ca87c'));
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.body).toBe('Internal Server Error');
    expect(api.server.requests).toHaveLength(3);
  });

  it.each([
    ['/hex/{value}', '~2a1b3c'],
    ['/callsign/{value}', 'BAW+14'],
    ['/reg/{value}', 'G KELS'],
  ])("the mock refuses %s with %j as adsb.lol does (its path rule ^[a-zA-Z0-9,=_.-]+$): a plain-text 500", async (path, value) => {
    const error = await expectConnectorError(api.make().client.request({ path, params: { value }, retry: false }));
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.status).toBe(500);
    expect(error.body).toBe('Internal Server Error');
    expect(api.server.requests).toHaveLength(1);
  });

  it('an unknown route is NOT_FOUND (core default)', async () => {
    const error = await expectConnectorError(api.make().client.request({ path: '/all' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});
