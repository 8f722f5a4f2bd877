import { HttpResponse } from 'msw';
import { errorBodies } from './fixtures.js';

/** A JSON response the way OpenWeather sends it. */
export function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status });
}

/** What the real API checks before anything else: a key in `appid` (401 without one). */
export function missingKey(url: URL): Response | undefined {
  const key = url.searchParams.get('appid');
  return key === null || key.trim() === '' ? json(errorBodies.invalidApiKey, 401) : undefined;
}

/** Reads `lat`/`lon`: the coordinates, a 400 response the API would send, or undefined when neither is given. */
export function readCoordinates(url: URL): { lat: number; lon: number } | Response | undefined {
  const lat = url.searchParams.get('lat');
  const lon = url.searchParams.get('lon');
  if (lat === null && lon === null) return undefined;
  const latN = Number(lat);
  const lonN = Number(lon);
  if (lat === null || !Number.isFinite(latN) || latN < -90 || latN > 90) return json(errorBodies.wrongLatitude, 400);
  if (lon === null || !Number.isFinite(lonN) || lonN < -180 || lonN > 180) return json(errorBodies.wrongLongitude, 400);
  return { lat: latN, lon: lonN };
}
