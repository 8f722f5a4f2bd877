import { paginate, type JsonValue } from '@cf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, redisCheckpoints, type CheckpointStore } from '../src/index.js';
import { connectRedis, dropPrefix, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

/** What every CheckpointStore must do; run against memory always and against Redis when a server answers. */
function contract(name: string, make: () => CheckpointStore, skip = false): void {
  describe.skipIf(skip)(`${name} checkpoints`, () => {
    it('get returns what set stored (a copy), undefined when nothing was stored, nothing after delete', async () => {
      const store = make();
      const value: JsonValue = { after: 'c-200', since: '2026-01-01T00:00:00.000Z', done: [1, 2], nested: { ok: true, none: null } };
      await expect(store.get('contacts')).resolves.toBeUndefined();
      await store.set('contacts', value);
      const read = await store.get('contacts');
      expect(read).toEqual(value);
      expect(read).not.toBe(value);
      await store.set('contacts', 'c-300');
      await expect(store.get('contacts')).resolves.toBe('c-300');
      await store.delete('contacts');
      await expect(store.get('contacts')).resolves.toBeUndefined();
    });

    it('refuses values JSON would change, with a VALIDATION_ERROR naming the field', async () => {
      const store = make();
      await expect(store.set('x', { cursor: Number.NaN })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'cursor' }] });
      await expect(store.set('x', Number.POSITIVE_INFINITY)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'value' }] });
      await expect(store.get('x')).resolves.toBeUndefined();
    });

    it('an extract resumes after the last saved page (a new store instance: another process)', async () => {
      const store = make();
      const pages = [['a', 'b'], ['c', 'd'], ['e']];
      const source = (start: number | undefined) =>
        paginate<string, number>({
          start,
          fetchPage: async (cursor) => {
            const index = cursor ?? 0;
            return { items: pages[index] ?? [], next: index + 1 < pages.length ? index + 1 : undefined };
          },
        });
      const first: string[] = [];
      for await (const page of source(undefined).pages()) {
        first.push(...page.items);
        if (page.checkpoint !== null) await store.set('letters', page.checkpoint);
        if (page.index === 0) break; // the process dies after one page
      }
      const saved = await make().get('letters');
      const rest: string[] = [];
      for await (const item of source(saved as number)) rest.push(item);
      expect([...first, ...rest]).toEqual(['a', 'b', 'c', 'd', 'e']);
    });
  });
}

const memory = new MemoryCheckpointStore();
contract('MemoryCheckpointStore', () => memory);

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
contract(`redisCheckpoints${skipNote}`, () => redisCheckpoints(redis!, { prefix }), !redisUp);

describe.skipIf(!redisUp)(`redisCheckpoints specifics${skipNote}`, () => {
  it('stores JSON under prefix + checkpoint:key, with an optional TTL, and refuses to guess from a corrupt value', async () => {
    const store = redisCheckpoints(redis!, { prefix, ttlMs: 60_000 });
    await store.set('hubspot:contacts', { after: '42' });
    expect(await redis!.get(`${prefix}checkpoint:hubspot:contacts`)).toBe('{"after":"42"}');
    expect(await redis!.pTTL(`${prefix}checkpoint:hubspot:contacts`)).toBeGreaterThan(50_000);
    await redis!.set(`${prefix}checkpoint:corrupt`, '{oops');
    await expect(store.get('corrupt')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/not JSON; delete it/) as unknown });
    expect(() => redisCheckpoints(redis!, { ttlMs: 0 })).toThrow(/ttlMs/);
  });
});
