import { FakeClock, RateLimiter, type RateLimiterOptions, type RateLimitWait } from '@cf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStore, type RedisRateLimitStore } from '../src/index.js';
import { connectRedis, dropPrefix, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

/** core's rate-limiter.test.ts, case for case, with the state in Redis (time from the FakeClock via `clock`). */
describe.skipIf(!redisUp)(`RateLimiter on RedisRateLimitStore${skipNote}`, () => {
  let redis: TestRedis;
  const prefix = uniquePrefix();
  let n = 0;
  beforeAll(async () => {
    redis = await connectRedis();
  });
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  /** A limiter whose state lives in Redis under a key of its own. */
  function limiter(clock: FakeClock, options: Omit<RateLimiterOptions, 'clock' | 'store' | 'key'>, store?: RedisRateLimitStore): RateLimiter {
    n += 1;
    return new RateLimiter({ clock, key: `case-${n}`, store: store ?? redisStore(redis, { prefix, clock }), ...options });
  }

  it('token bucket: a burst up to capacity, then the refill rate', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 's', limit: 10, intervalMs: 1000, burst: 5 }] });
    const start = clock.now();
    for (let i = 0; i < 5; i += 1) await l.acquire();
    expect(clock.now()).toBe(start);
    await l.acquire();
    expect(clock.now() - start).toBe(100);
    for (let i = 0; i < 10; i += 1) await l.acquire();
    expect(clock.now() - start).toBe(1100);
  });

  it('sliding window: never more than `limit` sends in any interval, at the floor pace', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    const sends: number[] = [];
    for (let i = 0; i < 350; i += 1) {
      await l.acquire();
      sends.push(clock.now());
    }
    for (let i = 100; i < sends.length; i += 1) expect(sends[i]! - sends[i - 100]!).toBeGreaterThan(10_000);
    expect(sends.at(-1)! - sends[0]!).toBeGreaterThan(30_000);
    expect(sends.at(-1)! - sends[0]!).toBeLessThan(30_100);
  });

  it('fixed window with maxWaitMs fails fast with RATE_LIMIT and the reset time, sending nothing', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 23, 0, 0));
    const l = limiter(clock, { windows: [{ name: 'daily', limit: 3, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0 }] });
    for (let i = 0; i < 3; i += 1) await l.acquire();
    const error = await l.acquire().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMIT', retryable: false, retryAfterMs: 3_600_000, details: { window: 'daily', resetsAt: '2026-01-02T00:00:00.000Z' } });
    clock.advance(3_600_000);
    await expect(l.acquire()).resolves.toBe(0);
  });

  it('fixed window with resetAt: the reset time comes from the JavaScript function', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 10, 0, 0));
    // Resets at 17:00 UTC each day (an account whose day starts elsewhere).
    const resetAt = (now: number): number => {
      const day = Math.floor((now - 17 * 3_600_000) / 86_400_000) + 1;
      return day * 86_400_000 + 17 * 3_600_000;
    };
    const l = limiter(clock, { windows: [{ name: 'daily', limit: 1, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0, resetAt }] });
    await l.acquire();
    await expect(l.acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 7 * 3_600_000 });
    clock.advance(7 * 3_600_000);
    await expect(l.acquire()).resolves.toBe(0);
    await expect(l.acquire()).rejects.toMatchObject({ retryAfterMs: 86_400_000 });
  });

  it('enforces several windows at once and reports the one that made it wait', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, {
      windows: [
        { name: 'second', limit: 2, intervalMs: 1000, algorithm: 'sliding-window' },
        { name: 'minute', limit: 3, intervalMs: 60_000, algorithm: 'sliding-window' },
      ],
    });
    const waits: RateLimitWait[] = [];
    l.onWait((w) => waits.push(w));
    for (let i = 0; i < 4; i += 1) await l.acquire();
    expect(waits.map((w) => w.window)).toEqual(['second', 'minute']);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(60_000);
  });

  it('a pause (after a 429) holds every queued call until the reset', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 's', limit: 100, intervalMs: 1000 }] });
    await l.pauseUntil(clock.now() + 10_000);
    const t0 = clock.now();
    const waited = await Promise.all([l.acquire(), l.acquire(), l.acquire()]);
    expect(clock.now() - t0).toBe(10_000);
    expect(waited[0]).toBe(10_000);
  });

  it('a pause keeps the later mark, and another process sharing the key sees it', async () => {
    const clock = new FakeClock();
    const store = redisStore(redis, { prefix, clock });
    const a = limiter(clock, { windows: [{ name: 's', limit: 100, intervalMs: 1000 }] }, store);
    const b = new RateLimiter({ clock, key: a.key, store: redisStore(redis, { prefix, clock }), windows: a.windows });
    await a.pauseUntil(clock.now() + 5_000);
    await b.pauseUntil(clock.now() + 2_000);
    await expect(store.pausedUntil(a.key)).resolves.toBe(clock.now() + 5_000);
    await expect(b.acquire()).resolves.toBe(5_000);
  });

  it('quota observations lower the local count (min) or adopt it (exact), and can change capacity and rate', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 'cost', limit: 50, intervalMs: 1000, burst: 1000 }] });
    await l.observe({ window: 'cost', remaining: 100 });
    await l.acquire(100);
    l.complete(100);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    await l.acquire(50);
    l.complete(50);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(1000);
    await l.observe({ window: 'cost', remaining: 900, mode: 'exact', refillPerSecond: 100, limit: 2000 });
    await l.acquire(900);
    await l.acquire(100);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(2000);
    await l.observe({ window: 'unknown', remaining: 0 });
  });

  it('an exact observation subtracts units still in flight (the server has not counted them yet)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const l = limiter(clock, { windows: [{ name: 'cost', limit: 50, intervalMs: 1000, burst: 1000 }] });
    await l.acquire(300);
    await l.acquire(200);
    l.complete(200);
    await l.observe({ window: 'cost', remaining: 800, mode: 'exact' });
    await l.acquire(500);
    expect(clock.now()).toBe(t0);
    expect(l.snapshot().remaining).toEqual({ cost: 0 });
    await l.acquire(50);
    expect(clock.now() - t0).toBe(1000);
  });

  it('sliding window adopts requests the server counted that it did not (another client)', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 'w', limit: 10, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    await l.acquire();
    await l.observe({ window: 'w', remaining: 1, limit: 10 });
    await l.acquire();
    const t0 = clock.now();
    await l.acquire();
    expect(clock.now() - t0).toBeGreaterThan(9_999);
  });

  it('fixed window observations set used count and reset time', async () => {
    const clock = new FakeClock();
    const l = limiter(clock, { windows: [{ name: 'd', limit: 100, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0 }] });
    await l.observe({ window: 'd', remaining: 0, resetInMs: 5000 });
    await expect(l.acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 5000 });
    await l.observe({ window: 'd', remaining: 50, mode: 'exact' });
    await expect(l.acquire()).resolves.toBe(0);
  });

  it('rejects a cost that can never fit', async () => {
    const l = limiter(new FakeClock(), { windows: [{ name: 's', limit: 10, intervalMs: 1000 }] });
    await expect(l.acquire(11)).rejects.toMatchObject({ code: 'RATE_LIMIT', retryable: false });
    expect(l.snapshot().remaining).toEqual({ s: 10 });
  });

  it('a changed window configuration starts that window afresh instead of reading the old state', async () => {
    const clock = new FakeClock();
    const store = redisStore(redis, { prefix, clock });
    const key = 'reconfigured';
    await store.consume(key, [{ name: 'w', limit: 2, intervalMs: 1000, algorithm: 'sliding-window' }], 2);
    const before = await store.consume(key, [{ name: 'w', limit: 2, intervalMs: 1000, algorithm: 'sliding-window' }], 1);
    expect(before).toMatchObject({ granted: false, window: 'w' });
    await expect(store.consume(key, [{ name: 'w', limit: 5, intervalMs: 1000, algorithm: 'fixed-window' }], 1)).resolves.toEqual({ granted: true, waitMs: 0, remaining: { w: 4 } });
  });

  it('keys expire once idle, so abandoned limiters do not pile up in Redis', async () => {
    const store = redisStore(redis, { prefix });
    await store.consume('ttl', [{ name: 'w', limit: 10, intervalMs: 1000, algorithm: 'sliding-window' }], 1);
    const ttl = await redis.pTTL(`${prefix}rl:{ttl}:w`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(62_000);
  });
});
