import { createHash } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { addDays, LATEST_DATE } from './ecb-data.js';
import { codesOf, currencyRecord, isKnownCode, NAMES, PROVIDERS, providersOf } from './v2-data.js';
import { MOCK_TODAY, parseV2Query, runV2Query, V2QueryError, type V2Row } from './v2-rate-query.js';

/**
 * MSW handlers that answer like the Frankfurter v2 API (`lib/versions/v2.rb`) on `<prefix>/v2/...`: `/rates` (latest, one
 * date, daily ranges, `group=week|month`, `providers`, `expand=providers`), `/rate/{base}/{quote}`, `/currencies`,
 * `/currency/{code}` and `/providers`, with the API's 422 and 404 bodies (`{"status": ..., "message": ...}`), its
 * `Cache-Control` and, on `/rates`, its ETag and 304.
 */
const DEFAULT_CACHE = 'public, max-age=86400, stale-while-revalidate=86400, stale-if-error=86400';

/** The v2 error body, never cached (`NoStoreOnError`). */
export function v2ApiError(status: number, message: string): Response {
  return HttpResponse.json({ status, message }, { status, headers: { 'cache-control': 'no-store' } });
}

/** Latest and open-ended queries expire at the next UTC midnight (#541); explicit dates keep 24 hours. */
function cacheControl(params: URLSearchParams): string {
  if (params.has('date') || (params.has('from') && params.has('to'))) return DEFAULT_CACHE;
  const now = Date.now();
  const midnight = Date.parse(`${new Date(now + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  return `public, max-age=${Math.ceil((midnight - now) / 1000)}, stale-if-error=86400`;
}

function ratesResponse(request: Request): Response {
  const params = new URL(request.url).searchParams;
  try {
    const rows = runV2Query(parseV2Query(params));
    const maxDate = rows.reduce((max, r) => (r.date > max ? r.date : max), '');
    const etag = `"${createHash('md5').update(`${maxDate}|${params.get('expand') ?? ''}`).digest('hex')}"`;
    const headers = { 'cache-control': cacheControl(params), etag };
    if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers });
    return HttpResponse.json(rows, { headers });
  } catch (error) {
    if (error instanceof V2QueryError) return v2ApiError(422, error.message);
    throw error;
  }
}

function rateResponse(request: Request, base: string, quote: string): Response {
  const params = new URL(request.url).searchParams;
  params.set('base', base.toUpperCase());
  params.set('quotes', quote.toUpperCase());
  try {
    const [row] = runV2Query(parseV2Query(params));
    return row ? HttpResponse.json(row, { headers: { 'cache-control': cacheControl(params) } }) : v2ApiError(404, 'not found');
  } catch (error) {
    if (error instanceof V2QueryError) return v2ApiError(422, error.message);
    throw error;
  }
}

const ACTIVE_SINCE = addDays(MOCK_TODAY, -30);

function currenciesResponse(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const keys = params.get('providers')?.toUpperCase().split(',');
  const records = keys
    ? codesOf(PROVIDERS.filter((p) => keys.includes(p.key))).map(currencyRecord)
    : Object.keys(NAMES)
        .sort()
        .map(currencyRecord)
        .filter((c) => params.get('scope') === 'all' || c.end_date >= ACTIVE_SINCE);
  return HttpResponse.json(records, { headers: { 'cache-control': DEFAULT_CACHE } });
}

function currencyResponse(code: string): Response {
  const upper = code.toUpperCase();
  if (!(upper in NAMES)) return v2ApiError(404, 'not found');
  return HttpResponse.json({ ...currencyRecord(upper), providers: providersOf(upper) }, { headers: { 'cache-control': DEFAULT_CACHE } });
}

/** Realistic v2 bodies for assertions in your own tests. */
export const v2Fixtures = {
  /** The last day of the mock data: latest rows carry it, later dates have no rows. */
  latestDate: LATEST_DATE,
  /** `GET /v2/providers`. */
  providers: PROVIDERS,
  /** `GET /v2/currencies` (active ones: HRK is only in `scope=all`). */
  currencies: Object.keys(NAMES).sort().map(currencyRecord).filter((c) => c.end_date >= ACTIVE_SINCE),
  /** `GET /v2/rates` as the mock answers it: pass the query string (`'quotes=USD&date=2024-01-05'`). */
  rates: (query = ''): V2Row[] => runV2Query(parseV2Query(new URLSearchParams(query))),
  /** A Saturday and the Friday whose rates it carries. */
  weekend: { asked: '2024-11-23', served: '2024-11-22' },
  /** Codes the API knows (ISO 4217) and the mock's: anything else is 422 "invalid currency". */
  isKnownCode,
};

/** The happy path: every v2 endpoint, and 404 for any other path under /v2. */
export const v2Handlers: HttpHandler[] = [
  http.get('*/v2/rates', ({ request }) => ratesResponse(request)),
  http.get('*/v2/rate/:base/:quote', ({ request, params }) => rateResponse(request, String(params.base), String(params.quote))),
  http.get('*/v2/currencies', ({ request }) => currenciesResponse(request)),
  http.get('*/v2/currency/:code', ({ params }) => currencyResponse(String(params.code))),
  http.get('*/v2/providers', () => HttpResponse.json(PROVIDERS, { headers: { 'cache-control': 'public, max-age=3600' } })),
  http.get('*/v2/*', () => v2ApiError(404, 'not found')),
];

/** Failures to `server.use(...)` in your tests; each answers every request until `resetHandlers()`. */
export const v2ErrorHandlers = {
  /** 404 `{"status":404,"message":"not found"}`. */
  notFound: (): HttpHandler => http.get('*', () => v2ApiError(404, 'not found')),
  /** 503 when a range outlives the API's 90 s request deadline. */
  deadline: (): HttpHandler => http.get('*', () => v2ApiError(503, 'request exceeded 90s timeout')),
  /** 429 from abuse throttling (no documented quota; the body is plain text, not JSON). */
  rateLimited: (retryAfterSeconds = 10): HttpHandler =>
    http.get('*', () => new HttpResponse('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': String(retryAfterSeconds) } })),
};
