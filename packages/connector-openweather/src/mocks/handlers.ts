import { http, type HttpHandler } from 'msw';
import { convertUnits } from './convert-units.js';
import {
  airPollution,
  airPollutionForecast,
  airPollutionSeries,
  currentWeather,
  currentWeatherLondon,
  errorBodies,
  forecast,
  geocodeDirect,
  geocodeReverse,
  geocodeZip,
  oneCall,
  oneCallDaySummary,
  oneCallOverview,
  oneCallTimemachine,
} from './fixtures.js';
import { json, missingKey, readCoordinates } from './respond.js';

type Place = 'zocca' | 'london';
const PLACES_BY_NAME: Record<string, Place> = { zocca: 'zocca', london: 'london' };
const PLACES_BY_ID: Record<string, Place> = { '3163858': 'zocca', '2643743': 'london' };
const PLACES_BY_ZIP: Record<string, Place> = { e14: 'london', '41059': 'zocca' };

/** Resolves the location forms of /weather and /forecast (lat+lon, q, id, zip) the way the API answers them. */
function resolvePlace(url: URL): { place: Place; coord?: { lat: number; lon: number } } | Response {
  const coords = readCoordinates(url);
  if (coords instanceof Response) return coords;
  if (coords) return { place: 'zocca', coord: coords };
  const q = url.searchParams.get('q');
  const id = url.searchParams.get('id');
  const zip = url.searchParams.get('zip');
  const found =
    q !== null ? PLACES_BY_NAME[q.split(',')[0]?.trim().toLowerCase() ?? ''] : id !== null ? PLACES_BY_ID[id] : zip !== null ? PLACES_BY_ZIP[zip.split(',')[0]?.trim().toLowerCase() ?? ''] : null;
  if (found === null) return json(errorBodies.nothingToGeocode, 400);
  if (found === undefined) return json(errorBodies.cityNotFound, 404);
  return { place: found };
}

function limitOf(url: URL): number {
  const limit = Number(url.searchParams.get('limit') ?? 1);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, 5) : 1;
}

const unitsOf = (url: URL): string | null => url.searchParams.get('units');

/** A handler that answers 401 without a key, like the real API, then runs `respond`. */
function get(path: string, respond: (url: URL) => Response): HttpHandler {
  return http.get(path, ({ request }) => {
    const url = new URL(request.url);
    return missingKey(url) ?? respond(url);
  });
}

/**
 * The happy path of every endpoint, matching any host and path prefix (`*`), so they serve a proxy's
 * `https://proxy.example/ow/data/2.5/weather` as well as the real host. Responses follow the requested `units`,
 * `cnt`, `limit` and `exclude`; unknown cities give 404 and bad coordinates 400, as the API does.
 */
export const handlers: HttpHandler[] = [
  get('*/data/2.5/weather', (url) => {
    const resolved = resolvePlace(url);
    if (resolved instanceof Response) return resolved;
    const base = resolved.place === 'london' ? currentWeatherLondon : currentWeather;
    const body = convertUnits(base, unitsOf(url));
    if (resolved.coord) body.coord = { lon: resolved.coord.lon, lat: resolved.coord.lat };
    return json(body);
  }),
  get('*/data/2.5/forecast', (url) => {
    const resolved = resolvePlace(url);
    if (resolved instanceof Response) return resolved;
    const body = convertUnits(forecast, unitsOf(url));
    if (resolved.place === 'london') body.city = { ...body.city, id: 2643743, name: 'London', coord: { lat: 51.5085, lon: -0.1257 }, country: 'GB', population: 1000000, timezone: 3600 };
    if (resolved.coord) body.city.coord = { lat: resolved.coord.lat, lon: resolved.coord.lon };
    const cnt = Number(url.searchParams.get('cnt') ?? 40);
    body.list = body.list.slice(0, Number.isInteger(cnt) && cnt > 0 ? cnt : 40);
    body.cnt = body.list.length;
    return json(body);
  }),
  get('*/geo/1.0/direct', (url) => {
    const q = url.searchParams.get('q')?.trim() ?? '';
    if (q === '') return json(errorBodies.nothingToGeocode, 400);
    const [name = '', , country] = q.split(',').map((part) => part.trim().toLowerCase());
    const places = name === 'london' ? geocodeDirect.filter((p) => country === undefined || p.country.toLowerCase() === country) : [];
    return json(places.slice(0, limitOf(url)));
  }),
  get('*/geo/1.0/reverse', (url) => {
    const coords = readCoordinates(url);
    if (!coords) return json(errorBodies.nothingToGeocode, 400);
    if (coords instanceof Response) return coords;
    return json(geocodeReverse.slice(0, limitOf(url)));
  }),
  get('*/geo/1.0/zip', (url) => {
    const [zip = '', country = 'us'] = (url.searchParams.get('zip') ?? '').split(',').map((part) => part.trim().toLowerCase());
    if (zip === '') return json(errorBodies.nothingToGeocode, 400);
    return zip === 'e14' && country === 'gb' ? json(geocodeZip) : json(errorBodies.zipNotFound, 404);
  }),
  get('*/data/2.5/air_pollution', (url) => withCoordinates(url, ({ lat, lon }) => json({ ...airPollution, coord: { lon, lat } }))),
  get('*/data/2.5/air_pollution/forecast', (url) => withCoordinates(url, ({ lat, lon }) => json({ ...airPollutionForecast, coord: { lon, lat } }))),
  get('*/data/2.5/air_pollution/history', (url) =>
    withCoordinates(url, ({ lat, lon }) => {
      const start = Number(url.searchParams.get('start'));
      const end = Number(url.searchParams.get('end'));
      if (!url.searchParams.has('start') || !url.searchParams.has('end') || !Number.isInteger(start) || !Number.isInteger(end)) {
        return json({ cod: '400', message: 'start and end are required' }, 400);
      }
      const firstHour = Math.ceil(start / 3600) * 3600;
      const hours = Math.max(0, Math.min(240, Math.floor((end - firstHour) / 3600) + 1));
      return json({ coord: { lon, lat }, list: airPollutionSeries(firstHour, hours) });
    }),
  ),
  get('*/data/3.0/onecall', (url) =>
    withCoordinates(url, ({ lat, lon }) => {
      const body: Record<string, unknown> = { ...convertUnits(oneCall, unitsOf(url)), lat, lon };
      for (const part of (url.searchParams.get('exclude') ?? '').split(',')) if (part !== '') delete body[part.trim()];
      return json(body);
    }),
  ),
  get('*/data/3.0/onecall/timemachine', (url) =>
    withCoordinates(url, ({ lat, lon }) => {
      const dt = Number(url.searchParams.get('dt'));
      if (!url.searchParams.has('dt') || !Number.isInteger(dt)) return json({ cod: 400, message: 'Invalid dt', parameters: ['dt'] }, 400);
      const body = convertUnits(oneCallTimemachine, unitsOf(url));
      return json({ ...body, lat, lon, data: body.data.map((d) => ({ ...d, dt })) });
    }),
  ),
  get('*/data/3.0/onecall/day_summary', (url) =>
    withCoordinates(url, ({ lat, lon }) => {
      const date = url.searchParams.get('date') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(errorBodies.invalidDate, 400);
      const units = unitsOf(url) ?? 'standard';
      return json({ ...convertUnits(oneCallDaySummary, units), lat, lon, date, tz: url.searchParams.get('tz') ?? oneCallDaySummary.tz, units });
    }),
  ),
  get('*/data/3.0/onecall/overview', (url) =>
    withCoordinates(url, ({ lat, lon }) => {
      const date = url.searchParams.get('date') ?? oneCallOverview.date;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return json(errorBodies.invalidDate, 400);
      return json({ ...oneCallOverview, lat, lon, date, units: unitsOf(url) ?? 'standard' });
    }),
  ),
];

/** Endpoints that need coordinates answer 400 without them, as the API does. */
function withCoordinates(url: URL, respond: (coords: { lat: number; lon: number }) => Response): Response {
  const coords = readCoordinates(url);
  if (!coords) return json(errorBodies.wrongLatitude, 400);
  if (coords instanceof Response) return coords;
  return respond(coords);
}
