import { http, HttpResponse, type HttpHandler } from 'msw';
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

/**
 * The longest request URL answered. OpenWeather answered a 200,000-character city name with 431; where between its
 * limit lies is not documented, so the mock takes a common front-end default (8 KB). (The mock server itself, Node's
 * HTTP server, also answers 431 past 16 KB of request line and headers, before any handler.)
 */
const MAX_URL_LENGTH = 8192;
const tooLarge = (): Response => new HttpResponse('Request Header Fields Too Large', { status: 431, headers: { 'content-type': 'text/plain' } });

/** A handler that answers 431 to an over-long request and 401 without a key, like the real API, then runs `respond`. */
function get(path: string | RegExp, respond: (url: URL) => Response): HttpHandler {
  return http.get(path, ({ request }) => {
    if (request.url.length > MAX_URL_LENGTH) return tooLarge();
    const url = new URL(request.url);
    return missingKey(url) ?? respond(url);
  });
}

const DAY_S = 86_400;
const ONE_CALL_HISTORY_START = 283_996_800; // 1979-01-01T00:00:00Z
const invalidDt = () => json({ cod: 400, message: 'Invalid dt', parameters: ['dt'] }, 400);

/** Today at a point, the way the API picks the day: in the point's time zone, here its nautical offset (lon / 15 h). */
function todayAt(lon: number, now: number): string {
  return new Date(now + Math.round(lon / 15) * 3_600_000).toISOString().slice(0, 10);
}
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_S * 1000).toISOString().slice(0, 10);

export interface MockOptions {
  /**
   * The clock time-dependent answers are checked against (the timemachine's "4 days ahead", the overview's "today or
   * tomorrow"): pass `() => fakeClock.now()` when your client runs on a `FakeClock`. @default Date.now
   */
  now?: () => number;
}

/**
 * The happy path of every endpoint, matching any host and path prefix (`*`), so they serve a proxy's
 * `https://proxy.example/ow/data/2.5/weather` as well as the real host. Responses follow the requested `units`,
 * `cnt`, `limit` and `exclude`; unknown cities give 404 `city not found`, unknown routes 404 `Internal error`, bad
 * coordinates 400, a timemachine `dt` outside 1979-01-01 … 4 days ahead and an overview date other than today or
 * tomorrow 400, and an over-long request 431, as the API does.
 */
export function createHandlers({ now = Date.now }: MockOptions = {}): HttpHandler[] {
  return [
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
        if (!url.searchParams.has('dt') || !Number.isInteger(dt)) return invalidDt();
        // "from 1st January 1979 till 4 days ahead"
        if (dt < ONE_CALL_HISTORY_START || dt > Math.floor(now() / 1000) + 4 * DAY_S) return invalidDt();
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
        // "Data is available for today and tomorrow", the days of the point's own time zone.
        const today = todayAt(lon, now());
        const date = url.searchParams.get('date') ?? today;
        if (date !== today && date !== nextDay(today)) return json(errorBodies.invalidDate, 400);
        return json({ ...oneCallOverview, lat, lon, date, units: unitsOf(url) ?? 'standard' });
      }),
    ),
    // Last: any other OpenWeather-looking route (a retired or misspelt endpoint, a wrong API version) gets the API's
    // answer for an unknown route, whatever the location. Only `/data/<n.n>/` and `/geo/<n.n>/` paths, so the handlers
    // can sit beside other APIs' in one server.
    http.get(/\/(data|geo)\/\d+\.\d+\//, ({ request }) => (request.url.length > MAX_URL_LENGTH ? tooLarge() : json(errorBodies.unknownRoute, 404))),
  ];
}

/** `createHandlers()` on the system clock. */
export const handlers: HttpHandler[] = createHandlers();

/** Endpoints that need coordinates answer 400 without them, as the API does. */
function withCoordinates(url: URL, respond: (coords: { lat: number; lon: number }) => Response): Response {
  const coords = readCoordinates(url);
  if (!coords) return json(errorBodies.wrongLatitude, 400);
  if (coords instanceof Response) return coords;
  return respond(coords);
}
