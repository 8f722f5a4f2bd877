import { FakeClock, MemoryRateLimitStore, type QuotaObservation, type RateWindow } from '@cf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStore } from '../src/index.js';
import { connectRedis, dropPrefix, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SETS: Record<string, RateWindow[]> = {
  'token bucket': [{ name: 'b', limit: 7, intervalMs: 1000, burst: 12 }],
  'sliding window': [{ name: 's', limit: 9, intervalMs: 2000, algorithm: 'sliding-window' }],
  'fixed window': [{ name: 'f', limit: 11, intervalMs: 3000, algorithm: 'fixed-window' }],
  'three windows together': [
    { name: 'b', limit: 5, intervalMs: 700 },
    { name: 's', limit: 8, intervalMs: 1500, algorithm: 'sliding-window' },
    { name: 'f', limit: 20, intervalMs: 5000, algorithm: 'fixed-window' },
  ],
};

/**
 * Differential test: the same random sequence of consume / observe / pause / time steps against core's
 * MemoryRateLimitStore (the reference) and the Redis store must give identical answers at every step, answers of
 * earlier grants (`complete`) included: an observation then discounts the units that left the window since.
 */
describe.skipIf(!redisUp)(`RedisRateLimitStore matches MemoryRateLimitStore step for step${skipNote}`, () => {
  let redis: TestRedis;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    redis = await connectRedis();
  });
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  it('sliding window: a unit leaves the window only once more than the interval has passed since its stamp, in both', async () => {
    // Whole-millisecond stamps may be up to 1 ms early (packages/core/src/store/memory-rate-limit-store.test.ts).
    const clock = new FakeClock();
    const windows: RateWindow[] = [{ name: 's', limit: 1, intervalMs: 1000, algorithm: 'sliding-window' }];
    const memory = new MemoryRateLimitStore(clock);
    const shared = redisStore(redis, { prefix, clock });
    const steps: unknown[] = [];
    for (const store of [memory, shared]) {
      const key = `boundary:${steps.length}`;
      const first = await store.consume(key, windows, 1);
      await store.complete(key, windows, 1);
      clock.advance(1000);
      const atInterval = await store.consume(key, windows, 1);
      clock.advance(1);
      const after = await store.consume(key, windows, 1);
      steps.push([first.granted, atInterval.granted, atInterval.waitMs, after.granted]);
      clock.advance(5000);
    }
    expect(steps).toEqual([
      [true, false, 1, true],
      [true, false, 1, true],
    ]);
  });

  for (const [label, windows] of Object.entries(SETS)) {
    it.each([1, 2, 3, 4, 5, 6])(`${label}, seed %i`, async (seed) => {
      const random = prng(seed * 7919);
      const clock = new FakeClock();
      const memory = new MemoryRateLimitStore(clock);
      const shared = redisStore(redis, { prefix, clock });
      const key = `${label}:${seed}`;
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      // Grants whose answers have not arrived, oldest first: answered in order, within a second (less than any
      // window), as core's limiter tells the store when a response arrives.
      const inFlight: Array<{ at: number; cost: number }> = [];
      const answerOldest = async () => {
        const grant = inFlight.shift()!;
        await memory.complete(key, windows, grant.cost);
        await shared.complete(key, windows);
      };
      for (let step = 0; step < 400; step += 1) {
        const roll = random();
        if (roll < 0.45) {
          const cost = 1 + Math.floor(random() * 4) + (random() < 0.03 ? 30 : 0);
          const [a, b] = [await memory.consume(key, windows, cost), await shared.consume(key, windows, cost)];
          expect(b, `step ${step}: consume(${cost})`).toEqual(a);
          if (a.granted) inFlight.push({ at: clock.now(), cost });
        } else if (roll < 0.55) {
          if (inFlight.length > 0) await answerOldest();
        } else if (roll < 0.7) {
          const window = pick(windows);
          const obs: QuotaObservation = { window: random() < 0.95 ? window.name : 'unknown' };
          if (random() < 0.8) obs.remaining = Math.floor(random() * (window.limit + 3));
          if (random() < 0.2) obs.limit = window.limit + Math.floor(random() * 5) - 2;
          if (random() < 0.2) obs.resetInMs = Math.floor(random() * 4000);
          if (random() < 0.2) obs.refillPerSecond = 1 + Math.floor(random() * 20);
          if (random() < 0.5) obs.mode = random() < 0.5 ? 'exact' : 'min';
          await memory.observe(key, windows, obs);
          await shared.observe(key, windows, obs);
        } else if (roll < 0.75) {
          const until = clock.now() + Math.floor(random() * 5000);
          await memory.pauseUntil(key, until);
          await shared.pauseUntil(key, until);
          expect(await shared.pausedUntil(key), `step ${step}: pausedUntil`).toBe(await memory.pausedUntil(key));
        } else {
          const by = Math.floor(random() * (random() < 0.1 ? 6000 : 400));
          while (inFlight.length > 0 && inFlight[0]!.at + 1000 < clock.now() + by) await answerOldest();
          clock.advance(by);
        }
      }
    });
  }
});
