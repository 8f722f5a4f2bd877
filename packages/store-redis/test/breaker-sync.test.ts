import { CircuitBreaker, FakeClock, type CircuitStateChange } from '@cf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisBreakerState, syncBreaker, type BreakerStateStore, type BreakerSync } from '../src/index.js';
import { connectRedis, dropPrefix, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

const OPTIONS = { failureThreshold: 2, openMs: 30_000 };

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) breaker.acquire().settle('failure');
}

describe.skipIf(!redisUp)(`circuit breaker state shared through Redis${skipNote}`, () => {
  let redis: TestRedis;
  const prefix = uniquePrefix();
  const syncs: BreakerSync[] = [];
  beforeAll(async () => {
    redis = await connectRedis();
  });
  afterAll(async () => {
    for (const s of syncs) s.stop();
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  /** Two "processes": each its own breaker for the same origin and its own sync (manual refresh). */
  async function pair(key: string, store: BreakerStateStore = redisBreakerState(redis, { prefix })) {
    const clock = new FakeClock();
    const a = new CircuitBreaker(key, OPTIONS, clock);
    const b = new CircuitBreaker(key, OPTIONS, clock);
    const syncA = await syncBreaker(a, store, { pollMs: 0 });
    const syncB = await syncBreaker(b, redisBreakerState(redis, { prefix }), { pollMs: 0 });
    syncs.push(syncA, syncB);
    return { clock, a, b, syncA, syncB };
  }

  it('when one process opens the circuit, the other adopts it and stops calling', async () => {
    const { a, b, syncB } = await pair('https://api.example.com');
    const changes: CircuitStateChange[] = [];
    b.onStateChange((c) => changes.push(c));
    fail(a, 2);
    expect(a.currentState).toBe('open');
    await expect.poll(async () => (await redisBreakerState(redis, { prefix }).load('https://api.example.com'))?.state).toBe('open');
    await syncB.refresh();
    expect(b.currentState).toBe('open');
    expect(() => b.acquire()).toThrow(/Circuit for https:\/\/api.example.com is open/);
    expect(changes.map((c) => c.to)).toEqual(['open']);
  });

  it('a successful probe elsewhere closes it here too; a process ignores its own writes and older states', async () => {
    const { clock, a, b, syncA, syncB } = await pair('https://probe.example.com');
    fail(a, 2);
    await expect.poll(async () => (await redisBreakerState(redis, { prefix }).load('https://probe.example.com'))?.state).toBe('open');
    await syncB.refresh();
    clock.advance(30_000);
    b.acquire().settle('success'); // B's probe: half-open, then closed
    expect(b.currentState).toBe('closed');
    await expect.poll(async () => (await redisBreakerState(redis, { prefix }).load('https://probe.example.com'))?.state).toBe('closed');
    await syncA.refresh();
    expect(a.currentState).toBe('closed');
    await syncA.refresh();
    await syncB.refresh();
    expect([a.currentState, b.currentState]).toEqual(['closed', 'closed']);
  });

  it('load/save round-trip a snapshot; an unreadable value counts as nothing saved', async () => {
    const store = redisBreakerState(redis, { prefix, ttlMs: 60_000 });
    await store.save('k', { state: 'open', consecutiveFailures: 5, openedAt: 1000, at: 1000, writer: 'w' });
    await expect(store.load('k')).resolves.toEqual({ state: 'open', consecutiveFailures: 5, openedAt: 1000, at: 1000, writer: 'w' });
    expect(await redis.pTTL(`${prefix}breaker:k`)).toBeGreaterThan(50_000);
    await redis.set(`${prefix}breaker:bad`, '{"state":"sideways"}');
    await expect(store.load('bad')).resolves.toBeUndefined();
    await redis.set(`${prefix}breaker:bad`, 'not json');
    await expect(store.load('bad')).resolves.toBeUndefined();
    await expect(store.load('missing')).resolves.toBeUndefined();
  });
});

describe('syncBreaker when the store fails (no server needed)', () => {
  it('keeps the breaker working locally and warns once per failure streak', async () => {
    const warnings: string[] = [];
    const noop = (): void => undefined;
    const logger = { debug: noop, info: noop, error: noop, warn: (_o: Record<string, unknown>, m?: string) => warnings.push(m ?? '') };
    const down: BreakerStateStore = { load: () => Promise.reject(new Error('ECONNREFUSED')), save: () => Promise.reject(new Error('ECONNREFUSED')) };
    const breaker = new CircuitBreaker('k', OPTIONS, new FakeClock());
    const sync = await syncBreaker(breaker, down, { pollMs: 0, logger });
    await sync.refresh();
    fail(breaker, 2);
    expect(breaker.currentState).toBe('open');
    await Promise.resolve();
    expect(warnings).toEqual([expect.stringMatching(/Could not read shared circuit state/)]);
    sync.stop();
  });
});
