import { describe, expect, it } from 'vitest';
import { convertUnits, errorHandlers, fixtures } from '../src/mocks/index.js';
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

  it('fixtures follow the documented shapes: numeric cod on /weather, string cod on /forecast, 40 steps', () => {
    expect(fixtures.currentWeather.cod).toBe(200);
    expect(fixtures.forecast.cod).toBe('200');
    expect(fixtures.forecast.list).toHaveLength(40);
    expect(fixtures.oneCall.hourly).toHaveLength(48);
    expect(fixtures.oneCall.daily).toHaveLength(8);
    expect(fixtures.oneCall.minutely).toHaveLength(61);
  });
});
