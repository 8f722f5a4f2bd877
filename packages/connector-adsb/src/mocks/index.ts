import { http, HttpResponse, type HttpHandler } from 'msw';
import { aircraft, envelope, NOW } from './fixtures.js';

export { handlers } from './handlers.js';
export { conformanceSubject } from './conformance-subject.js';

/** Realistic bodies for assertions in your own tests. */
export const fixtures = {
  /** The envelope's `now` (epoch ms) in every mock answer. */
  now: NOW,
  aircraft,
  /** `GET /v2/hex/4ca87c`. */
  byHex: envelope(aircraft.slice(0, 1)),
  /** Nothing matched: still 200. */
  empty: envelope([]),
  envelope,
};

/** Failures to `server.use(...)` in your tests; each answers every request until `resetHandlers()`. */
export const errorHandlers = {
  /** adsb.lol throttling: 429 with a short HTML body and, optionally, `Retry-After` (not confirmed that it sends one). */
  rateLimited: (retryAfterSeconds?: number): HttpHandler =>
    http.get('*', () =>
      new HttpResponse('<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center></body></html>', {
        status: 429,
        headers: { 'content-type': 'text/html', ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }) },
      }),
    ),
  /** The upstream readsb API timed out (the proxy gives it 5 s): a plain-text 500. */
  upstreamTimeout: (): HttpHandler => http.get('*', () => new HttpResponse('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain' } })),
  /** Healthy answers carrying quota headers, for testing adaptive limits. */
  withQuotaHeaders: (remaining: number, limit = 100): HttpHandler =>
    http.get('*', () =>
      HttpResponse.json(fixtures.empty, { headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': '30' } }),
    ),
};
