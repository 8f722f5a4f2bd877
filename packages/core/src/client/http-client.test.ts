import { brotliCompressSync, gzipSync } from 'node:zlib';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiKeyAuth, bearerAuth } from '../auth/static-auth.js';
import { oauth2Auth } from '../auth/oauth2-auth.js';
import { AuthError, RateLimitError } from '../errors/error-classes.js';
import type { AttemptState } from '../hooks/hooks.js';
import { MemoryResponseCache } from '../http/response-cache.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { systemClock } from '../time/clock.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';
import { closedPort } from '../testing/closed-port.js';

let server: MockServer;
let tokenCalls = 0;
const handlers = [
  http.get('*/api/thing', () => HttpResponse.json({ id: '1', name: 'thing', extra: true })),
  http.post('*/api/thing', async ({ request }) => HttpResponse.json({ received: await request.json() }, { status: 201 })),
  http.post('*/api/form', async ({ request }) => HttpResponse.json({ received: Object.fromEntries(new URLSearchParams(await request.text())) }, { status: 201 })),
  http.get('*/api/thing/:id', ({ params }) => HttpResponse.json({ id: params.id })),
  http.get('*/api/empty', () => new HttpResponse(null, { status: 204 })),
  http.get('*/api/text', () => new HttpResponse('plain words', { headers: { 'content-type': 'text/plain' } })),
  http.get('*/api/gzip', () => new HttpResponse(gzipSync(JSON.stringify({ packed: 'gzip' })), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })),
  http.get('*/api/br', () => new HttpResponse(brotliCompressSync(JSON.stringify({ packed: 'br' })), { headers: { 'content-type': 'application/json', 'content-encoding': 'br' } })),
  http.get('*/api/bad-gzip', () => new HttpResponse('not gzip at all', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } })),
  http.get('*/api/big', () => HttpResponse.json({ blob: 'x'.repeat(5000) })),
  http.get('*/api/redirect-same', () => new HttpResponse(null, { status: 302, headers: { location: '/api/thing' } })),
  http.get('*/api/cached', ({ request }) =>
    request.headers.get('if-none-match') === '"v1"'
      ? new HttpResponse(null, { status: 304, headers: { etag: '"v1"' } })
      : HttpResponse.json({ cached: true }, { headers: { etag: '"v1"', 'cache-control': 'max-age=60' } }),
  ),
  http.get('*/api/no-store', () => HttpResponse.json({ n: 1 }, { headers: { 'cache-control': 'no-store' } })),
  http.get('*/api/echo-headers', ({ request }) => HttpResponse.json(Object.fromEntries(request.headers))),
  http.post('*/oauth/token', async ({ request }) => {
    tokenCalls += 1;
    const body = new URLSearchParams(await request.text());
    if (body.get('refresh_token') === 'bad-refresh-token') return HttpResponse.json({ message: 'refresh token is invalid' }, { status: 400 });
    return HttpResponse.json({ access_token: `access-token-${tokenCalls}`, expires_in: 1800, refresh_token: 'rotated-refresh-token' });
  }),
  http.get('*/api/needs-fresh-token', ({ request }) =>
    request.headers.get('authorization') === 'Bearer access-token-1' ? HttpResponse.json({ message: 'expired' }, { status: 401 }) : HttpResponse.json({ ok: true }),
  ),
];

beforeAll(async () => {
  server = await startMockServer(handlers);
});
afterEach(() => server.resetHandlers());
afterAll(async () => server.close());

const clients: HttpClient[] = [];
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), retry: { random: () => 1 }, ...extra });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('HttpClient: requests', () => {
  it('keeps the base URL path prefix, sends UA, correlation id and default headers/query', async () => {
    const c = client({ userAgent: '@cf/connector-test/1.0', headers: { 'X-Team': 'data' }, query: { v: 2 } });
    const res = await c.request({ path: '/thing', query: { a: [1, 2], skip: undefined } });
    const req = server.requests[0]!;
    expect(req.path).toBe('/api/thing');
    expect(req.url.search).toBe('?a=1&a=2&v=2');
    expect(req.headers['user-agent']).toBe('@cf/connector-test/1.0');
    expect(req.headers['x-team']).toBe('data');
    expect(req.headers['x-request-id']).toBe(res.meta.requestId);
    expect(res).toMatchObject({ status: 200, data: { id: '1' }, meta: { attempts: 1, cached: false } });
  });

  it('encodes path parameters and refuses a missing one before the network', async () => {
    const c = client();
    const res = await c.request({ path: '/thing/{id}', params: { id: 'a/b?c' } });
    expect(server.requests[0]!.url.pathname).toBe('/api/thing/a%2Fb%3Fc');
    expect(res.data).toEqual({ id: 'a/b?c' });
    await expect(c.request({ path: '/thing/{id}', params: {} })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends JSON and form bodies; a custom correlation header name or none', async () => {
    const c = client({ requestIdHeader: 'X-Correlation-Id' });
    const res = await c.request({ method: 'POST', path: '/thing', body: { a: 1 } });
    expect(res.data).toEqual({ received: { a: 1 } });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(server.requests[0]!.headers['x-correlation-id']).toBe(res.meta.requestId);
    const none = client({ requestIdHeader: false });
    await none.request({ path: '/echo-headers' });
    expect(server.requests[1]!.headers['x-request-id']).toBeUndefined();
    const form = await c.request({ method: 'POST', path: '/form', form: { grant: 'x', scope: 'a b' } });
    expect(server.requests[2]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.requests[2]!.body).toBe('grant=x&scope=a+b');
    expect(form).toMatchObject({ status: 201, data: { received: { grant: 'x', scope: 'a b' } } });
  });

  it('reads empty, text, gzip and brotli bodies', async () => {
    const c = client();
    expect((await c.request({ path: '/empty' })).data).toBeUndefined();
    expect((await c.request({ path: '/text', responseType: 'text' })).data).toBe('plain words');
    expect((await c.request({ path: '/gzip' })).data).toEqual({ packed: 'gzip' });
    expect((await c.request({ path: '/br' })).data).toEqual({ packed: 'br' });
    await expect(c.request({ path: '/bad-gzip' })).rejects.toMatchObject({ code: 'PARSING_ERROR' });
  });

  it('caps response bodies with a clear PARSING_ERROR', async () => {
    const c = client({ maxResponseBytes: 1000 });
    await expect(c.request({ path: '/big' })).rejects.toMatchObject({ code: 'PARSING_ERROR', message: expect.stringMatching(/maxResponseBytes/) });
  });

  it('rejects CR/LF in header values before sending', async () => {
    const c = client();
    await expect(c.request({ path: '/thing', headers: { 'x-evil': 'a\r\nInjected: 1' } })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(server.requests).toHaveLength(0);
  });

  it('validates data with a schema: unknown fields pass, a wrong type names the path', async () => {
    const c = client();
    const res = await c.request({ path: '/thing', schema: z.looseObject({ id: z.string() }) });
    expect(res.data).toEqual({ id: '1', name: 'thing', extra: true });
    await expect(c.request({ path: '/thing', schema: z.object({ id: z.number() }) })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 200,
      issues: [{ path: 'id', message: expect.any(String) }],
      requestId: expect.any(String),
    });
  });

  it('validates options once at the edge, naming the field', () => {
    expect(() => new HttpClient({ baseUrl: 'not a url', source: 'x' })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR', message: expect.stringMatching(/baseUrl/) }));
    expect(() => new HttpClient({ baseUrl: 'https://a.example', source: 'x', timeoutMs: -1 })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'timeoutMs' })] }));
    expect(() => new HttpClient({ baseUrl: 'ftp://a.example', source: 'x' })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});

describe('HttpClient: hooks, events, logging and secrets', () => {
  it('runs hooks per attempt in order with one state object; auth is applied after hooks', async () => {
    const seen: string[] = [];
    const states: AttemptState[] = [];
    const c = client({
      auth: bearerAuth('very-secret-token'),
      hooks: {
        beforeRequest: [
          (s) => {
            seen.push(`before1:${s.attempt}`);
            s.headers['x-added'] = 'yes';
            states.push(s);
          },
          (s) => void seen.push(`before2:${s.attempt}`),
        ],
        afterResponse: [(s) => void seen.push(`after:${s.response?.status}`)],
        onError: [(s) => void seen.push(`error:${s.error?.code}`)],
        onRetry: [(s) => void seen.push(`retry:${s.delayMs}`)],
      },
    });
    server.use(faults.serverErrors(1));
    await c.request({ path: '/echo-headers' });
    expect(seen).toEqual(['before1:1', 'before2:1', 'after:503', 'error:SERVER_ERROR', 'retry:1000', 'before1:2', 'before2:2', 'after:200']);
    expect(server.requests[1]!.headers['x-added']).toBe('yes');
    expect(server.requests[1]!.headers.authorization).toBe('Bearer very-secret-token');
    expect(JSON.stringify(states)).not.toContain('very-secret-token');
  });

  it('emits request/response/retry/error events without secrets, and disposes listeners', async () => {
    const c = client({ auth: apiKeyAuth({ in: 'query', name: 'appid', value: 'query-secret-123' }) });
    const events: unknown[] = [];
    const offs = (['request', 'response', 'retry', 'error'] as const).map((e) => c.events.on(e, (p) => events.push({ e, p })));
    c.events.on('request', () => {
      throw new Error('a broken listener never breaks a request');
    });
    server.use(faults.serverErrors(1));
    await c.request({ path: '/thing' });
    expect(server.requests[0]!.query.get('appid')).toBe('query-secret-123');
    expect(events.map((x) => (x as { e: string }).e)).toEqual(['request', 'response', 'error', 'retry', 'request', 'response']);
    expect(JSON.stringify(events)).not.toContain('query-secret-123');
    expect(JSON.stringify(events)).toContain('appid=[REDACTED]');
    offs.forEach((off) => off());
    await c.request({ path: '/thing' });
    expect(events).toHaveLength(6);
  });

  it('emits operationStart/operationEnd around all attempts of one operation', async () => {
    const c = client({ auth: apiKeyAuth({ in: 'query', name: 'appid', value: 'operation-secret' }) });
    const seen: Array<Record<string, unknown>> = [];
    c.events.on('operationStart', (e) => seen.push({ start: e.requestId, url: e.url }));
    c.events.on('operationEnd', (e) => seen.push({ end: e.requestId, attempts: e.attempts, status: e.status, errorCode: e.errorCode }));
    server.use(faults.serverErrors(1));
    const ok = await c.request({ path: '/thing', operation: 'things.get' });
    server.use(faults.status(404));
    const failed = (await c.request({ path: '/thing' }).catch((e: unknown) => e)) as { requestId: string };
    expect(seen).toEqual([
      { start: ok.meta.requestId, url: expect.stringContaining('/api/thing') },
      { end: ok.meta.requestId, attempts: 2, status: 200, errorCode: undefined },
      { start: failed.requestId, url: expect.any(String) },
      { end: failed.requestId, attempts: 1, status: undefined, errorCode: 'NOT_FOUND' },
    ]);
    expect(JSON.stringify(seen)).not.toContain('operation-secret');
  });

  it('the logger sees only redacted data', async () => {
    const lines: string[] = [];
    const log = (obj: Record<string, unknown>, msg?: string) => void lines.push(JSON.stringify({ obj, msg }));
    const c = client({ auth: apiKeyAuth({ in: 'query', name: 'appid', value: 'logged-secret-1' }), logger: { debug: log, info: log, warn: log, error: log } });
    server.use(faults.status(401, { body: { message: 'key logged-secret-1 is invalid' } }));
    const error = await c.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('logged-secret-1');
    expect(JSON.stringify(error)).not.toContain('logged-secret-1');
    expect((error as Error).message).toContain('[REDACTED]');
  });
});

describe('HttpClient: retry and idempotency', () => {
  it('does not retry a POST after a 503 (it may have been processed) but does with an idempotency key', async () => {
    const c = client();
    server.use(faults.serverErrors(1, 503, { method: 'POST' }));
    await expect(c.request({ method: 'POST', path: '/thing', body: {} })).rejects.toMatchObject({ code: 'SERVER_ERROR', details: { attempt: 1 } });
    server.resetHandlers();
    server.use(faults.serverErrors(1, 503, { method: 'POST' }));
    const ok = await c.request({ method: 'POST', path: '/thing', body: {}, idempotencyKey: 'key-1' });
    expect(ok.meta.attempts).toBe(2);
    expect(server.requests[1]!.headers['idempotency-key']).toBe('key-1');
  });

  it('retries a POST whose connection was refused (it never reached the server)', async () => {
    const clock = new FakeClock();
    const c = new HttpClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, source: 'closed', clock, retry: { random: () => 1 } });
    clients.push(c);
    const error = await c.request({ method: 'POST', path: '/x', body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', notSent: true, details: { attempt: 3 } });
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('a dropped connection on a POST is not retried', async () => {
    const c = client();
    server.use(faults.networkError({ times: 1, method: 'POST' }));
    await expect(c.request({ method: 'POST', path: '/thing', body: {} })).rejects.toMatchObject({ code: 'NETWORK_ERROR', details: { attempt: 1 } });
    expect(server.requests).toHaveLength(1);
  });

  it('a Retry-After beyond maxRetryAfterMs fails with RATE_LIMIT and the wait, without waiting', async () => {
    const clock = new FakeClock();
    const c = client({ clock });
    server.use(faults.rateLimited({ retryAfter: 3600 }));
    const error = await c.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMIT', retryable: false, retryAfterMs: 3_600_000, message: expect.stringMatching(/3600 s/) });
    expect(clock.sleeps).toEqual([]);
  });

  it('a 429 pauses every call sharing the limiter until the reset', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1000, intervalMs: 1000 }] });
    const first = client({ clock, rateLimit: limiter, retry: false });
    const other = client({ clock, rateLimit: limiter });
    // A real 429 with Retry-After: 5 (the call itself does not retry: it only sets the pause)...
    server.use(faults.rateLimited({ retryAfter: 5, times: 1 }));
    const t0 = clock.now();
    await expect(first.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', status: 429, retryAfterMs: 5000 });
    expect(limiter.snapshot().pausedUntil).toBe(t0 + 5000);
    // ...holds a call made through another client sharing the limiter, until the reset.
    const waits: number[] = [];
    other.events.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    const res = await other.request({ path: '/thing' });
    expect(res.meta.rateLimitWaitMs).toBe(5000);
    expect(waits).toEqual([5000]);
    expect(server.requests).toHaveLength(2);
  });

  it('waits of a limiter passed per request are reported as rateLimitWait events with the request id', async () => {
    const clock = new FakeClock();
    const c = client({ clock });
    const searchLimiter = new RateLimiter({ clock, windows: [{ name: 'search', limit: 1, intervalMs: 1000, burst: 1 }] });
    const waits: Array<{ requestId?: string; window: string | undefined }> = [];
    c.events.on('rateLimitWait', (w) => waits.push(w));
    await c.request({ path: '/thing', rateLimiter: searchLimiter });
    const second = await c.request({ path: '/thing', rateLimiter: searchLimiter, requestId: 'search-2' });
    expect(second.meta.rateLimitWaitMs).toBe(1000);
    expect(waits).toEqual([{ requestId: 'search-2', waitedMs: 1000, window: 'search', reason: 'quota' }]);
    expect(searchLimiter.inFlight).toBe(0);
    await c.close();
    await searchLimiter.pauseUntil(clock.now() + 500);
    await searchLimiter.acquire();
    expect(waits).toHaveLength(1); // a closed client no longer listens to a limiter that outlives it
  });

  it('a non-retryable 429 (a daily quota) fails with its reset time and does not pause the shared limiter', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1000, intervalMs: 1000 }] });
    const c = client({
      clock,
      rateLimit: limiter,
      mapError: ({ status, retryAfterMs, defaultError }) =>
        status === 429 ? new RateLimitError({ message: 'daily quota used up', status, retryable: false, retryAfterMs }) : defaultError,
    });
    server.use(faults.rateLimited({ retryAfter: 50_000, times: 1 }));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', retryable: false, retryAfterMs: 50_000_000 });
    expect(limiter.snapshot().pausedUntil).toBeUndefined();
    expect((await c.request({ path: '/thing' })).meta.rateLimitWaitMs).toBe(0);
  });

  it('retries can be disabled per client or per call; the retry budget stops long chains', async () => {
    server.use(faults.serverErrors(5));
    await expect(client({ retry: false }).request({ path: '/thing' })).rejects.toMatchObject({ details: { attempt: 1 } });
    await expect(client().request({ path: '/thing', retry: false })).rejects.toMatchObject({ details: { attempt: 1 } });
    await expect(client({ retry: { budgetMs: 1500, random: () => 1 } }).request({ path: '/thing' })).rejects.toMatchObject({
      details: { attempt: 2, retryStopped: expect.stringMatching(/budget/) },
    });
  });

  it('when the breaker opens mid-operation, the real error is thrown, not CIRCUIT_OPEN', async () => {
    const c = client({ circuitBreaker: { failureThreshold: 2 }, retry: { maxAttempts: 5, random: () => 1 } });
    server.use(faults.serverErrors(10, 502));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 502 });
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
  });
});

describe('HttpClient: redirects, foreign origins and pagination links', () => {
  it('follows same-origin redirects with credentials', async () => {
    const c = client({ auth: bearerAuth('redirect-token') });
    const res = await c.request({ path: '/redirect-same' });
    expect(res.data).toMatchObject({ id: '1' });
    expect(server.requests[1]!.headers.authorization).toBe('Bearer redirect-token');
  });

  it('sends no credentials to another origin (absolute URL or redirect), or refuses when configured', async () => {
    const other = await startMockServer(handlers);
    try {
      const c = client({ auth: bearerAuth('home-only-token'), query: { key: 'home-only-query' } });
      await c.request({ url: `${other.baseUrl}/api/thing` });
      expect(other.requests[0]!.headers.authorization).toBeUndefined();
      expect(other.requests[0]!.url.search).toBe('');
      server.use(http.get('*/api/jump', () => new HttpResponse(null, { status: 307, headers: { location: `${other.baseUrl}/api/thing` } })));
      await c.request({ path: '/jump' });
      expect(other.requests[1]!.headers.authorization).toBeUndefined();
      const strict = client({ auth: bearerAuth('home-only-token'), foreignRedirects: 'refuse' });
      await expect(strict.request({ path: '/jump' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/another origin/) });
      await expect(c.request({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    } finally {
      await other.close();
    }
  });
});

describe('HttpClient: response cache', () => {
  it('never caches a 200 whose body fails to parse or validate', async () => {
    const c = client({ cache: new MemoryResponseCache() });
    server.use(faults.truncatedJson({ times: 1 }));
    await expect(c.request({ path: '/thing', cache: { ttlMs: Number.POSITIVE_INFINITY } })).rejects.toMatchObject({ code: 'PARSING_ERROR', requestId: expect.any(String) });
    await expect(c.request({ path: '/thing', cache: { ttlMs: Number.POSITIVE_INFINITY }, schema: z.object({ id: z.number() }) })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    const good = await c.request({ path: '/thing', cache: { ttlMs: Number.POSITIVE_INFINITY } });
    expect(good).toMatchObject({ data: { id: '1' }, meta: { cached: false } });
    expect(server.requests).toHaveLength(3);
  });

  it('serves fresh entries without a request, revalidates with ETag, never stores no-store', async () => {
    const clock = new FakeClock();
    const cache = new MemoryResponseCache();
    const c = client({ clock, cache });
    await c.request({ path: '/cached' });
    const second = await c.request({ path: '/cached' });
    expect(second.meta.cached).toBe(true);
    expect(server.requests).toHaveLength(1);
    clock.advance(61_000);
    const third = await c.request({ path: '/cached' });
    expect(third).toMatchObject({ data: { cached: true }, meta: { cached: true } });
    expect(server.requests[1]!.headers['if-none-match']).toBe('"v1"');
    await c.request({ path: '/no-store' });
    await c.request({ path: '/no-store' });
    expect(server.requests.filter((r) => r.path === '/api/no-store')).toHaveLength(2);
    await c.request({ path: '/thing', cache: { ttlMs: Number.POSITIVE_INFINITY } });
    await c.request({ path: '/thing' });
    expect(server.requests.filter((r) => r.path === '/api/thing')).toHaveLength(1);
  });
});

describe('HttpClient: OAuth2', () => {
  it('fetches a token, refreshes once on 401 and shares one refresh among concurrent calls', async () => {
    tokenCalls = 0;
    const rotated: string[] = [];
    const auth = oauth2Auth({ tokenUrl: `${server.baseUrl}/oauth/token`, clientId: 'id', clientSecret: 'client-secret-value', refreshToken: 'first-refresh-token', onRefreshToken: (t) => rotated.push(t) });
    const c = client({ auth });
    const results = await Promise.all([c.request({ path: '/thing' }), c.request({ path: '/thing' }), c.request({ path: '/thing' })]);
    expect(results).toHaveLength(3);
    expect(tokenCalls).toBe(1);
    expect(rotated).toEqual(['rotated-refresh-token']);
    const res = await c.request({ path: '/needs-fresh-token' });
    expect(res.data).toEqual({ ok: true });
    expect(tokenCalls).toBe(2);
  });

  it('a failed refresh is AUTH_FAILED with the reason, without secrets', async () => {
    const auth = oauth2Auth({ tokenUrl: `${server.baseUrl}/oauth/token`, clientId: 'id', clientSecret: 'client-secret-value', refreshToken: 'bad-refresh-token' });
    const error = await client({ auth }).request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/refresh token is invalid/) });
    expect(JSON.stringify(error)).not.toContain('bad-refresh-token');
  });

  it('refreshes before expiry', async () => {
    tokenCalls = 0;
    const clock = new FakeClock();
    const auth = oauth2Auth({ tokenUrl: `${server.baseUrl}/oauth/token`, clientId: 'id', clientSecret: 'client-secret-value', clock });
    const c = client({ auth, clock });
    await c.request({ path: '/thing' });
    clock.advance(1800_000 - 59_000);
    await c.request({ path: '/thing' });
    expect(tokenCalls).toBe(2);
    expect(new URLSearchParams(server.requests[0]!.body).get('grant_type')).toBe('client_credentials');
  });
});

describe('HttpClient: lifecycle and quota hooks', () => {
  it('close() drains in-flight requests, then later calls fail with CLIENT_CLOSED', async () => {
    const c = client();
    server.use(faults.stall(100, { times: 1 }));
    const inFlight = c.request({ path: '/thing' });
    await new Promise((r) => setTimeout(r, 20));
    expect(c.inFlight).toBe(1);
    await c.close();
    await expect(inFlight).resolves.toMatchObject({ status: 200 });
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(c.isClosed).toBe(true);
  });

  it('feeds quota observations to the limiter and lets inspectResponse and mapError shape errors', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'w', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    const c = client({
      clock,
      rateLimit: limiter,
      observeQuota: ({ headers }) => [{ window: 'w', remaining: Number(headers['x-remaining'] ?? 100) }],
      inspectResponse: ({ data }) => ((data as { name?: string } | undefined)?.name === 'thing' ? undefined : new AuthError({ message: 'inspected' })),
      mapError: ({ status, path, defaultError }) => (status === 418 ? new AuthError({ message: `teapot mapped at ${path}`, status }) : defaultError),
    });
    server.use(http.get('*/api/quota', () => HttpResponse.json({ name: 'thing' }, { headers: { 'x-remaining': '3' } })));
    const res = await c.request({ path: '/quota' });
    expect(res.meta.rateLimit).toEqual({ w: 99 });
    expect(limiter.snapshot().remaining.w).toBe(99);
    await c.request({ path: '/thing' });
    expect(limiter.snapshot().remaining.w).toBe(3 - 1 + 0);
    await expect(c.request({ path: '/empty' })).rejects.toMatchObject({ message: 'inspected' });
    server.use(faults.status(418));
    await expect(c.request({ path: '/thing', query: { q: 1 } })).rejects.toMatchObject({ code: 'AUTH_FAILED', message: 'teapot mapped at /api/thing?q=1' });
  });

  it('an exception thrown by a hook surfaces unchanged and is not retried', async () => {
    const bug = new TypeError('bug in my hook');
    const c = client({ hooks: { afterResponse: [() => { throw bug; }] } });
    await expect(c.request({ path: '/thing' })).rejects.toBe(bug);
    expect(server.requests).toHaveLength(1);
    // Unchanged: the exit stamps nothing on someone else's error.
    expect(Object.keys(bug)).toEqual([]);
    expect(bug.message).toBe('bug in my hook');
  });

  it('streams a body as decoded chunks', async () => {
    const c = client();
    const res = await c.stream({ path: '/gzip' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body) chunks.push(chunk);
    expect(JSON.parse(Buffer.concat(chunks).toString())).toEqual({ packed: 'gzip' });
    await expect(c.stream({ path: '/missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancellation while waiting for the limiter or between retries is CANCELLED', async () => {
    // Real time: the waits below are a minute long, so only an abort that ends them mid-wait lets the test finish.
    const limiter = new RateLimiter({ windows: [{ name: 'm', limit: 1, intervalMs: 60_000, burst: 1 }] });
    const c = client({ clock: systemClock, rateLimit: limiter });
    await c.request({ path: '/thing' });
    const inLimiter = new AbortController();
    const waiting = c.request({ path: '/thing', signal: inLimiter.signal });
    const waitStarted = new Promise((resolve) => c.events.on('rateLimitWait', resolve));
    await waitStarted;
    inLimiter.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });

    const backoff = client({ clock: systemClock, retry: { backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 } } });
    server.use(faults.serverErrors(3));
    const inBackoff = new AbortController();
    const retrying = backoff.request({ path: '/thing', signal: inBackoff.signal });
    await new Promise((resolve) => backoff.events.on('retry', resolve));
    inBackoff.abort();
    await expect(retrying).rejects.toMatchObject({ code: 'CANCELLED', details: { attempt: 1 } });
    expect(server.requests).toHaveLength(2);
  });
});
