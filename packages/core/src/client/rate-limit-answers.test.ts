import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../errors/error-classes.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import { systemClock } from '../time/clock.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.get('*/api/thing', () => HttpResponse.json({ ok: true })), http.post('*/api/thing', () => HttpResponse.json({ id: 1 }, { status: 201 }))]);
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

/** GitHub's primary rate limit: 403 with remaining 0 and a reset epoch (seconds), sent on every response. */
const githubLimited = (resetEpochS: number, times = 1) =>
  faults.status(403, { times, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochS) } });
const githubLike = (clock: FakeClock, extra: Partial<HttpClientOptions> = {}) =>
  client({
    clock,
    retryAfterHeaders: ['x-ratelimit-reset'],
    isRateLimited: ({ status, headers }) => status === 429 || (status === 403 && headers['x-ratelimit-remaining'] === '0'),
    ...extra,
  });

describe('§3/§5 which answers are rate limits, and what a server wait means', () => {
  it('a 503 with a long Retry-After is a SERVER_ERROR carrying retryAfterMs, not a RATE_LIMIT', async () => {
    server.use(faults.status(503, { headers: { 'retry-after': '3600' } }));
    const error = await client().request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 503, retryAfterMs: 3_600_000, details: { attempt: 1 } });
  });

  it('reset headers apply to rate-limit answers only: a 502 with a reset epoch an hour away is retried with backoff', async () => {
    const clock = new FakeClock();
    const resetIn1h = Math.floor(clock.now() / 1000) + 3600;
    server.use(faults.status(502, { times: 1, headers: { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(resetIn1h) } }));
    const res = await githubLike(clock).request({ path: '/thing' });
    expect(res.meta.attempts).toBe(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('a declared rate-limit answer (403 + remaining 0) gets every 429 behaviour: RATE_LIMIT with the reset wait', async () => {
    const clock = new FakeClock();
    const reset = Math.floor(clock.now() / 1000) + 30;
    server.use(githubLimited(reset));
    const res = await githubLike(clock).request({ path: '/thing' });
    expect(res.meta.attempts).toBe(2);
    expect(clock.sleeps).toEqual([30_000]);
    server.use(githubLimited(reset + 3600));
    const error = await githubLike(clock).request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMIT', status: 403, retryable: false, retryAfterMs: expect.any(Number) as number });
  });

  it('... safe to resend a POST, neutral for the breaker, and pausing the shared limiter', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'core', limit: 5000, intervalMs: 3_600_000 }] });
    const c = githubLike(clock, { rateLimit: limiter, retry: false });
    const reset = Math.floor(clock.now() / 1000) + 20;
    server.use(githubLimited(reset, 8));
    for (let i = 0; i < 8; i += 1) {
      await expect(c.request({ method: 'POST', path: '/thing', body: {} })).rejects.toMatchObject({ code: 'RATE_LIMIT', writeOutcome: 'not-applied', retryable: true });
      // The first answer paused the shared limiter until the reset; the next call waited it out.
      if (i === 0) expect(limiter.snapshot().pausedUntil).toBe(reset * 1000);
    }
    expect(clock.sleeps).toEqual([20_000]);
    expect(c.breaker()?.currentState).toBe('closed');
    const retried = githubLike(clock, { rateLimit: limiter });
    server.use(githubLimited(reset, 1));
    const created = await retried.request({ method: 'POST', path: '/thing', body: {} });
    expect(created.status).toBe(201);
  });

  it('a 429 whose Retry-After is beyond maxRetryAfterMs does not pause the shared limiter', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 100, intervalMs: 1000 }] });
    const c = client({ clock, rateLimit: limiter });
    server.use(faults.rateLimited({ retryAfter: 3600, times: 1 }));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 3_600_000 });
    expect(limiter.snapshot().pausedUntil).toBeUndefined();
    const next = await c.request({ path: '/thing' });
    expect(next.meta.rateLimitWaitMs).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it('a call queued behind others in the limiter is cancelled at once, not when it reaches the head', async () => {
    const limiter = new RateLimiter({ windows: [{ name: 'm', limit: 1, intervalMs: 60_000, burst: 1 }] });
    const c = client({ clock: systemClock, rateLimit: limiter, concurrency: { maxInFlight: 5 } });
    await c.request({ path: '/thing' });
    const head = new AbortController();
    const queued = new AbortController();
    const first = c.request({ path: '/thing', signal: head.signal });
    const second = c.request({ path: '/thing', signal: queued.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    queued.abort();
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
    head.abort();
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(server.requests).toHaveLength(1);
  });

  it('a rate-limit wait longer than what is left of the retry budget fails fast, sending nothing', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'm', limit: 1, intervalMs: 600_000, burst: 1 }] });
    const c = client({ clock, rateLimit: limiter, retry: { budgetMs: 10_000 } });
    await c.request({ path: '/thing' });
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', retryable: false });
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('the retry budget left, not the whole budget, caps a rate-limit wait later in the operation', async () => {
    const clock = new FakeClock();
    // 8 s of the 10 s budget go to a server wait; the limiter then needs 5 s more: past what is left.
    const limiter = new RateLimiter({ clock, windows: [{ name: 'w', limit: 1, intervalMs: 13_000, burst: 1 }] });
    const c = client({ clock, rateLimit: limiter, retry: { budgetMs: 10_000 } });
    server.use(faults.rateLimited({ retryAfter: 8, times: 1 }));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', retryable: false, details: { reason: 'quota' } });
    expect(clock.sleeps).toEqual([8000]);
  });

  it('a wait of exactly maxRetryAfterMs pauses the shared limiter; a THROTTLED inside a 200 never does', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 100, intervalMs: 1000 }] });
    const t0 = clock.now();
    server.use(faults.rateLimited({ retryAfter: 60, times: 1 }));
    await expect(client({ clock, rateLimit: limiter, retry: false }).request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT' });
    expect(limiter.snapshot().pausedUntil).toBe(t0 + 60_000);
    const other = new RateLimiter({ clock, windows: [{ name: 's', limit: 100, intervalMs: 1000 }] });
    const graphql = client({
      clock,
      rateLimit: other,
      retry: false,
      inspectResponse: () => new RateLimitError({ message: 'THROTTLED', status: 200, retryable: true, retryAfterMs: 2000 }),
    });
    await expect(graphql.request({ path: '/thing' })).rejects.toMatchObject({ code: 'RATE_LIMIT', status: 200 });
    expect(other.snapshot().pausedUntil).toBeUndefined();
  });
});
