import { describe, expect, it } from 'vitest';
import { metadata } from '../src/index.js';
import { convertUnits, createHandlers, errorHandlers, fixtures } from '../src/mocks/index.js';
import { caught, connect, useMockServer } from './helpers.js';

const ctx = useMockServer();

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${ctx.server.baseUrl}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('the mocks shipped as @cf/connector-openweather/mocks', () => {
  it('answer 401 without a key, like the API', async () => {
    expect(await get('/data/2.5/weather?lat=1&lon=1')).toEqual({ status: 401, body: fixtures.errors.invalidApiKey });
  });

  it('answer 400 "wrong latitude" and "Nothing to geocode" as the API does', async () => {
    expect(await get('/data/2.5/weather?lat=95&lon=1&appid=k')).toEqual({ status: 400, body: { cod: '400', message: 'wrong latitude' } });
    expect(await get('/data/2.5/weather?appid=k')).toEqual({ status: 400, body: { cod: '400', message: 'Nothing to geocode' } });
    expect(await get('/geo/1.0/direct?q=&appid=k')).toEqual({ status: 400, body: { cod: '400', message: 'Nothing to geocode' } });
  });

  it('serve any path prefix (a proxy) and convert Kelvin fixtures to the requested units', async () => {
    const metric = await get('/some/proxy/data/2.5/weather?q=Zocca&units=metric&appid=k');
    expect(metric.status).toBe(200);
    expect(metric.body).toMatchObject({ name: 'Zocca', main: { temp: 25.33, humidity: 64 }, wind: { speed: 0.62 } });
    const imperial = convertUnits(fixtures.forecast, 'imperial');
    expect(imperial.list[0]?.main).toMatchObject({ temp: 65.93, temp_kf: -1.11 });
    expect(imperial.list[0]?.wind.speed).toBe(1.39);
    expect(convertUnits(fixtures.oneCallDaySummary, 'metric').temperature.min).toBe(13.33);
  });

  it('error handlers answer a set number of times, then let the happy path through', async () => {
    const { client } = connect(ctx.server);
    ctx.server.use(errorHandlers.serverError(503, { times: 1 }), errorHandlers.cityNotFound({ times: 1 }));
    // Handlers passed to one use() call run in the order given.
    expect(await caught(() => client.current({ city: 'Zocca' }, { retry: false }))).toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    expect(await caught(() => client.current({ city: 'Zocca' }, { retry: false }))).toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.current({ city: 'Zocca' })).resolves.toMatchObject({ name: 'Zocca' });
  });

  it('oneCallNotSubscribed only affects One Call', async () => {
    ctx.server.use(errorHandlers.oneCallNotSubscribed());
    expect((await get('/data/3.0/onecall?lat=1&lon=1&appid=k')).status).toBe(401);
    expect((await get('/data/3.0/onecall/overview?lat=1&lon=1&appid=k')).status).toBe(401);
    expect((await get('/data/2.5/weather?lat=1&lon=1&appid=k')).status).toBe(200);
  });

  it('refuse what the API refuses: a timemachine dt outside 1979-01-01 … 4 days ahead, an overview date not today or tomorrow', async () => {
    const now = Date.UTC(2026, 0, 1, 12);
    ctx.server.use(...createHandlers({ now: () => now }));
    const dt = (seconds: number) => get(`/data/3.0/onecall/timemachine?lat=1&lon=1&dt=${seconds}&appid=k`);
    expect((await dt(283_996_800)).status).toBe(200);
    expect(await dt(283_996_799)).toEqual({ status: 400, body: { cod: 400, message: 'Invalid dt', parameters: ['dt'] } });
    expect((await dt(now / 1000 + 4 * 86_400)).status).toBe(200);
    expect(await dt(now / 1000 + 4 * 86_400 + 1)).toEqual({ status: 400, body: { cod: 400, message: 'Invalid dt', parameters: ['dt'] } });
    // Today and tomorrow where the point is: at lon 0 that is 2026-01-01 and 2026-01-02.
    const overview = (date: string, lon = 0) => get(`/data/3.0/onecall/overview?lat=1&lon=${lon}&date=${date}&appid=k`);
    expect((await overview('2026-01-01')).status).toBe(200);
    expect((await overview('2026-01-02')).status).toBe(200);
    expect(await overview('2026-01-03')).toEqual({ status: 400, body: fixtures.errors.invalidDate });
    expect(await overview('2025-12-31')).toEqual({ status: 400, body: fixtures.errors.invalidDate });
    // At lon 179 (about UTC+12) it is already 2026-01-02 at 12:00 UTC, so 2026-01-03 is tomorrow there.
    expect((await overview('2026-01-03', 179)).status).toBe(200);
  });

  it('answer 431 to a request line longer than 8 KB, as the API answered a 200,000-character city name', async () => {
    const response = await fetch(`${ctx.server.baseUrl}/data/2.5/weather?q=${'x'.repeat(9000)}&appid=k`);
    expect(response.status).toBe(431);
    expect((await get(`/data/2.5/weather?q=${'x'.repeat(200)}&appid=k`)).status).toBe(404);
  });

  it('answer an unknown route with 404 "Internal error", whatever the location', async () => {
    expect(await get('/data/2.5/onecall?lat=1&lon=1&appid=k')).toEqual({ status: 404, body: fixtures.errors.unknownRoute });
    expect(await get('/data/4.0/weather?q=London&appid=k')).toEqual({ status: 404, body: fixtures.errors.unknownRoute });
  });

  it('fixtures follow the documented shapes: numeric cod on /weather, string cod on /forecast, 40 steps', () => {
    expect(fixtures.currentWeather.cod).toBe(200);
    expect(fixtures.forecast.cod).toBe('200');
    expect(fixtures.forecast.list).toHaveLength(40);
    expect(fixtures.oneCall.hourly).toHaveLength(48);
    expect(fixtures.oneCall.daily).toHaveLength(8);
    expect(fixtures.oneCall.minutely).toHaveLength(61);
  });

  it("answer the block the way metadata.limitModel declares it (429, OpenWeather's body, no Retry-After)", async () => {
    ctx.server.use(errorHandlers.accountBlocked());
    const response = await fetch(`${ctx.server.baseUrl}/data/2.5/weather?lat=1&lon=1&appid=k`);
    expect(response.status).toBe(metadata.limitModel?.rateLimitedAnswer.status);
    expect(response.headers.has('retry-after')).toBe(metadata.limitModel?.rateLimitedAnswer.retryAfter);
    expect(await response.json()).toEqual(metadata.limitModel?.rateLimitedAnswer.body);
  });
});
