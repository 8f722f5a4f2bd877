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
});
