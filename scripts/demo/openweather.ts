import { OpenWeatherConnector } from '@cf/connector-openweather';
import { handlers } from '@cf/connector-openweather/mocks';
import type { Tour } from './tour.js';

export const openWeatherTour: Tour<OpenWeatherConnector<'metric'>> = {
  name: 'OpenWeather: weather within a free-tier quota',
  live: (env) => (env.OPENWEATHER_API_KEY ? new OpenWeatherConnector({ apiKey: env.OPENWEATHER_API_KEY, units: 'metric' }) : undefined),
  sandbox: (url) => new OpenWeatherConnector({ apiKey: 'sandbox-key', units: 'metric', baseUrl: url }),
  handlers,
  async run(weather, log) {
    const now = await weather.current({ city: 'London', country: 'GB' });
    log(`${now.name}: ${now.main.temp} °C (units: ${now.units}), ${now.weather[0]?.description ?? ''}`);
    const steps = [];
    for (const step of await weather.forecast({ lat: 51.51, lon: -0.13 }, { count: 3 })) steps.push(`${step.dt_txt ?? step.dt} ${step.main.temp} °C`);
    log(`next 9 hours: ${steps.join(' | ')}`);
    const air = await weather.airPollution.current({ lat: 51.51, lon: -0.13 });
    log(`air quality index ${air.list[0]?.main.aqi ?? '?'} (1 good … 5 very poor)`);
  },
};
