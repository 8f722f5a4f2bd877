import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { MemoryWebhookDedupeStore } from './memory-dedupe-store.js';

describe('MemoryWebhookDedupeStore', () => {
  it('claims an absent id once: another claim sees it in flight, then done after complete', async () => {
    const store = new MemoryWebhookDedupeStore({ clock: new FakeClock() });
    expect(await store.claim(['a', 'b'], 't1', 1000)).toEqual(['claimed', 'claimed']);
    expect(await store.claim(['a', 'c'], 't2', 1000)).toEqual(['in-flight', 'claimed']);
    await store.complete(['a'], 't1', 60_000);
    expect(await store.claim(['a', 'b'], 't3', 1000)).toEqual(['done', 'in-flight']);
  });

  it('release drops only the claims its token holds, never a done id or another token claim', async () => {
    const store = new MemoryWebhookDedupeStore({ clock: new FakeClock() });
    await store.claim(['a', 'b'], 't1', 1000);
    await store.complete(['b'], 't1', 60_000);
    await store.release(['a', 'b'], 'someone-else');
    expect(await store.claim(['a'], 't2', 1000)).toEqual(['in-flight']);
    await store.release(['a', 'b'], 't1');
    expect(await store.claim(['a', 'b'], 't2', 1000)).toEqual(['claimed', 'done']);
  });

  it('a claim lapses after its lease (a handler that died); a done id after its ttl', async () => {
    const clock = new FakeClock();
    const store = new MemoryWebhookDedupeStore({ clock });
    await store.claim(['a'], 't1', 1000);
    clock.advance(999);
    expect(await store.claim(['a'], 't2', 1000)).toEqual(['in-flight']);
    clock.advance(1);
    expect(await store.claim(['a'], 't2', 1000)).toEqual(['claimed']);
    await store.complete(['a'], 't2', 5000);
    clock.advance(4999);
    expect(await store.claim(['a'], 't3', 1000)).toEqual(['done']);
    clock.advance(1);
    expect(await store.claim(['a'], 't3', 1000)).toEqual(['claimed']);
  });

  it('is bounded: past maxEntries the oldest ids are forgotten first', async () => {
    const store = new MemoryWebhookDedupeStore({ clock: new FakeClock(), maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await store.complete([id], 't', 60_000);
    expect(store.size).toBe(3);
    expect(await store.claim(['b', 'c', 'd'], 't2', 1000)).toEqual(['done', 'done', 'done']);
    expect(await store.claim(['a'], 't2', 1000)).toEqual(['claimed']);
    expect(() => new MemoryWebhookDedupeStore({ maxEntries: 0 })).toThrow(/maxEntries/);
  });
});
