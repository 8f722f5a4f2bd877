import { FakeClock, MemoryRateLimitStore, MemoryResponseCache } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_BLOCK_HOLD_MS } from '../src/index.js';
import { errorHandlers, fixtures } from '../src/mocks/index.js';
import { caught, connect, useMockServer } from './helpers.js';

const ctx = useMockServer();
const HERE = { lat: 44.34, lon: 10.99 };
const ONE_CALL = { lat: 33.44, lon: -94.04 };
const HOUR = 3_600_000;

/** How the server answered each request it saw: 200 or 429 (the mock records requests, the test records answers). */
const statuses = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { status?: number; code: string }).status === 429 ? 'server-429' : 'held'));

describe('the "account temporarily blocked" 429', () => {
  it('holds back queued and later calls locally for the block (1 h), with RATE_LIMIT and retryAfterMs, none sent', async () => {
    const clock = new FakeClock();
    const { client } = connect(ctx.server, { clock });
    // The plan allows 10 calls; the 11th is answered with the block, as OpenWeather does, for an hour.
    ctx.server.use(errorHandlers.accountBlocked({ after: 10, now: () => clock.now() }));
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => client.current(HERE)));
    const seen = statuses(results);
    expect(seen.filter((s) => s === 'ok')).toHaveLength(10);
    // At most the calls already in flight when the first 429 came back (10 at once by default) reach the wall.
    const server429 = seen.filter((s) => s === 'server-429').length;
    expect(server429).toBeGreaterThanOrEqual(1);
    expect(server429).toBeLessThanOrEqual(10);
    expect(ctx.server.requests).toHaveLength(10 + server429);
    for (const result of results) {
      if (result.status === 'fulfilled' || (result.reason as { status?: number }).status === 429) continue;
      expect(result.reason).toMatchObject({
        code: 'RATE_LIMIT',
        retryable: false,
        retryAfterMs: HOUR,
        source: 'openweather',
        details: { reason: 'account_blocked', scope: 'all', blockedUntil: new Date(clock.now() + HOUR).toISOString() },
      });
      expect((result.reason as Error).message).toContain('not sent');
    }

    // A later call, another endpoint too, is refused at once and costs nothing.
    clock.advance(10 * 60_000);
    const later = await caught(() => client.geocode('London'));
    expect(later).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 50 * 60_000, details: { reason: 'account_blocked' } });
    expect(ctx.server.requests).toHaveLength(10 + server429);

    // When the hour is over, calls go out again (and the mock's block is over too).
    clock.advance(later.retryAfterMs as number);
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    expect(ctx.server.requests).toHaveLength(11 + server429);
  });

  it('one call at a time: exactly one 429 reaches the server, the 29 queued behind it are held back', async () => {
    const clock = new FakeClock();
    const { client } = connect(ctx.server, { clock, concurrency: { maxInFlight: 1 } });
    ctx.server.use(errorHandlers.accountBlocked({ after: 10, now: () => clock.now() }));
    const seen = statuses(await Promise.allSettled(Array.from({ length: 40 }, () => client.current(HERE))));
    expect(seen.filter((s) => s === 'ok')).toHaveLength(10);
    expect(seen.filter((s) => s === 'server-429')).toHaveLength(1);
    expect(seen.filter((s) => s === 'held')).toHaveLength(29);
    expect(ctx.server.requests).toHaveLength(11);
  });

  it('holds calls back even with local quotas off (rateLimit: false)', async () => {
    const clock = new FakeClock();
    const { client } = connect(ctx.server, { clock, rateLimit: false });
    ctx.server.use(errorHandlers.accountBlocked({ now: () => clock.now() }));
    expect(await caught(() => client.current(HERE))).toMatchObject({ code: 'RATE_LIMIT', status: 429 });
    expect(await caught(() => client.current(HERE))).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: HOUR, details: { reason: 'account_blocked' } });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('a 429 on One Call holds back One Call only: the free endpoints keep working', async () => {
    const clock = new FakeClock();
    const { client } = connect(ctx.server, { clock });
    ctx.server.use(errorHandlers.oneCallDailyCapReached());
    expect(await caught(() => client.oneCall(ONE_CALL))).toMatchObject({ code: 'RATE_LIMIT', status: 429, body: fixtures.errors.accountBlocked });
    const held = await caught(() => client.oneCall.overview(ONE_CALL));
    expect(held).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: HOUR, details: { reason: 'account_blocked', scope: 'oneCall' } });
    expect(held.status).toBeUndefined();
    expect(ctx.server.requests).toHaveLength(1);
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    expect(ctx.server.requests).toHaveLength(2);
  });

  it('a response cache still answers while the key is blocked (a cached answer costs no call)', async () => {
    const clock = new FakeClock();
    const { client } = connect(ctx.server, { clock, cache: new MemoryResponseCache() });
    const cached = await client.current(HERE);
    ctx.server.use(errorHandlers.accountBlocked({ now: () => clock.now() }));
    expect(await caught(() => client.geocode('London'))).toMatchObject({ code: 'RATE_LIMIT', status: 429 });
    await expect(client.current(HERE)).resolves.toEqual(cached);
    expect(await caught(() => client.current({ lat: 1, lon: 1 }))).toMatchObject({ code: 'RATE_LIMIT', details: { reason: 'account_blocked' } });
    expect(ctx.server.requests).toHaveLength(2);
  });

  it('clients sharing a store (other processes) share the hold: the second sends nothing into the block', async () => {
    const clock = new FakeClock();
    const store = new MemoryRateLimitStore(clock);
    const first = connect(ctx.server, { clock, store }).client;
    const second = connect(ctx.server, { clock, store }).client;
    ctx.server.use(errorHandlers.accountBlocked({ now: () => clock.now() }));
    expect(await caught(() => first.current(HERE))).toMatchObject({ code: 'RATE_LIMIT', status: 429 });
    expect(await caught(() => second.geocode('London'))).toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: HOUR, details: { reason: 'account_blocked' } });
    expect(ctx.server.requests).toHaveLength(1);
    // A client on its own store (another key or account) is not held.
    const other = connect(ctx.server, { clock }).client;
    ctx.server.resetHandlers();
    await expect(other.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
  });

  it('the hold is the shortest block OpenWeather documents: one hour', () => {
    expect(ACCOUNT_BLOCK_HOLD_MS).toBe(HOUR);
  });
});

describe('errorHandlers.accountBlocked (the mock)', () => {
  it('answers like OpenWeather: after `after` calls, the 429 body to every call for an hour, then normal answers', async () => {
    const clock = new FakeClock();
    ctx.server.use(errorHandlers.accountBlocked({ after: 2, now: () => clock.now() }));
    // Straight to the mock (a connector would hold calls back after the first 429).
    const raw = async () => {
      const response = await fetch(`${ctx.server.baseUrl}/data/2.5/weather?lat=1&lon=2&appid=k`);
      const body: unknown = await response.json();
      return response.status === 200 ? 200 : [response.status, body, response.headers.get('retry-after')];
    };
    expect(await raw()).toBe(200);
    expect(await raw()).toBe(200);
    expect(await raw()).toEqual([429, fixtures.errors.accountBlocked, null]);
    clock.advance(HOUR - 1);
    expect(await raw()).toEqual([429, fixtures.errors.accountBlocked, null]);
    clock.advance(1);
    expect(await raw()).toBe(200);
    expect(ctx.server.requests).toHaveLength(5);
  });
});
