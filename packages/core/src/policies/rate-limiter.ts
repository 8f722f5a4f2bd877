import { RateLimitError } from '../errors/error-classes.js';
import { MemoryRateLimitStore } from '../store/memory-rate-limit-store.js';
import type { QuotaObservation, RateLimitStore, RateWindow } from '../store/rate-limit-store.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface RateLimiterOptions {
  /** One or more windows enforced together (e.g. per second and per day). */
  windows: readonly RateWindow[];
  /** Key under which the state is stored (one API account = one key). @default 'default' */
  key?: string;
  store?: RateLimitStore;
  clock?: Clock;
}

export interface RateLimitWait {
  /** The operation that waited, when the caller said. */
  requestId?: string;
  waitedMs: number;
  window: string | undefined;
  reason: 'quota' | 'paused';
}

export interface RateLimitSnapshot {
  remaining: Record<string, number>;
  pausedUntil: number | undefined;
}

/**
 * A token-bucket / window limiter shared by every call of a client. Acquisitions are served first in,
 * first out; a 429 pauses the whole queue (`pauseUntil`); quota headers correct the local count (`observe`).
 */
export class RateLimiter {
  readonly windows: RateWindow[];
  readonly key: string;
  private readonly store: RateLimitStore;
  private readonly clock: Clock;
  private tail: Promise<void> = Promise.resolve();
  private lastRemaining: Record<string, number> = {};
  /** Units taken by calls whose response has not arrived yet (see `complete`). */
  private inFlightUnits = 0;
  private lastPausedUntil: number | undefined;
  private readonly waitListeners = new Set<(wait: RateLimitWait) => void>();

  constructor(options: RateLimiterOptions) {
    this.windows = options.windows.map((w) => ({ ...w }));
    for (const w of this.windows) {
      if (!(w.limit > 0) || !(w.intervalMs > 0)) {
        throw new RangeError(`Rate window "${w.name}" needs a positive limit and intervalMs.`);
      }
    }
    this.key = options.key ?? 'default';
    this.clock = options.clock ?? systemClock;
    this.store = options.store ?? new MemoryRateLimitStore(this.clock);
  }

  /** Subscribes to waits (for events and progress displays); returns the disposer. */
  onWait(listener: (wait: RateLimitWait) => void): () => void {
    this.waitListeners.add(listener);
    return () => this.waitListeners.delete(listener);
  }

  /**
   * Waits until `cost` units are available in every window, then takes them. Rejects with RATE_LIMIT when
   * the wait exceeds a window's `maxWaitMs`, and with the signal's reason when aborted.
   * Returns the milliseconds spent waiting.
   */
  acquire(cost = 1, signal?: AbortSignal, requestId?: string): Promise<number> {
    const run = this.tail.then(() => this.acquireNow(cost, signal, requestId));
    // The queue moves on whether this caller succeeded, failed or was cancelled.
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Marks `cost` units taken by `acquire` as answered. Between the two, the units are "in flight": an exact
   * observation (the server's count) cannot include them yet, so it is lowered by them.
   */
  complete(cost: number): void {
    this.inFlightUnits = Math.max(0, this.inFlightUnits - cost);
    // Sliding windows re-stamp the units at the answer (see RateLimitStore.complete); best effort.
    this.store.complete?.(this.key, this.windows, cost).catch(() => undefined);
  }

  /** Units acquired whose response has not arrived. */
  get inFlight(): number {
    return this.inFlightUnits;
  }

  /** Feeds what the API said about its quota back into the local state. */
  async observe(observation: QuotaObservation): Promise<void> {
    const adjusted =
      observation.mode === 'exact' && observation.remaining !== undefined
        ? { ...observation, remaining: Math.max(0, observation.remaining - this.inFlightUnits) }
        : observation;
    await this.store.observe(this.key, this.windows, adjusted);
  }

  /** Holds every queued and future call until `untilEpochMs` (after a 429). */
  async pauseUntil(untilEpochMs: number): Promise<void> {
    this.lastPausedUntil = Math.max(this.lastPausedUntil ?? 0, untilEpochMs);
    await this.store.pauseUntil(this.key, untilEpochMs);
  }

  /** What this process last saw: units left per window, and the pause in force (epoch ms), if any. */
  snapshot(): RateLimitSnapshot {
    const paused = this.lastPausedUntil !== undefined && this.lastPausedUntil > this.clock.now() ? this.lastPausedUntil : undefined;
    return { remaining: { ...this.lastRemaining }, pausedUntil: paused };
  }

  private async acquireNow(cost: number, signal: AbortSignal | undefined, requestId: string | undefined): Promise<number> {
    const who = requestId === undefined ? {} : { requestId };
    const started = this.clock.now();
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const pausedUntil = await this.store.pausedUntil(this.key);
      const now = this.clock.now();
      if (pausedUntil > now) {
        this.lastPausedUntil = pausedUntil;
        this.emit({ ...who, waitedMs: pausedUntil - now, window: undefined, reason: 'paused' });
        await this.clock.sleep(pausedUntil - now, signal);
        continue;
      }
      const result = await this.store.consume(this.key, this.windows, cost);
      this.lastRemaining = result.remaining;
      if (result.granted) {
        this.inFlightUnits += cost;
        return this.clock.now() - started;
      }
      const window = this.windows.find((w) => w.name === result.window);
      if (!Number.isFinite(result.waitMs)) {
        throw new RateLimitError({
          message: `A cost of ${cost} can never fit in rate window "${result.window}" (limit ${window?.limit}).`,
          retryable: false,
          details: { window: result.window, cost },
        });
      }
      if (window?.maxWaitMs !== undefined && result.waitMs > window.maxWaitMs) {
        throw new RateLimitError({
          message:
            `Local quota "${window.name}" (${window.limit} per ${formatInterval(window.intervalMs)}) is used up; ` +
            `it frees up at ${new Date(now + result.waitMs).toISOString()}. The call was not sent.`,
          retryable: false,
          retryAfterMs: result.waitMs,
          details: { window: window.name, resetsAt: new Date(now + result.waitMs).toISOString() },
        });
      }
      this.emit({ ...who, waitedMs: result.waitMs, window: result.window, reason: 'quota' });
      await this.clock.sleep(result.waitMs, signal);
    }
  }

  private emit(wait: RateLimitWait): void {
    for (const listener of this.waitListeners) listener(wait);
  }
}

function formatInterval(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day(s)`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}
