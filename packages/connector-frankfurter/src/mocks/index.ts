import { createHash } from 'node:crypto';
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { addDays, businessDayOnOrBefore, CURRENCIES, eurRates, FIRST_DATE, isBusinessDay, LATEST_DATE, roundQuote } from './ecb-data.js';
import { v2Handlers } from './v2-handlers.js';

/**
 * MSW handlers that answer like the Frankfurter API. v1 (`lib/versions/v1.rb`): rates for any business day
 * from 1999-01-04 to `fixtures.latestDate`, weekends and holidays carried back, base/symbols/amount (and the
 * `from`/`to` aliases) with the API's rounding, its 404/422 bodies, `Cache-Control`, and ETag/304; its paths match
 * under any prefix (`/v1` or none). v2: see `./v2-handlers.ts` (`v2Handlers`, `v2Fixtures`, `v2ErrorHandlers`).
 * Serve both with `startMockServer(handlers)`.
 */
const CACHE = { 'cache-control': 'public, max-age=86400' };
const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.parse(`${s}T00:00:00Z`) || 0).toISOString().startsWith(s);

function ok(request: Request, body: JsonBodyType, etagKey: string): Response {
  const etag = `"${createHash('md5').update(etagKey).digest('hex')}"`;
  if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers: { ...CACHE, etag } });
  return HttpResponse.json(body, { headers: { ...CACHE, etag } });
}

/** The v1 error body, `{"message": ...}`, never cached. */
export function apiError(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}

interface Query {
  base: string;
  symbols: string[] | undefined;
  amount: number;
}

function readQuery(url: URL): Query | Response {
  const p = url.searchParams;
  const rawBase = p.get('from') ?? p.get('base');
  const base = rawBase?.toUpperCase() ?? 'EUR';
  const symbols = (p.get('to') ?? p.get('symbols'))?.toUpperCase().split(',');
  if (rawBase !== null && symbols?.length === 1 && symbols[0] === base) return apiError(422, 'bad currency pair');
  const amount = p.has('amount') ? Number.parseFloat(p.get('amount') ?? '') : 1;
  if (!(amount > 0)) return apiError(422, 'invalid amount');
  return { base, symbols, amount };
}

/** One day's rates as the API computes them; undefined (404) when the base or every symbol is unknown. */
function quote(date: string, q: Query): Record<string, number> | undefined {
  const eur: Record<string, number> = { EUR: 1, ...eurRates(date) };
  const divisor = eur[q.base];
  if (divisor === undefined) return undefined;
  const rounded = q.base !== 'EUR' || q.amount !== 1;
  const rates: Record<string, number> = {};
  for (const [code, rate] of Object.entries(eur).sort(([a], [b]) => a.localeCompare(b))) {
    if (code === q.base || (q.symbols && !q.symbols.includes(code))) continue;
    rates[code] = rounded ? roundQuote((q.amount * rate) / divisor) : rate;
  }
  return Object.keys(rates).length > 0 ? rates : undefined;
}

function day(request: Request, date: string): Response {
  if (!isIsoDate(date)) return apiError(422, 'invalid date');
  const q = readQuery(new URL(request.url));
  if (q instanceof Response) return q;
  // A future date answers with the latest rates; a weekend or holiday with the business day before it.
  const served = date > LATEST_DATE ? LATEST_DATE : businessDayOnOrBefore(date);
  const rates = served === undefined ? undefined : quote(served, q);
  if (served === undefined || rates === undefined) return apiError(404, 'not found');
  return ok(request, { amount: q.amount, base: q.base, date: served, rates }, served);
}

function range(request: Request, start: string, end: string | undefined): Response {
  if (!isIsoDate(start) || (end !== undefined && !isIsoDate(end))) return apiError(422, 'invalid date');
  const q = readQuery(new URL(request.url));
  if (q instanceof Response) return q;
  const last = end === undefined || end > LATEST_DATE ? LATEST_DATE : end;
  const first = businessDayOnOrBefore(start < FIRST_DATE ? FIRST_DATE : start);
  const rates: Record<string, Record<string, number>> = {};
  for (let d = first ?? '9999-12-31'; d <= last && start <= LATEST_DATE; d = addDays(d, 1)) {
    const dayRates = isBusinessDay(d) ? quote(d, q) : undefined;
    if (dayRates) rates[d] = dayRates;
  }
  const dates = Object.keys(rates);
  if (dates.length === 0) return apiError(404, 'not found');
  return ok(request, { amount: q.amount, base: q.base, start_date: dates[0], end_date: dates.at(-1), rates }, dates.at(-1) ?? '');
}

const currencyNames = Object.fromEntries(
  Object.entries({ ...Object.fromEntries(Object.entries(CURRENCIES).map(([code, [name]]) => [code, name])), EUR: 'Euro' }).sort(([a], [b]) => a.localeCompare(b)),
);

/** Realistic bodies for assertions in your own tests. */
export const fixtures = {
  /** The last day of the mock data set: `/latest` serves it, later dates fall back to it. */
  latestDate: LATEST_DATE,
  /** `GET /currencies`. */
  currencies: currencyNames,
  /** `GET /latest`. */
  latest: { amount: 1, base: 'EUR', date: LATEST_DATE, rates: eurRates(LATEST_DATE) },
  /** A Saturday and the Friday whose rates it returns. */
  weekend: { asked: '2024-11-23', served: '2024-11-22' },
  /** EUR rates for any business day of the mock data set. */
  eurRatesOn: eurRates,
};

/** The happy path of v1 alone: every v1 endpoint. */
export const v1Handlers: HttpHandler[] = [
  http.get('*/latest', ({ request }) => day(request, LATEST_DATE)),
  http.get('*/currencies', ({ request }) => ok(request, currencyNames, LATEST_DATE)),
  http.get('*/:when', ({ request, params }) => {
    const when = String(params.when);
    const span = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?$/.exec(when);
    if (span?.[1]) return range(request, span[1], span[2]);
    return /^\d{4}-\d{2}-\d{2}$/.test(when) ? day(request, when) : apiError(404, 'not found');
  }),
];

/**
 * Both versions: v2's handlers (`<prefix>/v2/...`) first, so v1's patterns (`<prefix>/currencies` and `<prefix>/:when`, which match under
 * any prefix) never answer a v2 path.
 */
export const handlers: HttpHandler[] = [...v2Handlers, ...v1Handlers];

export { v2ApiError, v2ErrorHandlers, v2Fixtures, v2Handlers } from './v2-handlers.js';
export type { V2Row } from './v2-rate-query.js';

/** v1 failures to `server.use(...)` in your tests; each answers every request until `resetHandlers()`. */
export const errorHandlers = {
  /** 404 `{"message":"not found"}`: unknown base, only unknown symbols, or a date out of range. */
  notFound: (): HttpHandler => http.get('*', () => apiError(404, 'not found')),
  /** 422 for base = the only symbol. */
  badCurrencyPair: (): HttpHandler => http.get('*', () => apiError(422, 'bad currency pair')),
  /** 429 from abuse throttling (no documented quota; the body is plain text, not JSON). */
  rateLimited: (retryAfterSeconds = 10): HttpHandler =>
    http.get('*', () => new HttpResponse('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain', 'retry-after': String(retryAfterSeconds) } })),
  /** 503 from the host, as during a deploy. */
  unavailable: (): HttpHandler => http.get('*', () => apiError(503, 'service unavailable')),
};
