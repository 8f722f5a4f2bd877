import { describe, expect, it } from 'vitest';
import { cacheLifetimeMs, MemoryResponseCache } from './response-cache.js';

describe('response cache', () => {
  it('reads lifetimes from Cache-Control', () => {
    expect(cacheLifetimeMs({ 'cache-control': 'public, max-age=86400' })).toBe(86_400_000);
    expect(cacheLifetimeMs({ 'cache-control': 'no-store' })).toBeUndefined();
    expect(cacheLifetimeMs({ 'cache-control': 'no-cache', etag: '"a"' })).toBe(0);
    expect(cacheLifetimeMs({ etag: '"a"' })).toBe(0);
    expect(cacheLifetimeMs({})).toBeUndefined();
  });

  it('evicts the least recently used entry past its size', () => {
    const cache = new MemoryResponseCache(2);
    const entry = { status: 200, headers: {}, body: Buffer.from('x'), etag: undefined, freshUntil: 0 };
    cache.set('a', entry);
    cache.set('b', entry);
    cache.get('a');
    cache.set('c', entry);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    cache.delete('a');
    expect(cache.size).toBe(1);
  });

  it('bounds the bodies it holds by maxBytes: evicts the least recently used, never stores an entry over the bound', () => {
    const cache = new MemoryResponseCache(100, 10);
    const entry = (bytes: number) => ({ status: 200, headers: {}, body: new Uint8Array(bytes), etag: '"e"', freshUntil: 0 });
    cache.set('a', entry(4));
    cache.set('b', entry(4));
    cache.get('a');
    cache.set('c', entry(4));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    expect(cache.byteSize).toBe(8);
    cache.set('a', entry(2));
    expect(cache.byteSize).toBe(6);
    cache.set('huge', entry(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.byteSize).toBe(6);
    cache.delete('c');
    expect([cache.size, cache.byteSize]).toEqual([1, 2]);
  });
});
