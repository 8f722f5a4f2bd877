import { afterAll, describe, expect, it } from 'vitest';
import { AdsbConnector } from '../src/index.js';

// Against the real API (no key needed; mind its ~1 request per 3-4 s): CF_LIVE_TESTS=1 npx vitest run test/live.test.ts
describe.skipIf(!process.env.CF_LIVE_TESTS)('live: api.adsb.lol', () => {
  const adsb = new AdsbConnector();
  afterAll(() => adsb.disconnect());

  it('answers a point query with the typed envelope', async () => {
    const response = await adsb.nearby({ lat: 51.47, lon: -0.45, radiusNm: 40 });
    expect(response.msg).toBe('No error');
    expect(response.now).toBeGreaterThan(Date.UTC(2024, 0, 1)); // milliseconds, not seconds
    for (const a of response.ac) {
      expect(a.dst).toBeLessThanOrEqual(40.5);
      if (a.flight !== undefined) expect(a.flight).toBe(a.flight.trim());
    }
  });

  it('answers an unknown address with an empty list', async () => {
    const response = await adsb.byHex('000000');
    expect(response.ac).toEqual([]);
  });

  it('lists military aircraft', async () => {
    const response = await adsb.military();
    expect(response.total).toBe(response.ac.length);
  }, 60_000);
});
