import { FakeClock, MemoryRateLimitStore, MemoryResponseCache } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { FREE_PLAN_LIMITS, nextUtcMidnight, OpenWeatherConnector, REQUESTS_WINDOW } from '../src/index.js';
import { errorHandlers } from '../src/mocks/index.js';
import { createQuota } from '../src/quota.js';
import { API_KEY, caught, connect, useMockServer } from './helpers.js';

const ctx = useMockServer();
const HERE = { lat: 33.44, lon: -94.04 };
const SMALL = { exclude: ['minutely', 'hourly', 'daily', 'alerts'] } as const;

describe('local quotas', () => {
  it('fails the 1,001st One Call of the UTC day fast with RATE_LIMIT and the reset time, without sending it', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 9, 0, 0));
    const { client } = connect(ctx.server, { clock });
    for (let i = 0; i < FREE_PLAN_LIMITS.oneCallPerDay; i += 1) await client.oneCall(HERE, SMALL);
    expect(ctx.server.requests).toHaveLength(1000);
    // 1,000 calls at 60 a minute took a little under 17 minutes of (fake) time: the minute window paced them.
    expect(clock.now() - Date.UTC(2026, 0, 1, 9, 0, 0)).toBeGreaterThanOrEqual(16 * 60_000);

    const error = await caught(() => client.oneCall(HERE, SMALL));
    expect(error).toMatchObject({
      code: 'RATE_LIMIT',
      retryable: false,
      retryAfterMs: Date.UTC(2026, 0, 2) - clock.now(),
      details: { window: 'oneCallDaily', resetsAt: '2026-01-02T00:00:00.000Z' },
    });
    expect(error.message).toContain('The call was not sent');
    expect(ctx.server.requests).toHaveLength(1000);

    // The free endpoints are not part of the One Call allowance.
    await expect(client.current(HERE)).resolves.toMatchObject({ name: 'Zocca' });
    // After midnight UTC the allowance is back.
    clock.advance(error.retryAfterMs as number);
    await expect(client.oneCall(HERE, SMALL)).resolves.toMatchObject({ units: 'standard' });
    expect(ctx.server.requests).toHaveLength(1002);
    // 1,002 real loopback requests: generous room on a loaded machine (a bound, not a timing assertion).
  }, 60_000);

  it('shares the per-minute window between One Call and every other call', async () => {
    const { client, clock } = connect(ctx.server, { limits: { perMinute: 3 } });
    const waits: Array<{ window: string | undefined; waitedMs: number }> = [];
    client.on('rateLimitWait', (wait) => waits.push(wait));
    const start = clock.now();
    await client.current(HERE);
    await client.oneCall(HERE, SMALL);
    await client.geocode('London');
    expect(waits).toEqual([]);
    await client.oneCall(HERE, SMALL);
    expect(waits).toEqual([expect.objectContaining({ window: 'minute', reason: 'quota' })]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
    expect(ctx.server.requests).toHaveLength(4);
  });

  it('keeps the daily count in the store, so a new client on the same store (a restart) cannot overspend', async () => {
    const clock = new FakeClock();
    const store = new MemoryRateLimitStore(clock);
    const first = new OpenWeatherConnector({ apiKey: API_KEY, baseUrl: ctx.server.baseUrl, clock, store, limits: { oneCallPerDay: 2 } });
    await first.oneCall(HERE, SMALL);
    await first.oneCall(HERE, SMALL);
    await first.disconnect();

    const second = new OpenWeatherConnector({ apiKey: API_KEY, baseUrl: ctx.server.baseUrl, clock, store, limits: { oneCallPerDay: 2 } });
    expect(await caught(() => second.oneCall.overview(HERE))).toMatchObject({ code: 'RATE_LIMIT', details: { window: 'oneCallDaily' } });
    expect(ctx.server.requests).toHaveLength(2);

    // Another key (another account) has its own count.
    const other = new OpenWeatherConnector({ apiKey: 'another-key-123456', baseUrl: ctx.server.baseUrl, clock, store, limits: { oneCallPerDay: 2, key: 'account-b' } });
    await expect(other.oneCall.overview(HERE)).resolves.toMatchObject({ units: 'standard' });
  });

  it('keeps the counts across disconnect() and connect()', async () => {
    const { client } = connect(ctx.server, { limits: { oneCallPerDay: 1 } });
    await client.oneCall.at(HERE, 1_700_000_000);
    await client.disconnect();
    await client.connect();
    expect(await caught(() => client.oneCall.at(HERE, 1_700_000_000))).toMatchObject({ code: 'RATE_LIMIT' });
    expect(ctx.server.requests).toHaveLength(1);
  });

  it('with a response cache, a repeat within 10 minutes is served locally and spends no quota', async () => {
    const { client, clock } = connect(ctx.server, { cache: new MemoryResponseCache(), limits: { oneCallPerDay: 1 } });
    const first = await client.oneCall(HERE, SMALL);
    clock.advance(9 * 60_000);
    await expect(client.oneCall(HERE, SMALL)).resolves.toEqual(first);
    expect(ctx.server.requests).toHaveLength(1);
    clock.advance(2 * 60_000);
    // Stale now: a new call is needed, and the daily allowance of 1 is spent.
    expect(await caught(() => client.oneCall(HERE, SMALL))).toMatchObject({ code: 'RATE_LIMIT' });
    await client.geocode('London');
    clock.advance(60 * 60_000);
    await client.geocode('London');
    expect(ctx.server.requests).toHaveLength(2);
  });

  it('rateLimit: false turns local quotas off', async () => {
    const { client, clock } = connect(ctx.server, { rateLimit: false });
    for (let i = 0; i < 61; i += 1) await client.current(HERE);
    expect(ctx.server.requests).toHaveLength(61);
    expect(clock.sleeps).toEqual([]);
  });

  it('a 429 from the daily cap set in the OpenWeather account is RATE_LIMIT, not retried', async () => {
    const { client } = connect(ctx.server, { retry: { maxAttempts: 4, random: () => 0.5 } });
    ctx.server.use(errorHandlers.oneCallDailyCapReached());
    expect(await caught(() => client.oneCall(HERE))).toMatchObject({ code: 'RATE_LIMIT', status: 429, retryable: false });
    expect(ctx.server.requests).toHaveLength(1);
  });
});

describe('quota configuration', () => {
  it('defaults to the free plan: 60 a minute (rolling) for all calls, 1,000 One Calls a UTC day failing fast', () => {
    const { general, oneCall } = createQuota({}, undefined, new FakeClock());
    expect(general.windows).toEqual([{ name: 'minute', limit: 60, intervalMs: 60_000, algorithm: 'sliding-window' }]);
    expect(oneCall.windows).toEqual([
      general.windows[0],
      { name: 'oneCallDaily', limit: 1000, intervalMs: 86_400_000, algorithm: 'fixed-window', resetAt: nextUtcMidnight, maxWaitMs: 0 },
    ]);
    expect(general.key).toBe('openweather');
    expect(oneCall.key).toBe('openweather');
  });

  it('takes paid-plan limits, and oneCallPerDay: false drops the local daily cap', () => {
    const paid = createQuota({ perMinute: 600, oneCallPerDay: 5000, key: 'acme' }, undefined, undefined);
    expect(paid.general.windows[0]?.limit).toBe(600);
    expect(paid.oneCall.windows.map((w) => [w.name, w.limit])).toEqual([
      ['minute', 600],
      ['oneCallDaily', 5000],
    ]);
    expect(paid.oneCall.key).toBe('acme');
    expect(createQuota({ oneCallPerDay: false }, undefined, undefined).oneCall.windows.map((w) => w.name)).toEqual(['minute']);
  });

  it('nextUtcMidnight is the next 00:00 UTC', () => {
    expect(nextUtcMidnight(Date.UTC(2026, 0, 31, 23, 59, 59))).toBe(Date.UTC(2026, 1, 1));
    expect(nextUtcMidnight(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 2));
  });

  it('limits.requests takes any window, e.g. 10 per 20 s, which perMinute cannot express', () => {
    const { general, oneCall } = createQuota({ requests: { limit: 10, intervalMs: 20_000 } }, undefined, new FakeClock());
    expect(REQUESTS_WINDOW).toBe('requests');
    expect(general.windows).toEqual([{ name: 'requests', limit: 10, intervalMs: 20_000, algorithm: 'sliding-window' }]);
    expect(oneCall.windows.map((w) => [w.name, w.limit, w.intervalMs])).toEqual([
      ['requests', 10, 20_000],
      ['oneCallDaily', 1000, 86_400_000],
    ]);
    // perMinute still works, and is the same as { limit, intervalMs: 60_000 } under its usual name.
    expect(createQuota({ perMinute: 600 }, undefined, undefined).general.windows).toEqual([
      { name: 'minute', limit: 600, intervalMs: 60_000, algorithm: 'sliding-window' },
    ]);
  });

  it('a 10-per-20-s window paces the 11th call to the 20 s mark, shared with One Call', async () => {
    const { client, clock } = connect(ctx.server, { limits: { requests: { limit: 10, intervalMs: 20_000 } } });
    const waits: Array<{ window: string | undefined; waitedMs: number }> = [];
    client.on('rateLimitWait', (wait) => waits.push(wait));
    const start = clock.now();
    for (let i = 0; i < 9; i += 1) await client.current(HERE);
    await client.oneCall(HERE, SMALL);
    expect(waits).toEqual([]);
    await client.current(HERE);
    expect(waits).toEqual([expect.objectContaining({ window: 'requests', reason: 'quota' })]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(20_000);
    expect(clock.now() - start).toBeLessThan(60_000);
    expect(ctx.server.requests).toHaveLength(11);
  });

  it.each([
    [{ perMinute: 60, requests: { limit: 10, intervalMs: 20_000 } }, 'limits: give either perMinute or requests'],
    [{ requests: { limit: 0, intervalMs: 20_000 } }, 'limits.requests.limit: must be positive'],
    [{ requests: { limit: 10, intervalMs: 0 } }, 'limits.requests.intervalMs: must be positive'],
    [{ requests: { limit: 10, intervalMs: 86_400_001 } }, 'limits.requests.intervalMs: must be at most 86400000'],
    [{ requests: { limit: 10 } }, 'limits.requests.intervalMs'],
    [{ requests: 10 }, 'limits.requests'],
  ])('rejects limits %j with VALIDATION_ERROR naming the field', (limits, message) => {
    expect(() => new OpenWeatherConnector({ apiKey: API_KEY, limits: limits as never })).toThrow(message);
  });

  it('rejects a rateLimit object (quotas are `limits`) and bad limits with VALIDATION_ERROR', () => {
    expect(() => new OpenWeatherConnector({ apiKey: API_KEY, rateLimit: { windows: [] } as never })).toThrow(/rateLimit: accepts only false/);
    expect(() => new OpenWeatherConnector({ apiKey: API_KEY, limits: { perMinute: 0 } })).toThrow(/limits\.perMinute: must be positive/);
    expect(() => new OpenWeatherConnector({ apiKey: API_KEY, limits: { oneCallPerDay: true as never } })).toThrow(/limits\.oneCallPerDay/);
    expect(() => new OpenWeatherConnector({ apiKey: API_KEY, limits: { perDay: 5 } as never })).toThrow(/Unrecognized key/);
  });
});
