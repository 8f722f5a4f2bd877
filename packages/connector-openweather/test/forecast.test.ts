import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ForecastEntry } from '../src/index.js';
import { caught, connect, expectStandardRequest, onlyRequest, queryOf, useMockServer } from './helpers.js';

const ctx = useMockServer();

describe('forecast(location, { count })', () => {
  it('asks /data/2.5/forecast with cnt, and normalises the string cod "200" to 200', async () => {
    const { client } = connect(ctx.server, { units: 'metric' });
    const forecast = await client.forecast({ lat: 44.34, lon: 10.99 }, { count: 3, lang: 'it' });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/2.5/forecast');
    expect(queryOf(request)).toEqual({ lat: '44.34', lon: '10.99', units: 'metric', lang: 'it', cnt: '3' });
    expect(forecast).toMatchObject({ cod: 200, cnt: 3, units: 'metric', city: { name: 'Zocca', country: 'IT' } });
    expect(forecast.list).toHaveLength(3);
    expect(forecast.list[0]).toMatchObject({ dt: 1661871600, dt_txt: '2022-08-30 15:00:00', main: { temp: 18.85, temp_kf: -1.11 } });
  });

  it('is iterable over its 3-hour entries, with for…of and for await…of, and still compares as plain data', async () => {
    const { client } = connect(ctx.server);
    const forecast = await client.forecast({ city: 'London', country: 'GB' });
    const dts: number[] = [];
    for (const entry of forecast) dts.push(entry.dt);
    expect(dts).toHaveLength(40);
    expect(dts[1]! - dts[0]!).toBe(10_800);
    let awaited = 0;
    for await (const entry of forecast) {
      expectTypeOf(entry).toEqualTypeOf<ForecastEntry>();
      awaited += 1;
    }
    expect(awaited).toBe(40);
    expect(JSON.parse(JSON.stringify(forecast))).toEqual({ ...forecast });
    expect(queryOf(ctx.server.requests[0]!)).toEqual({ q: 'London,GB', units: 'standard' });
    expect(forecast.city.name).toBe('London');
  });

  it.each([0, 41, 2.5, '10'])('rejects count %j with VALIDATION_ERROR before the network', async (count) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.forecast({ lat: 0, lon: 0 }, { count: count as number }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'count' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('rejects a bad location before the network', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.forecast({ city: '' }));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'location.city' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});
