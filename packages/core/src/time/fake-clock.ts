import type { Clock } from './clock.js';

/**
 * A clock for tests: `sleep` advances time instantly (after a microtask) and records the delay asked for,
 * so retry, breaker and bucket timing can be asserted exactly without waiting.
 */
export class FakeClock implements Clock {
  private current: number;
  /** Every delay `sleep` was asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` at once (waking nothing: pending sleeps have already resolved). */
  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    await Promise.resolve();
    if (signal?.aborted) throw signal.reason;
    this.current += Math.max(0, ms);
  }
}
