import { describe, expect, it } from 'vitest';
import { OpenWeatherConnector } from '../src/index.js';

// Opt-in: runs against the real API only with OPENWEATHER_API_KEY set; each run costs about 5 calls
// of the free minute quota. One Call 3.0 runs only with OPENWEATHER_ONE_CALL=1 (it needs the subscription).
const apiKey = process.env.OPENWEATHER_API_KEY;

describe.skipIf(!apiKey)('live: OpenWeather API', () => {
  const client = () => new OpenWeatherConnector({ apiKey: apiKey ?? '', units: 'metric' });

  it('current weather by coordinates', async () => {
    const weather = await client().current({ lat: 51.5085, lon: -0.1257 });
    expect(weather).toMatchObject({ units: 'metric', cod: 200 });
    expect(weather.main.temp).toBeGreaterThan(-60);
    expect(weather.main.temp).toBeLessThan(60);
  });

  it('forecast with count, cod normalised', async () => {
    const forecast = await client().forecast({ city: 'London', country: 'GB' }, { count: 2 });
    expect(forecast.cod).toBe(200);
    expect([...forecast]).toHaveLength(2);
  });

  it('geocoding and air pollution', async () => {
    const [place] = await client().geocode('London,GB', { limit: 1 });
    expect(place?.country).toBe('GB');
    const air = await client().airPollution.current({ lat: place?.lat ?? 51.5, lon: place?.lon ?? -0.12 });
    expect(air.list[0]?.main.aqi).toBeGreaterThanOrEqual(1);
  });

  it('unknown city is NOT_FOUND', async () => {
    await expect(client().current({ city: 'Xyzzyqwertyville' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.skipIf(process.env.OPENWEATHER_ONE_CALL !== '1')('One Call 3.0', async () => {
    const forecast = await client().oneCall({ lat: 33.44, lon: -94.04 }, { exclude: ['minutely', 'alerts'] });
    expect(forecast.units).toBe('metric');
    expect(forecast.hourly?.length).toBeGreaterThan(0);
  });
});
