/**
 * Quickstart, runnable offline against the package's own mocks: `npx tsx --conditions=@cf/source examples/quickstart.ts`.
 * To call the real API, drop the mock server and the `baseUrl`, and set OPENWEATHER_API_KEY.
 */
import { pathToFileURL } from 'node:url';
import { startMockServer } from '@cf/core/testing';
import { OpenWeatherConnector } from '@cf/connector-openweather';
import { handlers } from '@cf/connector-openweather/mocks';

export async function quickstart(log: (line: string) => void = console.log): Promise<void> {
  const server = await startMockServer(handlers);
  const weather = new OpenWeatherConnector({ apiKey: process.env.OPENWEATHER_API_KEY ?? 'demo-key', units: 'metric', baseUrl: server.baseUrl });

  const now = await weather.current({ city: 'London', country: 'GB' });
  log(`${now.name}: ${now.main.temp} °C (${now.units}), ${now.weather[0]?.description ?? ''}`);
  for (const step of await weather.forecast({ lat: 51.51, lon: -0.13 }, { count: 3 })) log(`${step.dt_txt ?? step.dt}: ${step.main.temp} °C`);
  const [place] = await weather.geocode('London,GB', { limit: 1 });
  const air = await weather.airPollution.current({ lat: place?.lat ?? 51.51, lon: place?.lon ?? -0.13 });
  log(`Air quality index: ${air.list[0]?.main.aqi ?? '?'} (1 good … 5 very poor)`);

  await weather.disconnect();
  await server.close();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await quickstart();
