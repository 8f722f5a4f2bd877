/**
 * Realistic OpenWeather responses, shaped after the examples in the API documentation
 * (https://openweathermap.org/current, /forecast5, /api/geocoding-api, /api/air-pollution, /api/one-call-3).
 * Temperatures are in Kelvin (`standard`); the mock handlers convert them to the requested `units`.
 */

const round2 = (n: number): number => Math.round(n * 100) / 100;
const condition = (id: number, main: string, description: string, icon: string) => ({ id, main, description, icon });
const RAIN = condition(501, 'Rain', 'moderate rain', '10d');
const LIGHT_RAIN = condition(500, 'Rain', 'light rain', '10d');
const CLOUDS = condition(803, 'Clouds', 'broken clouds', '04d');
const CLEAR = condition(800, 'Clear', 'clear sky', '01d');

/** `GET /data/2.5/weather?lat=44.34&lon=10.99`: the documentation's example (note the numeric `cod`). */
export const currentWeather = {
  coord: { lon: 10.99, lat: 44.34 },
  weather: [RAIN],
  base: 'stations',
  main: { temp: 298.48, feels_like: 298.74, temp_min: 297.56, temp_max: 300.05, pressure: 1015, humidity: 64, sea_level: 1015, grnd_level: 933 },
  visibility: 10000,
  wind: { speed: 0.62, deg: 349, gust: 1.18 },
  rain: { '1h': 3.16 },
  clouds: { all: 100 },
  dt: 1661870592,
  sys: { type: 2, id: 2075663, country: 'IT', sunrise: 1661834187, sunset: 1661882248 },
  timezone: 7200,
  id: 3163858,
  name: 'Zocca',
  cod: 200,
};

/** `GET /data/2.5/weather?q=London,GB`. */
export const currentWeatherLondon = {
  coord: { lon: -0.1257, lat: 51.5085 },
  weather: [CLOUDS],
  base: 'stations',
  main: { temp: 289.12, feels_like: 288.64, temp_min: 287.9, temp_max: 290.37, pressure: 1012, humidity: 72, sea_level: 1012, grnd_level: 1008 },
  visibility: 10000,
  wind: { speed: 4.63, deg: 240 },
  clouds: { all: 75 },
  dt: 1661870400,
  sys: { type: 2, id: 2075535, country: 'GB', sunrise: 1661835820, sunset: 1661885236 },
  timezone: 3600,
  id: 2643743,
  name: 'London',
  cod: 200,
};

const FORECAST_START = 1661871600; // 2022-08-30 15:00:00 UTC
function forecastEntry(i: number) {
  const dt = FORECAST_START + i * 10_800;
  const hourUtc = new Date(dt * 1000).getUTCHours();
  const daytime = hourUtc >= 6 && hourUtc < 18;
  const temp = round2(292 + 4 * Math.sin((i / 8) * 2 * Math.PI) - (i % 8) * 0.1);
  const raining = i % 5 === 0;
  return {
    dt,
    main: {
      temp,
      feels_like: round2(temp + 0.22),
      temp_min: round2(temp - 0.8),
      temp_max: round2(temp + 1.1),
      pressure: 1015 - (i % 4),
      sea_level: 1015 - (i % 4),
      grnd_level: 933,
      humidity: 60 + (i % 7) * 4,
      temp_kf: i < 8 ? -1.11 : 0,
    },
    weather: [raining ? LIGHT_RAIN : i % 3 === 0 ? CLEAR : CLOUDS].map((w) => ({ ...w, icon: w.icon.replace('d', daytime ? 'd' : 'n') })),
    clouds: { all: raining ? 100 : i % 3 === 0 ? 5 : 66 },
    wind: { speed: round2(0.62 + (i % 6) * 0.35), deg: (349 + i * 17) % 360, gust: round2(1.18 + (i % 6) * 0.4) },
    visibility: 10000,
    pop: raining ? 0.32 : round2((i % 4) * 0.05),
    ...(raining ? { rain: { '3h': 0.26 } } : {}),
    sys: { pod: daytime ? 'd' : 'n' },
    dt_txt: new Date(dt * 1000).toISOString().replace('T', ' ').slice(0, 19),
  };
}

/** `GET /data/2.5/forecast?lat=44.34&lon=10.99`: 40 steps of 3 hours (note the string `cod`). */
export const forecast = {
  cod: '200',
  message: 0,
  cnt: 40,
  list: Array.from({ length: 40 }, (_, i) => forecastEntry(i)),
  city: {
    id: 3163858,
    name: 'Zocca',
    coord: { lat: 44.34, lon: 10.99 },
    country: 'IT',
    population: 4593,
    timezone: 7200,
    sunrise: 1661834187,
    sunset: 1661882248,
  },
};

/** `GET /geo/1.0/direct?q=London&limit=5`. */
export const geocodeDirect = [
  {
    name: 'London',
    local_names: { en: 'London', de: 'London', fr: 'Londres', it: 'Londra', ja: 'ロンドン', ascii: 'London', feature_name: 'London' },
    lat: 51.5073219,
    lon: -0.1276474,
    country: 'GB',
    state: 'England',
  },
  { name: 'City of London', local_names: { en: 'City of London', fr: 'Cité de Londres' }, lat: 51.5156177, lon: -0.0919983, country: 'GB', state: 'England' },
  { name: 'London', local_names: { en: 'London', fr: 'London' }, lat: 42.9832406, lon: -81.243372, country: 'CA', state: 'Ontario' },
  { name: 'London', lat: 37.1289771, lon: -84.0832646, country: 'US', state: 'Kentucky' },
  { name: 'London', lat: 39.8864493, lon: -83.4482508, country: 'US', state: 'Ohio' },
];

/** `GET /geo/1.0/reverse?lat=51.5098&lon=-0.1180&limit=5`. */
export const geocodeReverse = [
  { name: 'City of Westminster', local_names: { en: 'City of Westminster', fr: 'Cité de Westminster' }, lat: 51.5004439, lon: -0.1265398, country: 'GB', state: 'England' },
  { name: 'Lambeth', local_names: { en: 'Lambeth' }, lat: 51.4955619, lon: -0.1165926, country: 'GB', state: 'England' },
];

/** `GET /geo/1.0/zip?zip=E14,GB`. */
export const geocodeZip = { zip: 'E14', name: 'London', lat: 51.5128, lon: -0.0638, country: 'GB' };

const pollutants = (k: number) => ({
  co: round2(203.609 * k),
  no: 0,
  no2: round2(0.396 * k),
  o3: round2(75.102 / k),
  so2: round2(0.648 * k),
  pm2_5: round2(23.253 * k),
  pm10: round2(92.214 * k),
  nh3: round2(0.117 * k),
});

/** `GET /data/2.5/air_pollution?lat=50&lon=50`: the documentation's example. */
export const airPollution = {
  coord: { lon: 50, lat: 50 },
  list: [{ dt: 1606147200, main: { aqi: 2 }, components: pollutants(1) }],
};

/** Hourly air quality entries from `start` (Unix seconds), `count` of them. */
export function airPollutionSeries(start: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const k = 1 + ((i % 12) - 6) / 20;
    return { dt: start + i * 3600, main: { aqi: 1 + (i % 5) }, components: pollutants(k) };
  });
}

/** `GET /data/2.5/air_pollution/forecast?lat=50&lon=50`: 4 days, hourly. */
export const airPollutionForecast = { coord: { lon: 50, lat: 50 }, list: airPollutionSeries(1606150800, 96) };

const ONE_CALL_NOW = 1684929490; // 2023-05-24 11:58:10 UTC
const observation = (dt: number, temp: number) => ({
  dt,
  temp,
  feels_like: round2(temp + 0.32),
  pressure: 1014,
  humidity: 89,
  dew_point: round2(temp - 1.86),
  uvi: 0.16,
  clouds: 53,
  visibility: 10000,
  wind_speed: 3.13,
  wind_deg: 93,
  wind_gust: 6.71,
  weather: [CLOUDS],
});

/** `GET /data/3.0/onecall?lat=33.44&lon=-94.04`: all five blocks (minute for 1 h, hourly for 48 h, daily for 8 days, alerts). */
export const oneCall = {
  lat: 33.44,
  lon: -94.04,
  timezone: 'America/Chicago',
  timezone_offset: -18000,
  current: { ...observation(ONE_CALL_NOW, 292.55), sunrise: 1684926645, sunset: 1684977332 },
  minutely: Array.from({ length: 61 }, (_, i) => ({ dt: 1684929540 + i * 60, precipitation: i > 40 ? round2((i - 40) * 0.05) : 0 })),
  hourly: Array.from({ length: 48 }, (_, i) => ({
    ...observation(1684926000 + i * 3600, round2(292.01 + 5 * Math.sin((i / 24) * 2 * Math.PI))),
    pop: round2((i % 10) / 20),
  })),
  daily: Array.from({ length: 8 }, (_, i) => ({
    dt: 1684951200 + i * 86_400,
    sunrise: 1684926645 + i * 86_400,
    sunset: 1684977332 + i * 86_400,
    moonrise: 1684941060 + i * 86_400,
    moonset: 1684905480 + i * 86_400,
    moon_phase: round2((0.16 + i * 0.034) % 1),
    summary: i % 2 === 0 ? 'Expect a day of partly cloudy with rain' : 'There will be clear sky today',
    temp: { day: 299.03 - i * 0.2, min: 290.69, max: 300.35 - i * 0.1, night: 291.45, eve: 297.51, morn: 292.55 },
    feels_like: { day: 299.21, night: 291.37, eve: 297.86, morn: 292.87 },
    pressure: 1016,
    humidity: 59,
    dew_point: 290.48,
    wind_speed: 3.98,
    wind_deg: 76,
    wind_gust: 8.92,
    weather: [i % 2 === 0 ? LIGHT_RAIN : CLEAR],
    clouds: 92,
    pop: i % 2 === 0 ? 0.47 : 0,
    ...(i % 2 === 0 ? { rain: 0.15 } : {}),
    uvi: 9.23,
  })),
  alerts: [
    {
      sender_name: 'NWS Philadelphia - Mount Holly (New Jersey, Delaware, Southeastern Pennsylvania)',
      event: 'Small Craft Advisory',
      start: 1684952747,
      end: 1684988747,
      description: '...SMALL CRAFT ADVISORY REMAINS IN EFFECT FROM 5 PM THIS AFTERNOON TO 3 AM EST FRIDAY...',
      tags: [],
    },
  ],
};

/** `GET /data/3.0/onecall/timemachine?lat=39.099724&lon=-94.578331&dt=1643803200`. */
export const oneCallTimemachine = {
  lat: 39.0997,
  lon: -94.5783,
  timezone: 'America/Chicago',
  timezone_offset: -21600,
  data: [{ ...observation(1643803200, 279.13), sunrise: 1643806839, sunset: 1643843710, weather: [CLEAR] }],
};

/** `GET /data/3.0/onecall/day_summary?lat=39.099724&lon=-94.578331&date=2020-03-04`. */
export const oneCallDaySummary = {
  lat: 39.099724,
  lon: -94.578331,
  tz: '-06:00',
  date: '2020-03-04',
  units: 'standard',
  cloud_cover: { afternoon: 0 },
  humidity: { afternoon: 33 },
  precipitation: { total: 0 },
  temperature: { min: 286.48, max: 299.24, afternoon: 296.15, night: 289.56, evening: 295.93, morning: 287.59 },
  pressure: { afternoon: 1015 },
  wind: { max: { speed: 8.7, direction: 120 } },
};

/** `GET /data/3.0/onecall/overview?lat=51.509865&lon=-0.118092`. */
export const oneCallOverview = {
  lat: 51.509865,
  lon: -0.118092,
  tz: '+01:00',
  date: '2024-05-13',
  units: 'standard',
  weather_overview:
    'Broken clouds and a light breeze from the south-west today, with the temperature near 290 K and a small chance of a shower in the late afternoon. Visibility is good and the pressure steady at 1012 hPa.',
};

/** Error bodies as OpenWeather sends them: `cod` is a number on some, a string on others. */
export const errorBodies = {
  invalidApiKey: { cod: 401, message: 'Invalid API key. Please see https://openweathermap.org/faq#error401 for more info.' },
  cityNotFound: { cod: '404', message: 'city not found' },
  /** An unknown route or API version (e.g. the retired `/data/2.5/onecall`), whatever the location. */
  unknownRoute: { cod: '404', message: 'Internal error' },
  zipNotFound: { cod: '404', message: 'not found' },
  nothingToGeocode: { cod: '400', message: 'Nothing to geocode' },
  wrongLatitude: { cod: '400', message: 'wrong latitude' },
  wrongLongitude: { cod: '400', message: 'wrong longitude' },
  invalidDate: { cod: 400, message: 'Invalid date format', parameters: ['date'] },
  accountBlocked: {
    cod: 429,
    message:
      'Your account is temporary blocked due to exceeding of requests limitation of your subscription type. Please choose the proper subscription https://openweathermap.org/price',
  },
};

/**
 * Realistic response bodies for assertions in your own tests: current weather, forecast, geocoding, air pollution,
 * One Call (forecast, timemachine, day summary, overview) and the API's error bodies.
 */
export const fixtures = {
  currentWeather,
  currentWeatherLondon,
  forecast,
  geocodeDirect,
  geocodeReverse,
  geocodeZip,
  airPollution,
  airPollutionForecast,
  oneCall,
  oneCallTimemachine,
  oneCallDaySummary,
  oneCallOverview,
  errors: errorBodies,
};
