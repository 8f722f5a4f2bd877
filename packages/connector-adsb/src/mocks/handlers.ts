import { http, HttpResponse, type HttpHandler } from 'msw';
import { aircraft, envelope, type MockAircraft } from './fixtures.js';

const NM_PER_RADIAN = 3440.065;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (nm, 3 dp) and initial bearing (degrees true, 1 dp) from the centre, as readsb adds them. */
function distance(lat: number, lon: number, a: MockAircraft): { dst: number; dir: number } {
  const [p1, p2, dl] = [rad(lat), rad(a.lat), rad(a.lon - lon)];
  const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  const dir = (Math.atan2(Math.sin(dl) * Math.cos(p2), Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl)) * 180) / Math.PI;
  return { dst: Number((2 * NM_PER_RADIAN * Math.asin(Math.sqrt(h))).toFixed(3)), dir: Number(((dir + 360) % 360).toFixed(1)) };
}

/** FastAPI's 422 for a path parameter out of range (adsb.lol 2023 – early 2026). */
function unprocessable(field: string, msg: string): Response {
  return HttpResponse.json({ detail: [{ type: 'value_error', loc: ['path', field], msg, input: field }] }, { status: 422 });
}

/**
 * adsb.lol checks every value it passes on to readsb against `^[a-zA-Z0-9,=_.-]+$` (`reapi.py`). A value outside it
 * (a `~` non-ICAO hex, a space, a `+`) makes the handler build a response from a dict, which Starlette cannot render:
 * the client sees Starlette's plain-text 500.
 */
const PATH_RULE = /^[a-zA-Z0-9,=_.-]+$/;
const refusedByPathRule = (...params: unknown[]): boolean => params.some((p) => !PATH_RULE.test(String(p)));
const internalServerError = (): Response =>
  new HttpResponse('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A route whose named path parameters go to readsb: refused like adsb.lol refuses them, else answered by `respond`.
 * (MSW also reports the `*` wildcard, the origin, under the key `0`: not a path parameter.)
 */
const reapi =
  <P extends Record<string, unknown>>(respond: (params: P) => Response) =>
  ({ params }: { params: P }): Response => {
    const named = Object.entries(params).filter(([name]) => !/^\d+$/.test(name));
    return refusedByPathRule(...named.map(([, value]) => value)) ? internalServerError() : respond(params);
  };

const values = (param: unknown) => String(param).toUpperCase().split(',');
const answer = (match: (a: MockAircraft) => boolean) => HttpResponse.json(envelope(aircraft.filter(match)));

function circle(params: { lat?: unknown; lon?: unknown; radius?: unknown }, closest: boolean): Response {
  const [lat, lon, radius] = [Number(params.lat), Number(params.lon), Number(params.radius)];
  if (!(lat >= -90 && lat <= 90)) return unprocessable('lat', 'Input should be less than or equal to 90');
  if (!(lon >= -180 && lon <= 180)) return unprocessable('lon', 'Input should be less than or equal to 180');
  if (!Number.isInteger(radius)) return unprocessable('radius', 'Input should be a valid integer, unable to parse string as an integer');
  if (radius < 0 || radius > 250) return unprocessable('radius', 'Input should be less than or equal to 250');
  // FastAPI validated the numbers; the raw strings then go to readsb, through the same rule.
  if (refusedByPathRule(params.lat, params.lon, params.radius)) return internalServerError();
  const within = aircraft.map((a) => ({ ...a, ...distance(lat, lon, a) })).filter((a) => a.dst <= radius);
  within.sort((a, b) => a.dst - b.dst);
  return HttpResponse.json(envelope(closest ? within.slice(0, 1) : within));
}

/**
 * MSW handlers answering like adsb.lol's `/v2` routes over the `fixtures` aircraft: lookups by hex, callsign,
 * registration and type (comma lists too), squawk, the mil/ladd/pia filters, and point/closest circles with
 * `dst`/`dir`, rejecting a radius over 250 with FastAPI's 422 and a path value outside adsb.lol's rule
 * `[a-zA-Z0-9,=_.-]` (a `~` hex, a space) with its plain-text 500. Serve them with `startMockServer(handlers)`.
 */
export const handlers: HttpHandler[] = [
  http.get('*/v2/hex/:hex', reapi(({ hex }) => answer((a) => values(hex).includes(a.hex.toUpperCase())))),
  http.get('*/v2/callsign/:callsign', reapi(({ callsign }) => answer((a) => values(callsign).includes(a.flight?.trim() ?? '')))),
  http.get('*/v2/reg/:reg', reapi(({ reg }) => answer((a) => values(reg).includes(a.r ?? '')))),
  http.get('*/v2/type/:type', reapi(({ type }) => answer((a) => values(type).includes(a.t ?? '')))),
  http.get('*/v2/squawk/:squawk', reapi(({ squawk }) => answer((a) => a.squawk === squawk))),
  http.get('*/v2/mil', () => answer((a) => ((a.dbFlags ?? 0) & 1) !== 0)),
  http.get('*/v2/pia', () => answer((a) => ((a.dbFlags ?? 0) & 4) !== 0)),
  http.get('*/v2/ladd', () => answer((a) => ((a.dbFlags ?? 0) & 8) !== 0)),
  http.get('*/v2/point/:lat/:lon/:radius', ({ params }) => circle(params, false)),
  http.get('*/v2/closest/:lat/:lon/:radius', ({ params }) => circle(params, true)),
];
