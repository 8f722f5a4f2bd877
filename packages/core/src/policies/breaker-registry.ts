import { systemClock, type Clock } from '../time/clock.js';
import { CircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerOptions } from './circuit-breaker.js';

/**
 * One circuit breaker per origin, bounded: a client that follows links to many hosts (pagination, downloads)
 * must not keep a breaker for each forever. Past `maxOrigins`, it evicts, least recently used first:
 *
 * 1. a breaker that is closed with no failures (it holds nothing: a new one would be identical);
 * 2. else a closed breaker counting failures (forgetting a few failures is the smaller loss);
 * 3. else nothing. A breaker that rejects (open, or half-open with a probe in flight) is never dropped: a fresh one
 *    would send a full load to an origin known to be down. The bound is exceeded instead, until closed breakers
 *    come back to evict; an open breaker due for a probe counts as closed-with-failures (it admits a call anyway).
 *
 * The breaker just asked for is never the one evicted.
 */
export class BreakerRegistry {
  /** In least- to most-recently-used order: a Map keeps insertion order and `get` re-inserts. */
  private readonly breakers = new Map<string, CircuitBreaker>();
  private lastOrigin: string | undefined;
  private lastBreaker: CircuitBreaker | undefined;

  constructor(
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_BREAKER,
    private readonly clock: Clock = systemClock,
    private readonly onCreate?: (breaker: CircuitBreaker) => void,
    private readonly maxOrigins = 100,
  ) {
    if (!Number.isInteger(maxOrigins) || maxOrigins < 1) throw new RangeError(`maxOrigins must be a positive integer, got ${maxOrigins}.`);
  }

  /** The breaker for `origin`, created on first use; marks it most recently used. */
  get(origin: string): CircuitBreaker {
    // Most calls ask for the breaker asked for last: already the most recently used, nothing to reorder.
    if (origin === this.lastOrigin && this.lastBreaker) return this.lastBreaker;
    let breaker = this.breakers.get(origin);
    if (breaker) {
      this.breakers.delete(origin);
      this.breakers.set(origin, breaker);
      this.remember(origin, breaker);
      return breaker;
    }
    breaker = new CircuitBreaker(origin, this.options, this.clock);
    this.breakers.set(origin, breaker);
    this.onCreate?.(breaker);
    this.evict(origin);
    this.remember(origin, breaker);
    return breaker;
  }

  private remember(origin: string, breaker: CircuitBreaker): void {
    this.lastOrigin = origin;
    this.lastBreaker = breaker;
  }

  /** The breaker for `origin` if there is one, without creating it or changing its recency. */
  peek(origin: string): CircuitBreaker | undefined {
    return this.breakers.get(origin);
  }

  /** Breakers held (one per origin used). */
  get size(): number {
    return this.breakers.size;
  }

  private evict(keep: string): void {
    while (this.breakers.size > this.maxOrigins) {
      const victim = this.victim(keep);
      if (victim === undefined) return;
      this.breakers.delete(victim);
    }
  }

  private victim(keep: string): string | undefined {
    let fallback: string | undefined;
    for (const [origin, breaker] of this.breakers) {
      if (origin === keep) continue;
      const { state, consecutiveFailures } = breaker.snapshot();
      if (state === 'closed' && consecutiveFailures === 0) return origin;
      if (fallback === undefined && !breaker.rejecting) fallback = origin;
    }
    return fallback;
  }
}
