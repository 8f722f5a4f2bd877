import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors/error-classes.js';
import type { AttemptState } from '../hooks/hooks.js';
import { quotaFromHeaders } from '../http/quota-headers.js';
import { RateLimiter } from '../policies/rate-limiter.js';
import { faults } from '../testing/faults.js';
import { startMockServer, type MockServer } from '../testing/mock-server.js';
import type { Clock } from '../time/clock.js';
import { FakeClock } from '../time/fake-clock.js';
import { HttpClient } from './http-client.js';
import type { HttpClientOptions } from './options.js';
import type { RequestSpec } from './request-types.js';
import { closedPort } from '../testing/closed-port.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer([http.get('*/api/things/:id', ({ params }) => HttpResponse.json({ id: params.id })), http.get('*/api/thing', () => HttpResponse.json({ ok: true }))]);
});
afterEach(() => server.resetHandlers());
afterAll(async () => server.close());

const clients: HttpClient[] = [];
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({ baseUrl: `${server.baseUrl}/api`, source: 'test', clock: new FakeClock(), ...extra });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('§2 per-call options are validated like client options', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['a negative timeout', { timeoutMs: -1 }, 'timeoutMs'],
    ['NaN', { timeoutMs: Number.NaN }, 'timeoutMs'],
    ['Infinity', { timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs'],
    ['a timeout past the timer range', { timeoutMs: 3e9 }, 'timeoutMs'],
    ['a signal that is not one', { signal: 'nope' }, 'signal'],
    ['retry: "yes"', { retry: 'yes' }, 'retry'],
    ['an unknown retry option', { retry: { attempts: 9 } }, 'retry'],
    ['headers that are not strings', { headers: { 'x-n': 1 } }, 'headers.x-n'],
    ['an empty idempotency key', { idempotencyKey: '' }, 'idempotencyKey'],
  ];
  it.each(bad)('%s is a VALIDATION_ERROR naming the field, nothing is sent', async (_name, options, field) => {
    const c = client();
    const error = await c.request({ path: '/thing', ...(options as Partial<RequestSpec>) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', retryable: false, issues: expect.arrayContaining([expect.objectContaining({ path: field })]) as unknown });
    expect(server.requests).toHaveLength(0);
  });

  it('bad calls are neutral for the breaker: twenty of them leave the circuit closed', async () => {
    const c = client({ circuitBreaker: { failureThreshold: 2 } });
    for (let i = 0; i < 20; i += 1) await c.request({ path: '/thing', timeoutMs: -1 }).catch(() => undefined);
    expect(c.breaker()?.currentState).toBe('closed');
    expect((await c.request({ path: '/thing' })).data).toEqual({ ok: true });
  });

  it('§13 a path parameter "." or ".." is refused before the network (it would climb the path)', async () => {
    const c = client();
    for (const id of ['..', '.']) {
      await expect(c.request({ path: '/things/{id}', params: { id } })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'id' }] });
    }
    expect(server.requests).toHaveLength(0);
    expect((await c.request({ path: '/things/{id}', params: { id: '...' } })).data).toEqual({ id: '...' });
  });
});

describe("§11 the client's clock reaches every callback", () => {
  it('mapError, observeQuota, inspectResponse and hooks get the clock the client was built with', async () => {
    const clock = new FakeClock();
    const seen: Array<[string, Clock]> = [];
    const record = (name: string) => (state: AttemptState) => void seen.push([name, state.clock]);
    const c = client({
      clock,
      retry: false,
      observeQuota: (ctx) => (seen.push(['observeQuota', ctx.clock]), []),
      inspectResponse: (ctx) => (seen.push(['inspectResponse', ctx.clock]), undefined),
      mapError: (ctx) => (seen.push(['mapError', ctx.clock]), undefined),
      hooks: { beforeRequest: [record('beforeRequest')], afterResponse: [record('afterResponse')], onError: [record('onError')] },
    });
    await c.request({ path: '/thing' });
    server.use(faults.status(400, { times: 1 }));
    await c.request({ path: '/thing' }).catch(() => undefined);
    const names = new Set(seen.map(([name]) => name));
    expect([...names].sort()).toEqual(['afterResponse', 'beforeRequest', 'inspectResponse', 'mapError', 'observeQuota', 'onError']);
    for (const [, got] of seen) expect(got).toBe(clock);
  });

  it('quotaFromHeaders reads a reset epoch against the client clock, not Date.now', async () => {
    const clock = new FakeClock(Date.UTC(2020, 0, 1));
    const limiter = new RateLimiter({ clock, windows: [{ name: 'hour', limit: 100, intervalMs: 3_600_000, algorithm: 'fixed-window' }] });
    const observations: unknown[] = [];
    const read = quotaFromHeaders('hour');
    const c = client({ clock, rateLimit: limiter, observeQuota: (ctx) => {
      const out = read(ctx);
      observations.push(...out);
      return out;
    } });
    const resetEpochS = Math.floor(clock.now() / 1000) + 90;
    server.use(http.get('*/api/thing', () => HttpResponse.json({ ok: true }, { headers: { 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': String(resetEpochS) } })));
    await c.request({ path: '/thing' });
    expect(observations).toEqual([{ window: 'hour', remaining: 7, resetInMs: 90_000, mode: 'min' }]);
  });

  it('an error mapper can still refine the default error (and sees whether the answer was a rate limit)', async () => {
    const c = client({ retry: false, mapError: ({ rateLimited, defaultError }) => (rateLimited ? defaultError : new InvalidRequestError({ message: 'mapped' })) });
    server.use(faults.status(418, { times: 1 }));
    await expect(c.request({ path: '/thing' })).rejects.toMatchObject({ message: 'mapped', code: 'INVALID_REQUEST' });
  });

  it("the exit stamps the client's source and the operation's duration on the client's clock", async () => {
    const clock = new FakeClock();
    const c = client({ clock, retry: { random: () => 1 }, mapError: ({ status }) => (status === 400 ? new InvalidRequestError({ message: 'mapped', status }) : undefined) });
    server.use(faults.serverErrors(1, 503), faults.status(400, { times: 1 }));
    const error = await c.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', source: 'test', details: { attempt: 2, durationMs: 1000 } });
  });

  it('units taken from the limiter are given back on every path, a failed send included', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 10, intervalMs: 1000 }] });
    const refused = new HttpClient({ baseUrl: `http://127.0.0.1:${await closedPort()}/api`, source: 'test', clock, retry: false, rateLimit: limiter });
    clients.push(refused);
    await expect(refused.request({ path: '/thing' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(limiter.inFlight).toBe(0);
  });
});
