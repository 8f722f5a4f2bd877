import { describe, expect, it } from 'vitest';
import { caught, connect, expectStandardRequest, onlyRequest, queryOf, useMockServer } from './helpers.js';

const ctx = useMockServer();
const HERE = { lat: 50, lon: 50 };

describe('airPollution', () => {
  it('current asks /data/2.5/air_pollution with coordinates only (no units: μg/m³ always)', async () => {
    const { client } = connect(ctx.server, { units: 'imperial' });
    const air = await client.airPollution.current(HERE);
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/2.5/air_pollution');
    expect(queryOf(request)).toEqual({ lat: '50', lon: '50' });
    expect(air.coord).toEqual({ lon: 50, lat: 50 });
    expect(air.list[0]).toMatchObject({ dt: 1606147200, main: { aqi: 2 }, components: { pm2_5: 23.25, pm10: 92.21 } });
  });

  it('forecast asks /data/2.5/air_pollution/forecast and returns 4 days hourly', async () => {
    const { client } = connect(ctx.server);
    const air = await client.airPollution.forecast(HERE);
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/2.5/air_pollution/forecast');
    expect(queryOf(request)).toEqual({ lat: '50', lon: '50' });
    expect(air.list).toHaveLength(96);
    expect(air.list[1]!.dt - air.list[0]!.dt).toBe(3600);
  });

  it('history sends start and end as epoch seconds, from Dates or numbers', async () => {
    const { client } = connect(ctx.server);
    const air = await client.airPollution.history(HERE, { start: new Date('2024-01-01T00:00:00Z'), end: 1_704_078_000 });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/2.5/air_pollution/history');
    expect(queryOf(request)).toEqual({ lat: '50', lon: '50', start: '1704067200', end: '1704078000' });
    expect(air.list.map((e) => e.dt)).toEqual([1704067200, 1704070800, 1704074400, 1704078000]);
  });

  it.each([
    [{ start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) }, 'start', 'milliseconds'],
    [{ start: 1_704_067_200, end: 1_704_000_000 }, 'end', 'must not be before start'],
    [{ start: new Date('2019-05-01'), end: new Date('2024-01-01') }, 'start', '2020-11-27'],
    [{ start: new Date('invalid'), end: 1_704_067_200 }, 'start', 'valid Date'],
    [{ start: '2024-01-01', end: 1_704_067_200 }, 'start', 'Date or epoch seconds'],
    [{ end: 1_704_067_200 }, 'start', 'Date or epoch seconds'],
  ])('history rejects %j naming %s, before the network', async (range, path, rule) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.airPollution.history(HERE, range as never));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.issues).toEqual([{ path, message: expect.stringContaining(rule) }]);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('current and forecast reject bad coordinates before the network', async () => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.airPollution.current({ lat: 50, lon: 200 }))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'location.lon' }] });
    expect(await caught(() => client.airPollution.forecast({ lat: -100, lon: 0 }))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'location.lat' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('refuses a city: these endpoints take coordinates only', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.airPollution.current({ city: 'London' } as never));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('geocode()') });
    expect(ctx.server.requests).toHaveLength(0);
  });
});
