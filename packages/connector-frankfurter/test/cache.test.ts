import { FakeClock, MemoryResponseCache } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('response cache', () => {
  it('serves a repeated past date from the cache: the second historical() sends no request', async () => {
    const fx = api.make({ cache: new MemoryResponseCache() });
    const first = await fx.historical('2024-11-20', { symbols: ['USD'] });
    api.clock.advance(365 * 86_400_000); // far past the server's max-age: past rates never change
    const second = await fx.historical('2024-11-20', { symbols: ['USD'] });
    expect(second).toEqual(first);
    expect(api.server.requests).toHaveLength(1);
  });

  it('revalidates the latest rates with the ETag on every call (a 304 carries no body)', async () => {
    const fx = api.make({ cache: new MemoryResponseCache() });
    const statuses: number[] = [];
    fx.on('response', (e) => statuses.push(e.status));
    const first = await fx.latest();
    const second = await fx.latest();
    expect(second).toEqual(first);
    expect(statuses).toEqual([200, 304]);
    expect(api.server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(api.server.requests[1]?.headers['if-none-match']).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('keeps past years of a time series, and revalidates the year that includes today', async () => {
    const clock = new FakeClock(Date.parse('2024-11-22T18:00:00Z'));
    const fx = api.make({ cache: new MemoryResponseCache(), clock });
    const query = { start: '2023-12-27', end: '2024-11-22', symbols: ['USD'] };
    const first = await fx.timeSeries(query).toArray({ limit: 1000 });
    const second = await fx.timeSeries(query).toArray({ limit: 1000 });
    expect(second).toEqual(first);
    expect(api.server.requests.map((r) => [r.path, r.headers['if-none-match'] !== undefined])).toEqual([
      ['/v1/2023-12-27..2023-12-31', false],
      ['/v1/2024-01-01..2024-11-22', false],
      ['/v1/2024-01-01..2024-11-22', true],
    ]);
  });

  it('caches nothing without a cache configured (the default)', async () => {
    const fx = api.make();
    await fx.historical('2024-11-20');
    await fx.historical('2024-11-20');
    expect(api.server.requests).toHaveLength(2);
    expect(api.server.requests[1]?.headers['if-none-match']).toBeUndefined();
  });
});
