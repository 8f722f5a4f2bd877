import { describe, expect, it } from 'vitest';
import { useMockApi } from './helpers.js';

const api = useMockApi();
const heathrow = { lat: 51.47, lon: -0.45, radiusNm: 25 };

describe('nearby()', () => {
  it('sends GET /v2/point/{lat}/{lon}/{radius} and returns aircraft with distance and direction', async () => {
    const response = await api.make().nearby(heathrow);
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/point/51.47/-0.45/25', body: '' });
    expect(response.ac.map((a) => a.hex)).toEqual(['406b1f', '~2a1b3c', '4ca87c']);
    for (const aircraft of response.ac) {
      expect(aircraft.dst).toBeLessThanOrEqual(25);
      expect(aircraft.dir).toBeGreaterThanOrEqual(0);
    }
    expect(response.ac[2]).toMatchObject({ flight: 'RYR4TX', dst: expect.closeTo(12.2, 0) });
  });

  it('takes the whole range: radius 250 nm, lat ±90, lon ±180', async () => {
    await api.make().nearby({ lat: -90, lon: 180, radiusNm: 250 });
    expect(api.only().path).toBe('/v2/point/-90/180/250');
  });

  it.each([
    [{ ...heathrow, lat: 90.5 }, 'lat: must be between -90 and 90'],
    [{ ...heathrow, lat: Number.NaN }, 'lat:'],
    [{ ...heathrow, lon: -181 }, 'lon: must be between -180 and 180'],
    [{ ...heathrow, radiusNm: 0 }, 'radiusNm: must be greater than 0'],
    [{ ...heathrow, radiusNm: 251 }, 'radiusNm: must be at most 250 nautical miles'],
    [{ ...heathrow, radiusNm: 25.5 }, 'radiusNm: must be a whole number of nautical miles'],
    [{ lat: 51.47, lon: -0.45 }, 'radiusNm:'],
    [{ ...heathrow, radius: 25 }, 'Unrecognized key: "radius"'],
  ])('rejects %j before the network', async (area, message) => {
    expect((await api.validationError(api.make().nearby(area as never))).message).toContain(message);
  });
});

describe('closest()', () => {
  it('sends GET /v2/closest/{lat}/{lon}/{radius} and returns the nearest aircraft', async () => {
    const response = await api.make().closest(heathrow);
    expect(api.only()).toMatchObject({ method: 'GET', path: '/v2/closest/51.47/-0.45/25' });
    expect(response.total).toBe(1);
    expect(response.ac[0]).toMatchObject({ hex: '406b1f', alt_baro: 'ground', dst: expect.any(Number), dir: expect.any(Number) });
  });

  it('returns an empty envelope when no aircraft is within the radius', async () => {
    const response = await api.make().closest({ lat: -45, lon: 170, radiusNm: 10 });
    expect(response.ac).toEqual([]);
  });

  it('validates like nearby()', async () => {
    expect((await api.validationError(api.make().closest({ ...heathrow, radiusNm: 300 }))).message).toContain('Invalid closest() input: radiusNm');
  });
});
