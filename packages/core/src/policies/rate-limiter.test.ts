import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../store/memory-rate-limit-store.js';
import { FakeClock } from '../time/fake-clock.js';
import { RateLimiter, type RateLimitWait } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('token bucket: a burst up to capacity, then the refill rate', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 10, intervalMs: 1000, burst: 5 }] });
    const start = clock.now();
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    expect(clock.now()).toBe(start);
    await limiter.acquire();
    expect(clock.now() - start).toBe(100);
    for (let i = 0; i < 10; i += 1) await limiter.acquire();
    expect(clock.now() - start).toBe(1100);
  });

  it('sliding window: never more than `limit` sends in any interval, at the floor pace', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    const sends: number[] = [];
    for (let i = 0; i < 350; i += 1) {
      await limiter.acquire();
      sends.push(clock.now());
    }
    for (let i = 100; i < sends.length; i += 1) expect(sends[i]! - sends[i - 100]!).toBeGreaterThan(10_000);
    // 350 requests at 100 per 10 s need just over 30 s: the floor, not a token bucket's overshoot.
    expect(sends.at(-1)! - sends[0]!).toBeGreaterThan(30_000);
    expect(sends.at(-1)! - sends[0]!).toBeLessThan(30_100);
  });

  it('sliding window counts a request from when it was answered, not granted (the API counts arrivals)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'w', limit: 2, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    await limiter.acquire();
    await limiter.acquire();
    clock.advance(300); // both travel 300 ms before the API answers (and counted them)
    limiter.complete(1);
    limiter.complete(1);
    await new Promise((r) => setImmediate(r));
    await limiter.acquire();
    // Free at t0 + 300 + 10 s (the answers), not t0 + 10 s (the grants), which the API would refuse.
    expect(clock.now() - t0).toBeGreaterThan(10_300);
    expect(clock.now() - t0).toBeLessThan(10_310);
  });

  it('fixed window with maxWaitMs fails fast with RATE_LIMIT and the reset time, sending nothing', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 23, 0, 0));
    const limiter = new RateLimiter({
      clock,
      windows: [{ name: 'daily', limit: 3, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0 }],
    });
    for (let i = 0; i < 3; i += 1) await limiter.acquire();
    const error = await limiter.acquire().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMIT', retryable: false, retryAfterMs: 3_600_000, details: { window: 'daily', resetsAt: '2026-01-02T00:00:00.000Z' } });
    clock.advance(3_600_000);
    await expect(limiter.acquire()).resolves.toBe(0);
  });

  it('enforces several windows at once and reports the one that made it wait', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      clock,
      windows: [
        { name: 'second', limit: 2, intervalMs: 1000, algorithm: 'sliding-window' },
        { name: 'minute', limit: 3, intervalMs: 60_000, algorithm: 'sliding-window' },
      ],
    });
    const waits: RateLimitWait[] = [];
    limiter.onWait((w) => waits.push(w));
    for (let i = 0; i < 4; i += 1) await limiter.acquire();
    expect(waits.map((w) => w.window)).toEqual(['second', 'minute']);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThanOrEqual(60_000);
  });

  it('a pause (after a 429) holds every queued call until the reset', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 100, intervalMs: 1000 }] });
    await limiter.pauseUntil(clock.now() + 10_000);
    expect(limiter.snapshot().pausedUntil).toBe(clock.now() + 10_000);
    const t0 = clock.now();
    const waited = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.now() - t0).toBe(10_000);
    expect(waited[0]).toBe(10_000);
    expect(limiter.snapshot().pausedUntil).toBeUndefined();
  });

  it('quota observations lower the local count (min) or adopt it (exact), and can change capacity and rate', async () => {
    const clock = new FakeClock();
    const store = new MemoryRateLimitStore(clock);
    const limiter = new RateLimiter({ clock, store, windows: [{ name: 'cost', limit: 50, intervalMs: 1000, burst: 1000 }] });
    await limiter.observe({ window: 'cost', remaining: 100 });
    await limiter.acquire(100);
    limiter.complete(100);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    await limiter.acquire(50);
    limiter.complete(50);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(1000);
    await limiter.observe({ window: 'cost', remaining: 900, mode: 'exact', refillPerSecond: 100, limit: 2000 });
    await limiter.acquire(900);
    await limiter.acquire(100);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(2000);
    await limiter.observe({ window: 'unknown', remaining: 0 });
  });

  it('an exact observation subtracts units still in flight (the server has not counted them yet)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'cost', limit: 50, intervalMs: 1000, burst: 1000 }] });
    await limiter.acquire(300); // sent, not answered yet
    await limiter.acquire(200); // sent and answered:
    limiter.complete(200);
    expect(limiter.inFlight).toBe(300);
    // The server answered the 200-point call having seen only it: 800 left. 300 more are on the wire.
    await limiter.observe({ window: 'cost', remaining: 800, mode: 'exact' });
    await limiter.acquire(500);
    expect(clock.now()).toBe(t0);
    expect(limiter.snapshot().remaining).toEqual({ cost: 0 });
    await limiter.acquire(50);
    expect(clock.now() - t0).toBe(1000);
    limiter.complete(10_000);
    expect(limiter.inFlight).toBe(0);
  });

  it('sliding window adopts requests the server counted that it did not (another client)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'w', limit: 10, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    await limiter.acquire();
    await limiter.observe({ window: 'w', remaining: 1, limit: 10 });
    await limiter.acquire();
    const t0 = clock.now();
    await limiter.acquire();
    expect(clock.now() - t0).toBeGreaterThan(9_999);
  });

  it('an exact observation of a sliding window does not count units in flight twice (they are in its log already)', async () => {
    const clock = new FakeClock();
    const t0 = clock.now();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'w', limit: 3, intervalMs: 10_000, algorithm: 'sliding-window' }] });
    await limiter.acquire(); // still in flight
    await limiter.acquire();
    limiter.complete(1);
    // Whether or not the server counted the call in flight, our log holds it: 2 used, 1 left.
    await limiter.observe({ window: 'w', limit: 3, remaining: 1, mode: 'exact' });
    await limiter.acquire();
    expect(clock.now()).toBe(t0);
  });

  it('fixed window observations set used count and reset time', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'd', limit: 100, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0 }] });
    await limiter.observe({ window: 'd', remaining: 0, resetInMs: 5000 });
    await expect(limiter.acquire()).rejects.toMatchObject({ code: 'RATE_LIMIT', retryAfterMs: 5000 });
    await limiter.observe({ window: 'd', remaining: 50, mode: 'exact' });
    await expect(limiter.acquire()).resolves.toBe(0);
  });

  it('serves waiters first in, first out, and a cancelled waiter does not block the queue', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1, intervalMs: 1000, burst: 1 }] });
    const order: number[] = [];
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const results = await Promise.allSettled([
      limiter.acquire().then(() => order.push(1)),
      limiter.acquire(1, controller.signal).then(() => order.push(2)),
      limiter.acquire().then(() => order.push(3)),
    ]);
    expect(order).toEqual([1, 3]);
    expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('cancelled') });
  });

  it('rejects a cost that can never fit, and windows without a positive limit', async () => {
    const limiter = new RateLimiter({ clock: new FakeClock(), windows: [{ name: 's', limit: 10, intervalMs: 1000 }] });
    await expect(limiter.acquire(11)).rejects.toMatchObject({ code: 'RATE_LIMIT', retryable: false });
    expect(() => new RateLimiter({ windows: [{ name: 'x', limit: 0, intervalMs: 1000 }] })).toThrow(/positive/);
    expect(limiter.snapshot().remaining).toEqual({ s: 10 });
  });

  it('a waiter aborted while queued behind others rejects at once, leaves the queue, and the rest keep FIFO order', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1, intervalMs: 1000, burst: 1 }] });
    await limiter.acquire(); // the bucket is empty: every next call waits 1 s
    const t0 = clock.now();
    const third = new AbortController();
    const reason = new Error('cancelled while queued');
    const settled: string[] = [];
    let thirdSettledAt: number | undefined;
    // Abort the third waiter while the first one sleeps on the window.
    const dispose = limiter.onWait(() => third.abort(reason));
    const calls = [
      limiter.acquire(1, undefined, 'first').then(() => settled.push('first')),
      limiter.acquire(1, undefined, 'second').then(() => settled.push('second')),
      limiter.acquire(1, third.signal, 'third').catch((e: unknown) => {
        thirdSettledAt = clock.now();
        settled.push('third');
        throw e;
      }),
      limiter.acquire(1, undefined, 'fourth').then(() => settled.push('fourth')),
    ];
    const results = await Promise.allSettled(calls);
    dispose();
    expect(results[2]).toEqual({ status: 'rejected', reason });
    expect(thirdSettledAt).toBe(t0); // no time passed for it: it did not wait for the two ahead of it
    expect(settled).toEqual(['third', 'first', 'second', 'fourth']);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]); // first, second, fourth: nothing slept for the third
    expect(clock.now() - t0).toBe(3000);
  });

  it('the head waiter stops waiting at once when aborted (its sleep takes the signal)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1, intervalMs: 1000, burst: 1 }] });
    await limiter.acquire();
    const controller = new AbortController();
    limiter.onWait(() => controller.abort(new Error('stop')));
    const t0 = clock.now();
    const head = limiter.acquire(1, controller.signal);
    const next = limiter.acquire();
    await expect(head).rejects.toThrow('stop');
    await expect(next).resolves.toBe(1000);
    expect(clock.now() - t0).toBe(1000); // only the next waiter's own wait
  });

  it("a pause longer than the windows' maxWaitMs fails fast with RATE_LIMIT, sending nothing", async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 'm', limit: 100, intervalMs: 60_000, maxWaitMs: 1_000 }] });
    await limiter.pauseUntil(clock.now() + 60_000);
    const t0 = clock.now();
    const error = await limiter.acquire().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'RATE_LIMIT',
      retryable: false,
      retryAfterMs: 60_000,
      details: { reason: 'paused', resetsAt: new Date(t0 + 60_000).toISOString() },
      message: expect.stringMatching(/not sent/),
    });
    expect(clock.now()).toBe(t0);
    expect(clock.sleeps).toEqual([]);
    clock.advance(59_500); // 500 ms left: within maxWaitMs, so it waits
    await expect(limiter.acquire()).resolves.toBe(500);
  });

  it('a pause holds calls while any window would wait that long (a daily maxWaitMs: 0 next to a rolling window)', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      clock,
      windows: [
        { name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' },
        { name: 'daily', limit: 1000, intervalMs: 86_400_000, algorithm: 'fixed-window', maxWaitMs: 0 },
      ],
    });
    await limiter.pauseUntil(clock.now() + 10_000); // a ten-second 429: wait it out, do not fail every queued call
    await expect(limiter.acquire()).resolves.toBe(10_000);
  });

  it('a per-call maxWaitMs caps any single wait, for a quota or a pause', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock, windows: [{ name: 's', limit: 1, intervalMs: 1000, burst: 1 }] });
    await limiter.acquire();
    const t0 = clock.now();
    await expect(limiter.acquire(1, undefined, 'r1', { maxWaitMs: 999 })).rejects.toMatchObject({
      code: 'RATE_LIMIT',
      retryable: false,
      retryAfterMs: 1000,
      details: { reason: 'quota', window: 's', resetsAt: new Date(t0 + 1000).toISOString() },
      message: expect.stringMatching(/not sent/),
    });
    expect(clock.now()).toBe(t0);
    await expect(limiter.acquire(1, undefined, 'r2', { maxWaitMs: 1000 })).resolves.toBe(1000);
    await limiter.pauseUntil(clock.now() + 5_000);
    await expect(limiter.acquire(1, undefined, 'r3', { maxWaitMs: 4_999 })).rejects.toMatchObject({
      code: 'RATE_LIMIT',
      retryAfterMs: 5_000,
      details: { reason: 'paused' },
    });
    await expect(limiter.acquire(1, undefined, 'r4')).resolves.toBe(5_000); // no cap: it waits the pause out
  });

  it('refund gives units back to token buckets (the named one only, never above capacity); other windows keep the charge', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({
      clock,
      windows: [
        { name: 'cost', limit: 1000, intervalMs: 20_000 },
        { name: 'other', limit: 2000, intervalMs: 20_000 },
        { name: 'daily', limit: 10_000, intervalMs: 86_400_000, algorithm: 'fixed-window' },
      ],
    });
    await limiter.acquire(900);
    limiter.complete(900);
    await limiter.refund(900, 'cost');
    // A refused 900-unit call gave its units back: the next 900 go at once, with no wait for the refill.
    await expect(limiter.acquire(900)).resolves.toBe(0);
    expect(limiter.snapshot().remaining).toEqual({ cost: 100, other: 200, daily: 8200 });
    await limiter.refund(5_000);
    await limiter.acquire(1);
    // Every token bucket, capped at its capacity; the fixed window keeps its count.
    expect(limiter.snapshot().remaining).toEqual({ cost: 999, other: 1999, daily: 8199 });
  });

  it('refund is a no-op with a store that cannot refund', async () => {
    const clock = new FakeClock();
    const inner = new MemoryRateLimitStore(clock);
    const store = { consume: inner.consume.bind(inner), observe: inner.observe.bind(inner), pauseUntil: inner.pauseUntil.bind(inner), pausedUntil: inner.pausedUntil.bind(inner) };
    const limiter = new RateLimiter({ clock, store, windows: [{ name: 'cost', limit: 10, intervalMs: 1000 }] });
    await limiter.acquire(10);
    await limiter.refund(10);
    await expect(limiter.acquire(10)).resolves.toBe(1000);
  });
});
