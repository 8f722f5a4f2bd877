import { describe, expect, it } from 'vitest';
import { AuthError, CancelledError, InvalidRequestError, RateLimitError, ServerError } from '../errors/error-classes.js';
import { FakeClock } from '../time/fake-clock.js';
import { breakerOutcome, CircuitBreaker, type CircuitStateChange } from './circuit-breaker.js';

function fail(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) breaker.acquire().settle('failure');
}

describe('CircuitBreaker', () => {
  it('opens after 5 consecutive failures and rejects with CIRCUIT_OPEN for 60 s', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('https://api.example', undefined, clock);
    fail(breaker, 4);
    expect(breaker.currentState).toBe('closed');
    fail(breaker, 1);
    expect(breaker.currentState).toBe('open');
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN', retryAfterMs: 60_000 }));
    clock.advance(59_999);
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
    clock.advance(1);
    expect(breaker.currentState).toBe('half-open');
  });

  it('a success resets the consecutive count', () => {
    const breaker = new CircuitBreaker('k', undefined, new FakeClock());
    fail(breaker, 4);
    breaker.acquire().settle('success');
    fail(breaker, 4);
    expect(breaker.currentState).toBe('closed');
  });

  it('half-open admits exactly one probe; its success closes the circuit', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    fail(breaker, 5);
    clock.advance(60_000);
    const probe = breaker.acquire();
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
    probe.settle('success');
    expect(breaker.currentState).toBe('closed');
    breaker.acquire().settle('success');
  });

  it("a probe's failure re-opens the circuit for another full period", () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    fail(breaker, 5);
    clock.advance(60_000);
    breaker.acquire().settle('failure');
    expect(breaker.currentState).toBe('open');
    clock.advance(59_000);
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
  });

  it('an ignored probe (cancelled) frees the probe slot without deciding', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    fail(breaker, 5);
    clock.advance(60_000);
    breaker.acquire().settle('ignore');
    const second = breaker.acquire();
    second.settle('success');
    second.settle('failure'); // settling twice is a no-op
    expect(breaker.currentState).toBe('closed');
  });

  it('emits state changes, with a disposer, and exports/restores its state', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', { failureThreshold: 2, openMs: 1000 }, clock);
    const changes: CircuitStateChange[] = [];
    const dispose = breaker.onStateChange((c) => changes.push(c));
    fail(breaker, 2);
    clock.advance(1000);
    breaker.acquire().settle('success');
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
    dispose();
    fail(breaker, 2);
    expect(changes).toHaveLength(3);
    const snapshot = breaker.snapshot();
    expect(snapshot).toMatchObject({ state: 'open', consecutiveFailures: 2 });
    const restored = new CircuitBreaker('k', { failureThreshold: 2, openMs: 1000 }, clock);
    restored.restore(snapshot);
    expect(() => restored.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
  });

  it('counts only retryable failures; other 4xx count as success; rate limits and cancellation as nothing', () => {
    expect(breakerOutcome(undefined)).toBe('success');
    expect(breakerOutcome(new ServerError({ message: 'x', status: 503 }))).toBe('failure');
    expect(breakerOutcome(new RateLimitError({ message: 'x', status: 429 }))).toBe('ignore');
    expect(breakerOutcome(new InvalidRequestError({ message: 'x', status: 400 }))).toBe('success');
    expect(breakerOutcome(new AuthError({ message: 'x', status: 401 }))).toBe('success');
    expect(breakerOutcome(new CancelledError({ message: 'x' }))).toBe('ignore');
    // A local quota rejection (no status, not retryable) never reached the server.
    expect(breakerOutcome(new RateLimitError({ message: 'local quota used up', retryable: false }))).toBe('ignore');
  });

  it('a permit issued before the circuit opened cannot close it by succeeding afterwards', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    const old = breaker.acquire(); // a slow call, sent while closed
    fail(breaker, 5);
    expect(breaker.currentState).toBe('open');
    old.settle('success');
    expect(breaker.currentState).toBe('open');
    expect(breaker.snapshot().consecutiveFailures).toBe(5);
    expect(() => breaker.acquire()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN' }));
  });

  it('a permit from before a half-open probe closed the circuit does not count its failure', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    const old = breaker.acquire();
    fail(breaker, 5);
    clock.advance(60_000);
    breaker.acquire().settle('success'); // the probe closes the circuit
    expect(breaker.currentState).toBe('closed');
    old.settle('failure');
    expect(breaker.snapshot().consecutiveFailures).toBe(0);
    fail(breaker, 4);
    expect(breaker.currentState).toBe('closed'); // 4 fresh failures, not 5
  });

  it('check() rejects like acquire() while the circuit rejects, but claims no probe slot', () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker('k', undefined, clock);
    expect(() => breaker.check()).not.toThrow();
    fail(breaker, 5);
    expect(() => breaker.check()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN', retryAfterMs: 60_000 }));
    clock.advance(60_000);
    breaker.check(); // due for a probe: passes, twice, without taking the slot
    breaker.check();
    const probe = breaker.acquire();
    expect(() => breaker.check()).toThrow(expect.objectContaining({ code: 'CIRCUIT_OPEN', message: expect.stringMatching(/probe/) }));
    probe.settle('success');
    expect(() => breaker.check()).not.toThrow();
  });
});
