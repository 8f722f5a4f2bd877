import { describe, expect, it } from 'vitest';
import { metadata } from '../src/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('default rate limit', () => {
  it('spaces calls at 10 per second', async () => {
    const fx = api.make();
    const waits: number[] = [];
    fx.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    await Promise.all(Array.from({ length: 11 }, () => fx.latest()));
    expect(api.server.requests).toHaveLength(11);
    expect(waits).toEqual([100]);
  });

  it('is the limit the metadata declares', () => {
    expect(metadata.limits).toEqual([expect.objectContaining({ name: 'requests', limit: 10, intervalMs: 1000 })]);
  });

  it('can be replaced or turned off', async () => {
    const fx = api.make({ rateLimit: false });
    const waits: number[] = [];
    fx.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    await Promise.all(Array.from({ length: 11 }, () => fx.latest()));
    expect(waits).toEqual([]);
  });
});
