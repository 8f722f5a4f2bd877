import { describe, expect, it } from 'vitest';
import { metadata } from '../src/index.js';
import { errorHandlers } from '../src/mocks/index.js';
import { useMockApi } from './helpers.js';

const api = useMockApi();

describe('default rate limit', () => {
  it('allows 6 requests per rolling 40 s, then waits for the window', async () => {
    const adsb = api.make();
    const waits: number[] = [];
    adsb.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    for (let i = 0; i < 7; i += 1) await adsb.byHex('4ca87c');
    expect(api.server.requests).toHaveLength(7);
    expect(waits).toEqual([40_001]);
  });

  it('counts emergencies() as three requests', async () => {
    const adsb = api.make();
    const waits: number[] = [];
    adsb.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    await adsb.emergencies();
    await adsb.emergencies();
    expect(waits).toEqual([]);
    await adsb.military();
    expect(waits).toEqual([40_001]);
  });

  it('slows down when the API reports fewer requests remaining (X-RateLimit-Remaining)', async () => {
    api.server.use(errorHandlers.withQuotaHeaders(0));
    const adsb = api.make();
    const waits: number[] = [];
    adsb.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    await adsb.military();
    await adsb.military();
    expect(waits).toHaveLength(1);
  });

  it('never speeds up on a larger remaining count than its own', async () => {
    api.server.use(errorHandlers.withQuotaHeaders(500, 1000));
    const adsb = api.make();
    const waits: number[] = [];
    adsb.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    for (let i = 0; i < 7; i += 1) await adsb.ladd();
    expect(waits).toEqual([40_001]);
  });

  it('can be replaced', async () => {
    const adsb = api.make({ rateLimit: { windows: [{ name: 'requests', limit: 1, intervalMs: 4_000 }] } });
    const waits: number[] = [];
    adsb.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    await adsb.ladd();
    await adsb.ladd();
    expect(waits).toEqual([4_000]);
  });

  it('is the limit the metadata declares', () => {
    expect(metadata.limits).toEqual([expect.objectContaining({ name: 'requests', limit: 6, intervalMs: 40_000 })]);
    expect(metadata.limitModel?.windows).toEqual([{ name: 'requests', limit: 6, intervalMs: 40_000, algorithm: 'sliding-window', unit: 'requests' }]);
  });

  it("the mock throttles the way metadata.limitModel declares adsb.lol's answer (429, no Retry-After)", async () => {
    api.server.use(errorHandlers.rateLimited());
    const response = await fetch(`${api.server.baseUrl}/v2/mil`);
    expect(response.status).toBe(metadata.limitModel?.rateLimitedAnswer.status);
    expect(response.headers.has('retry-after')).toBe(metadata.limitModel?.rateLimitedAnswer.retryAfter);
  });
});
