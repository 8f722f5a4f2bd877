import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DaySummary, OneCallForecast, OneCallTimemachine, WeatherOverview } from '../src/index.js';
import { FakeClock } from '@cf/core';
import { createHandlers, errorHandlers } from '../src/mocks/index.js';
import { caught, connect, expectStandardRequest, onlyRequest, queryOf, useMockServer } from './helpers.js';

const ctx = useMockServer();
const HERE = { lat: 33.44, lon: -94.04 };

describe('oneCall(location, { exclude })', () => {
  it('asks /data/3.0/onecall with exclude joined by commas; excluded blocks are absent', async () => {
    const { client } = connect(ctx.server, { units: 'metric' });
    const forecast = await client.oneCall(HERE, { exclude: ['minutely', 'alerts'], lang: 'fr' });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/3.0/onecall');
    expect(queryOf(request)).toEqual({ lat: '33.44', lon: '-94.04', units: 'metric', lang: 'fr', exclude: 'minutely,alerts' });
    expectTypeOf(forecast).toEqualTypeOf<OneCallForecast<'metric'>>();
    expect(forecast).toMatchObject({ units: 'metric', timezone: 'America/Chicago', current: { temp: 19.4 } });
    expect(forecast.hourly).toHaveLength(48);
    expect(forecast.daily).toHaveLength(8);
    expect(forecast.minutely).toBeUndefined();
    expect(forecast.alerts).toBeUndefined();
  });

  it('returns every block when nothing is excluded', async () => {
    const { client } = connect(ctx.server);
    const forecast = await client.oneCall(HERE);
    expect(queryOf(onlyRequest(ctx.server))).toEqual({ lat: '33.44', lon: '-94.04', units: 'standard' });
    expect(forecast.minutely).toHaveLength(61);
    expect(forecast.alerts?.[0]?.event).toBe('Small Craft Advisory');
    expect(forecast.daily?.[0]?.temp.max).toBe(300.35);
  });

  it.each([
    [{ exclude: ['hourly', 'weekly'] }, 'exclude[1]'],
    [{ exclude: ['hourly', 'hourly'] }, 'exclude'],
    [{ exclude: ['current', 'minutely', 'hourly', 'daily', 'alerts'] }, 'exclude'],
  ])('rejects %j naming %s, before the network', async (options, path) => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.oneCall(HERE, options as never))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path }] });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('refuses a city (One Call takes coordinates only) before the network', async () => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.oneCall({ city: 'London' } as never))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'location' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('says the key is not subscribed to One Call 3.0 on its 401, not "invalid key"', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(errorHandlers.oneCallNotSubscribed());
    const error = await caught(() => client.oneCall(HERE));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, retryable: false });
    expect(error.message).toContain('this key is not subscribed to One Call 3.0');
    expect(error.message).not.toContain('Invalid API key');
    expect(error.body).toMatchObject({ cod: 401 });
    expect(ctx.server.requests).toHaveLength(1);
    // The same key still works on the free endpoints.
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
  });
});

describe('oneCall.at(location, time)', () => {
  it('asks /data/3.0/onecall/timemachine with dt in epoch seconds', async () => {
    const { client } = connect(ctx.server);
    const past = await client.oneCall.at(HERE, new Date('2022-02-02T12:00:00Z'), { units: 'imperial' });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/3.0/onecall/timemachine');
    expect(queryOf(request)).toEqual({ lat: '33.44', lon: '-94.04', dt: '1643803200', units: 'imperial' });
    expectTypeOf(past).toEqualTypeOf<OneCallTimemachine<'imperial'>>();
    expect(past).toMatchObject({ units: 'imperial', data: [{ dt: 1643803200, temp: 42.76 }] });
  });

  it('takes a time exactly 4 days ahead of the client clock (the forecast end)', async () => {
    const { client, clock } = connect(ctx.server);
    const last = Math.floor(clock.now() / 1000) + 4 * 86_400;
    await client.oneCall.at(HERE, last);
    expect(queryOf(onlyRequest(ctx.server)).dt).toBe(String(last));
  });

  it('refuses a time more than 4 days ahead of the client clock, naming the field and the rule', async () => {
    const { client, clock } = connect(ctx.server);
    const error = await caught(() => client.oneCall.at(HERE, new Date(clock.now() + 4 * 86_400_000 + 1000)));
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'time', message: 'must not be more than 4 days ahead (after 2026-01-05T00:00:00.000Z): the timemachine forecast ends there' }],
    });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it.each([
    [Date.UTC(2022, 1, 2), 'milliseconds'],
    [new Date('1970-06-01'), '1979-01-01'],
    [new Date('1978-12-31T23:59:59Z'), '1979-01-01'],
    ['yesterday', 'Date or epoch seconds'],
  ])('rejects %j before the network', async (time, rule) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.oneCall.at(HERE, time as never));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'time', message: expect.stringContaining(rule) }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('oneCall.daySummary(location, date)', () => {
  it('asks /data/3.0/onecall/day_summary with date as YYYY-MM-DD and tz', async () => {
    const { client } = connect(ctx.server, { units: 'metric' });
    const day = await client.oneCall.daySummary(HERE, new Date('2020-03-04T18:00:00Z'), { tz: '+05:30' });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/3.0/onecall/day_summary');
    expect(queryOf(request)).toEqual({ lat: '33.44', lon: '-94.04', date: '2020-03-04', tz: '+05:30', units: 'metric' });
    expectTypeOf(day).toEqualTypeOf<DaySummary<'metric'>>();
    expect(day).toMatchObject({ units: 'metric', date: '2020-03-04', tz: '+05:30', temperature: { max: 26.09 }, wind: { max: { speed: 8.7 } } });
  });

  it.each([
    ['2020-02-30', 'date', 'real calendar date'],
    ['04/03/2020', 'date', 'YYYY-MM-DD'],
    ['1979-01-01', 'date', '1979-01-02'],
  ])('rejects %j naming %s, before the network', async (date, path, rule) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.oneCall.daySummary(HERE, date));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path, message: expect.stringContaining(rule) }] });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('rejects a malformed tz before the network', async () => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.oneCall.daySummary(HERE, '2024-01-01', { tz: 'Europe/Paris' }))).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'tz' }],
    });
    expect(ctx.server.requests).toHaveLength(0);
  });
});

describe('oneCall.overview(location)', () => {
  it('asks /data/3.0/onecall/overview with units (and no lang, which the endpoint does not take)', async () => {
    const clock = new FakeClock(Date.UTC(2024, 4, 13, 9));
    const { client } = connect(ctx.server, { lang: 'de', clock });
    ctx.server.use(...createHandlers({ now: () => clock.now() }));
    const overview = await client.oneCall.overview({ lat: 51.509865, lon: -0.118092 }, { date: '2024-05-14' });
    const request = onlyRequest(ctx.server);
    expectStandardRequest(request, '/data/3.0/onecall/overview');
    expect(queryOf(request)).toEqual({ lat: '51.509865', lon: '-0.118092', date: '2024-05-14', units: 'standard' });
    expectTypeOf(overview).toEqualTypeOf<WeatherOverview<'standard'>>();
    expect(overview).toMatchObject({ units: 'standard', date: '2024-05-14', weather_overview: expect.stringContaining('Broken clouds') });
  });

  // 2026-01-01T00:00Z: somewhere it is still 2025-12-31 (UTC-12), somewhere already 2026-01-01 14:00 (UTC+14), so
  // "today or tomorrow at the location" is one of 2025-12-31 … 2026-01-02.
  it.each(['2025-12-31', '2026-01-01', '2026-01-02'])('takes %s, today or tomorrow somewhere on Earth', async (date) => {
    const { client, clock } = connect(ctx.server);
    ctx.server.use(...createHandlers({ now: () => clock.now() }));
    await client.oneCall.overview({ lat: 0, lon: date === '2025-12-31' ? -179 : 179 }, { date });
    expect(queryOf(onlyRequest(ctx.server)).date).toBe(date);
  });

  it.each(['2025-12-30', '2026-01-03', '2024-05-14'])('refuses %s, neither today nor tomorrow anywhere, before the network', async (date) => {
    const { client } = connect(ctx.server);
    const error = await caught(() => client.oneCall.overview(HERE, { date }));
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'date', message: 'must be today or tomorrow at the location (2025-12-31 to 2026-01-02 by the client clock, depending on its time zone)' }],
    });
    expect(ctx.server.requests).toHaveLength(0);
  });

  it('rejects a bad date before the network', async () => {
    const { client } = connect(ctx.server);
    expect(await caught(() => client.oneCall.overview(HERE, { date: 'tomorrow' }))).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'date' }] });
    expect(ctx.server.requests).toHaveLength(0);
  });
});
