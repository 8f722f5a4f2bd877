import { MemoryWebhookDedupeStore, type WebhookDedupeStore } from '@cf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisWebhookDedupe } from '../src/index.js';
import { connectRedis, dropPrefix, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every WebhookDedupeStore must do; run against memory always and against Redis when a server answers. */
function contract(name: string, make: () => WebhookDedupeStore, skip = false): void {
  describe.skipIf(skip)(`${name}: webhook dedupe`, () => {
    it('claims an absent id once (SET NX): another claim sees it in flight, then done after complete', async () => {
      const store = make();
      expect(await store.claim(['hubspot:a', 'hubspot:b'], 't1', 5000)).toEqual(['claimed', 'claimed']);
      expect(await store.claim(['hubspot:a', 'hubspot:c'], 't2', 5000)).toEqual(['in-flight', 'claimed']);
      await store.complete(['hubspot:a'], 't1', 60_000);
      expect(await store.claim(['hubspot:a', 'hubspot:b'], 't3', 5000)).toEqual(['done', 'in-flight']);
      // A claim never overwrites what it found.
      expect(await store.claim(['hubspot:a', 'hubspot:b'], 't4', 5000)).toEqual(['done', 'in-flight']);
    });

    it('concurrent claims of one id from many callers: exactly one wins', async () => {
      const store = make();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim(['shopify:race'], `t${i}`, 5000)));
      expect(results.flat().filter((r) => r === 'claimed')).toHaveLength(1);
    });

    it('release drops only the claim its token holds; a done id stays done', async () => {
      const store = make();
      await store.claim(['s:a', 's:b'], 't1', 5000);
      await store.complete(['s:b'], 't1', 60_000);
      await store.release(['s:a', 's:b'], 'not-mine');
      expect(await store.claim(['s:a'], 't2', 5000)).toEqual(['in-flight']);
      await store.release(['s:a', 's:b'], 't1');
      expect(await store.claim(['s:a', 's:b'], 't2', 5000)).toEqual(['claimed', 'done']);
    });

    it('a claim lapses after its lease (a process that died mid-handler), a done id after its ttl', async () => {
      const store = make();
      await store.claim(['s:lease'], 't1', 150);
      expect(await store.claim(['s:lease'], 't2', 150)).toEqual(['in-flight']);
      await sleep(250);
      expect(await store.claim(['s:lease'], 't2', 5000)).toEqual(['claimed']);
      await store.complete(['s:lease'], 't2', 150);
      await sleep(250);
      expect(await store.claim(['s:lease'], 't3', 5000)).toEqual(['claimed']);
    });
  });
}

contract('MemoryWebhookDedupeStore', () => new MemoryWebhookDedupeStore());

let redis: TestRedis | undefined;
const prefix = uniquePrefix();
beforeAll(async () => {
  if (redisUp) redis = await connectRedis();
});
afterAll(async () => {
  if (!redis) return;
  await dropPrefix(redis, prefix);
  redis.destroy();
});
contract(`redisWebhookDedupe${skipNote}`, () => redisWebhookDedupe(redis!, { prefix: `${prefix}${Math.random().toString(36).slice(2, 8)}:` }), !redisUp);

describe.skipIf(!redisUp)(`redisWebhookDedupe specifics${skipNote}`, () => {
  it('keys live under prefix + webhook:, as claim:<token> with the lease, then done with the ttl', async () => {
    const store = redisWebhookDedupe(redis!, { prefix });
    await store.claim(['hubspot:62515:1:2:3'], 'tok', 30_000);
    expect(await redis!.get(`${prefix}webhook:hubspot:62515:1:2:3`)).toBe('claim:tok');
    expect(await redis!.pTTL(`${prefix}webhook:hubspot:62515:1:2:3`)).toBeGreaterThan(25_000);
    await store.complete(['hubspot:62515:1:2:3'], 'tok', 3_600_000);
    expect(await redis!.get(`${prefix}webhook:hubspot:62515:1:2:3`)).toBe('done');
    expect(await redis!.pTTL(`${prefix}webhook:hubspot:62515:1:2:3`)).toBeGreaterThan(3_500_000);
  });

  it('an unreachable Redis rejects with StoreUnavailableError (the receiver answers 503)', async () => {
    const store = redisWebhookDedupe({ sendCommand: () => new Promise(() => undefined) }, { commandTimeoutMs: 50 });
    await expect(store.claim(['x'], 't', 1000)).rejects.toMatchObject({ code: 'NETWORK_ERROR', storeUnavailable: true });
  });
});
