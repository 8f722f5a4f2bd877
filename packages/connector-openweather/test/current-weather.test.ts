import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CurrentWeather } from '../src/index.js';
import { caught, connect, expectStandardRequest, onlyRequest, queryOf, useMockServer } from './helpers.js';

const ctx = useMockServer();

describe('current(location)', () => {
  it('asks /data/2.5/weather by coordinates, with the key in appid and units always sent', async () => {
    const { client } = connect(ctx.server);
    const weather = await client.current({ lat: 44.34, lon: 10.99 });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/2.5/weather');
    expect(queryOf(request)).toEqual({ lat: '44.34', lon: '10.99', units: 'standard' });
    expect(weather).toMatchObject({ name: 'Zocca', units: 'standard', main: { temp: 298.48 }, coord: { lat: 44.34, lon: 10.99 } });
    expect(weather.cod).toBe(200);
    expectTypeOf(weather).toEqualTypeOf<CurrentWeather<'standard'>>();
  });

  it('sends a city with state and country as q, a city id as id, a zip with country as zip', async () => {
    const { client } = connect(ctx.server);
    await client.current({ city: 'London', country: 'GB' });
    await client.current({ city: 'London', state: 'KY', country: 'US' }).catch(() => undefined);
    await client.current({ cityId: 2643743 });
    await client.current({ zip: 'E14', country: 'GB' });
    await client.current({ zip: 'E14' });
    expect(ctx.server.requests.map((r) => queryOf(r))).toEqual([
      { q: 'London,GB', units: 'standard' },
      { q: 'London,KY,US', units: 'standard' },
      { id: '2643743', units: 'standard' },
      { zip: 'E14,GB', units: 'standard' },
      { zip: 'E14', units: 'standard' },
    ]);
  });

  it('uses the client units and lang, and a call can override both; the result says which units it is in', async () => {
    const { client } = connect(ctx.server, { units: 'metric', lang: 'de' });
    const metric = await client.current({ city: 'London' });
    expectTypeOf(metric.units).toEqualTypeOf<'metric'>();
    expect(metric.units).toBe('metric');
    expect(metric.main.temp).toBeCloseTo(15.97, 2);
    const imperial = await client.current({ city: 'London' }, { units: 'imperial', lang: 'zh_cn' });
    expectTypeOf(imperial.units).toEqualTypeOf<'imperial'>();
    expect(imperial).toMatchObject({ units: 'imperial', main: { temp: 60.75 } });
    expect(ctx.server.requests.map((r) => queryOf(r))).toEqual([
      { q: 'London', units: 'metric', lang: 'de' },
      { q: 'London', units: 'imperial', lang: 'zh_cn' },
    ]);
  });

  it('keeps a proxy path prefix in front of /data/2.5 (the bug that sent every request to the wrong URL)', async () => {
    const { client } = connect(ctx.server, { baseUrl: `${ctx.server.baseUrl}/proxy` });
    const weather = await client.current({ lat: 44.34, lon: 10.99 });
    expect(onlyRequest(ctx.server).path).toBe('/proxy/data/2.5/weather');
    expect(weather.name).toBe('Zocca');
  });

  it('passes call options through: a caller-chosen correlation id and extra headers', async () => {
    const { client } = connect(ctx.server);
    await client.current({ lat: 1, lon: 2 }, { requestId: 'my-correlation-id', headers: { 'x-trace': 'abc' } });
    const request = onlyRequest(ctx.server);
    expect(request.headers['x-request-id']).toBe('my-correlation-id');
    expect(request.headers['x-trace']).toBe('abc');
  });

  it.each([
    [{ lat: 91, lon: 0 }, 'location.lat', 'between -90 and 90'],
    [{ lat: 0, lon: -180.5 }, 'location.lon', 'between -180 and 180'],
    [{ lat: Number.NaN, lon: 0 }, 'location.lat', 'must be a number'],
    [{ lat: 1, lng: 2 }, 'location', 'lng'],
    [{ city: '  ' }, 'location.city', 'must not be empty'],
    [{ city: 'London,GB' }, 'location.city', 'comma'],
    [{ city: 'London', state: 'KY' }, 'location.country', 'needs country when state is given'],
    [{ city: 'London', country: 'GBR' }, 'location.country', 'ISO 3166'],
    [{ cityId: 1.5 }, 'location.cityId', 'integer'],
    [{ zip: '' }, 'location.zip', 'must not be empty'],
    [{ town: 'London' }, 'location', 'one of { lat, lon }'],
    [null, 'location', 'one of { lat, lon }'],
  ])('rejects %j with VALIDATION_ERROR naming %s, before the network', async (location, path, rule) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.current(location as never));
    expect(error.code).toBe('VALIDATION_ERROR');
    const issues = error.issues as Array<{ path: string; message: string }>;
    expect(issues.some((i) => i.path === path && `${i.path} ${i.message}`.includes(rule))).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
  });

  // A 200,000-character city name was sent and answered 431: over-long names are refused before the network.
  it.each([
    ['city of 200,000 characters', { city: 'x'.repeat(200_000) }, 'location.city', 'must be at most 200 characters'],
    ['city of 201 characters', { city: 'x'.repeat(201) }, 'location.city', 'must be at most 200 characters'],
    ['state of 201 characters', { city: 'London', state: 'x'.repeat(201), country: 'US' }, 'location.state', 'must be at most 200 characters'],
    ['zip of 21 characters', { zip: '1'.repeat(21) }, 'location.zip', 'must be at most 20 characters'],
  ])('rejects a %s with VALIDATION_ERROR naming the field and the rule, before the network', async (_, location, path, rule) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.current(location));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path, message: expect.stringContaining(rule) }] });
    expect(error.message.length).toBeLessThan(500);
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('sends a 200-character city name (the longest allowed: longer than any real place name)', async () => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.current({ city: 'x'.repeat(200), country: 'GB' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(onlyRequest(ctx.server).query.get('q')).toBe(`${'x'.repeat(200)},GB`);
  });

  it('rejects bad units and lang before the network', async () => {
    const { client } = connect(ctx.server);
    const units = await caught(() => client.current({ lat: 0, lon: 0 }, { units: 'kelvin' as never }));
    expect(units).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'units', message: expect.stringContaining('metric') }] });
    const lang = await caught(() => client.current({ lat: 0, lon: 0 }, { lang: 'english' }));
    expect(lang).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'lang' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});
