import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { BreakerRegistry } from './breaker-registry.js';
import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreaker } from './circuit-breaker.js';

function open(breaker: CircuitBreaker): void {
  for (let i = 0; i < DEFAULT_CIRCUIT_BREAKER.failureThreshold; i += 1) breaker.acquire().settle('failure');
}

describe('BreakerRegistry', () => {
  it('keeps one breaker per origin and tells each new one to onCreate', () => {
    const created: string[] = [];
    const registry = new BreakerRegistry(DEFAULT_CIRCUIT_BREAKER, new FakeClock(), (b) => created.push(b.key));
    const a = registry.get('https://a.example');
    expect(registry.get('https://a.example')).toBe(a);
    expect(registry.peek('https://b.example')).toBeUndefined();
    registry.get('https://b.example');
    expect(created).toEqual(['https://a.example', 'https://b.example']);
    expect(registry.size).toBe(2);
    expect(() => new BreakerRegistry(DEFAULT_CIRCUIT_BREAKER, new FakeClock(), undefined, 0)).toThrow(RangeError);
  });

  it('stays bounded over 10,000 origins, and an open breaker survives the eviction pressure', () => {
    const registry = new BreakerRegistry(DEFAULT_CIRCUIT_BREAKER, new FakeClock(), undefined, 100);
    const failing = registry.get('https://down.example');
    open(failing);
    for (let i = 0; i < 10_000; i += 1) {
      registry.get(`https://h${i}.example`);
      expect(registry.size).toBeLessThanOrEqual(100);
    }
    expect(registry.peek('https://down.example')).toBe(failing);
    expect(() => registry.get('https://down.example').acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
  });

  it('evicts the least recently used healthy breaker first, then closed ones with failures, never one that rejects', () => {
    const registry = new BreakerRegistry(DEFAULT_CIRCUIT_BREAKER, new FakeClock(), undefined, 3);
    const a = registry.get('a');
    registry.get('b').acquire().settle('failure'); // closed, but counting failures
    registry.get('c');
    registry.get('a'); // a is now the most recently used
    registry.get('d'); // evicts c: the least recently used healthy one
    expect(registry.peek('c')).toBeUndefined();
    expect(registry.peek('a')).toBe(a);
    open(registry.get('a'));
    open(registry.get('d'));
    registry.get('e'); // no healthy one left but b, which has a failure: b goes
    expect(registry.peek('b')).toBeUndefined();
    open(registry.get('e'));
    registry.get('f'); // a, d, e all reject: none is dropped, the bound is exceeded instead
    expect(registry.size).toBe(4);
    expect(['a', 'd', 'e'].every((o) => registry.peek(o)?.currentState === 'open')).toBe(true);
    registry.get('g'); // f is healthy: it goes, and the registry shrinks back toward the bound
    expect(registry.peek('f')).toBeUndefined();
    expect(registry.size).toBe(4);
  });
});
