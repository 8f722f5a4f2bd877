import { http, HttpResponse, type HttpHandler } from 'msw';
import { fixtures } from './fixtures.js';

export { fixtures };

/** The API's error body (see src/map-error.ts), with a request id like the real one. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ error: { message, requestId: `req_${status}_mock` } }, { status, headers });
}

/**
 * MSW handlers that answer like the API, matching any host and path prefix (`*`), so they serve both the
 * loopback server of `startMockServer(handlers)` and MSW's own `setupServer` in your tests.
 */
export const handlers: HttpHandler[] = [
  http.get('*/items/:id', ({ params }) => {
    const item = fixtures.items.find((i) => i.id === params.id);
    return item ? HttpResponse.json(item) : apiError(404, `No item ${String(params.id)}`);
  }),
  http.get('*/items', ({ request }) => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    // The real cursor is opaque; the mock's is an offset.
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const data = fixtures.items.slice(offset, offset + limit);
    const nextCursor = offset + limit < fixtures.items.length ? String(offset + limit) : null;
    return HttpResponse.json({ data, nextCursor });
  }),
];

/** Failures to `server.use(...)` in your own tests. */
export const errorHandlers = {
  /** 401 on every items call, as for a revoked token. */
  unauthorized: (): HttpHandler => http.get('*/items*', () => apiError(401, 'Invalid or expired token')),
  /** One 429 with `Retry-After`, then the normal handlers answer. */
  rateLimited: (retryAfterSeconds = 1): HttpHandler =>
    http.get('*/items*', () => apiError(429, 'Rate limit exceeded', { 'retry-after': String(retryAfterSeconds) }), { once: true }),
};

/** An API that returns the same cursor forever: the conformance suite checks the client stops. */
export const cycleHandlers: HttpHandler[] = [http.get('*/items', () => HttpResponse.json({ data: fixtures.items.slice(0, 1), nextCursor: 'same' }))];
