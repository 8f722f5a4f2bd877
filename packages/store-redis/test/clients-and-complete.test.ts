import { FakeClock, HttpClient, type RateWindow } from '@cf/core';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { redisStore, type RedisClientLike } from '../src/index.js';
import { startFakeHubSpot } from './fixtures/fake-hubspot.js';
import { connectRedis, dropPrefix, REDIS_URL, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

const SLIDING: RateWindow[] = [{ name: 'w', limit: 2, intervalMs: 1000, algorithm: 'sliding-window' }];

describe.skipIf(!redisUp)(`clients and the complete hook${skipNote}`, () => {
  let redis: TestRedis;
  let io: Redis;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    redis = await connectRedis();
    io = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await io.connect();
  });
  afterAll(async () => {
    io.disconnect();
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  it('node-redis and ioredis clients are both accepted, and see the same shared state', async () => {
    expectTypeOf(redis).toMatchTypeOf<RedisClientLike>();
    expectTypeOf(io).toMatchTypeOf<RedisClientLike>();
    const clock = new FakeClock();
    const viaNodeRedis = redisStore(redis, { prefix, clock });
    const viaIoredis = redisStore(io, { prefix, clock });
    await expect(viaNodeRedis.consume('both', SLIDING, 1)).resolves.toEqual({ granted: true, waitMs: 0, remaining: { w: 1 } });
    await expect(viaIoredis.consume('both', SLIDING, 1)).resolves.toEqual({ granted: true, waitMs: 0, remaining: { w: 0 } });
    await expect(viaIoredis.consume('both', SLIDING, 1)).resolves.toEqual({ granted: false, waitMs: 1001, window: 'w', remaining: { w: 0 } });
    await viaIoredis.pauseUntil('both', clock.now() + 500);
    await expect(viaNodeRedis.pausedUntil('both')).resolves.toBe(clock.now() + 500);
  });

  it('complete() counts a send from its response: the slot frees an interval after the answer, not the grant', async () => {
    const clock = new FakeClock();
    const store = redisStore(redis, { prefix, clock });
    await store.consume('late', SLIDING, 1);
    await store.consume('late', SLIDING, 1);
    clock.advance(300); // the first request's answer arrives 300 ms after its grant
    await store.complete('late', SLIDING);
    clock.advance(701); // an interval after the grants: only the second (still counted from its grant) has left
    await expect(store.consume('late', SLIDING, 1)).resolves.toMatchObject({ granted: true });
    await expect(store.consume('late', SLIDING, 1)).resolves.toMatchObject({ granted: false, waitMs: 300 });
    await store.complete('nothing-pending', SLIDING);
  });

  it("core's limiter calls the store's complete for each answered request (the one-option setup)", async () => {
    const api = await startFakeHubSpot({ pages: 3 });
    try {
      const store = redisStore(redis, { prefix });
      const completed: string[] = [];
      const original = store.complete.bind(store);
      store.complete = (key, windows) => (completed.push(key), original(key, windows));
      const http = new HttpClient({
        baseUrl: api.baseUrl,
        source: 'fake-hubspot',
        rateLimit: { windows: [{ name: 'ten_secondly', limit: 100, intervalMs: 10_000, algorithm: 'sliding-window' }], key: 'acct' },
        store,
      });
      for (const page of [0, 1, 2]) await http.request({ path: '/crm/v3/objects/contacts', query: { page } });
      await new Promise((r) => setTimeout(r, 50)); // complete is not awaited by core
      expect(completed).toEqual(['acct', 'acct', 'acct']);
      expect(await redis.lLen(`${prefix}rl:{acct}:ten_secondly:sends`)).toBe(3);
      await http.close();
    } finally {
      await api.close();
    }
  });
});
