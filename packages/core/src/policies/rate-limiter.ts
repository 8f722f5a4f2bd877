import { MemoryRateLimitStore } from '../store/memory-rate-limit-store.js';
import type { QuotaObservation, RateLimitStore, RateWindow } from '../store/rate-limit-store.js';
import { systemClock, type Clock } from '../time/clock.js';
import { neverFitsError, pauseWaitError, quotaWaitError } from './rate-limit-errors.js';

/** Options of a `RateLimiter`: its windows, the key its state is stored under, the store and the clock. */
export interface RateLimiterOptions {
  /** One or more windows enforced together (e.g. per second and per day). */
  windows: readonly RateWindow[];
  /** Key under which the state is stored (one API account = one key). @default 'default' */
  key?: string;
  /**
   * Where the windows' counts and the pause live; a shared store (Redis) makes several processes spend one quota.
   * @default a new MemoryRateLimitStore
   */
  store?: RateLimitStore;
  /** The clock waits are measured by. @default systemClock */
  clock?: Clock;
}

/** A wait the limiter imposed on a call (`onWait` listeners, the `rateLimitWait` event). */
export interface RateLimitWait {
  /** The operation that waited, when the caller said. */
  requestId?: string;
  /** How long the call waited, in ms. */
  waitedMs: number;
  /** The window that made it wait, when it was a quota. */
  window: string | undefined;
  /** `quota`: a window was spent; `paused`: a 429 (or `pauseUntil`) paused every call. */
  reason: 'quota' | 'paused';
}

/** Per-call options of `acquire`. */
export interface AcquireOptions {
  /**
   * The longest this call waits at once, for a quota or a pause; a longer wait fails fast with RATE_LIMIT
   * (`details.reason` 'quota' or 'paused') and nothing is sent. Windows' own `maxWaitMs` still apply.
   */
  maxWaitMs?: number | undefined;
}

/** What the limiter last saw: units left per window and any pause. */
export interface RateLimitSnapshot {
  /** Units left per window name, as of the last acquisition or observation. */
  remaining: Record<string, number>;
  /** When the current pause ends (epoch ms), or undefined when not paused. */
  pausedUntil: number | undefined;
}

/** One caller in the queue. `settle` answers it once and takes it out of the queue. */
interface Waiter {
  readonly cost: number;
  readonly signal: AbortSignal | undefined;
  readonly requestId: string | undefined;
  readonly maxWaitMs: number | undefined;
  settled: boolean;
  settle(outcome: { waited: number } | { reason: unknown }): void;
}

/**
 * A token-bucket / window limiter shared by every call of a client. Acquisitions are served first in,
 * first out, from an explicit queue: only the head waits on the store (a window or a pause), and an abort answers
 * its waiter at once wherever it stands. A 429 pauses the whole queue (`pauseUntil`); quota headers correct the
 * local count (`observe`).
 */
export class RateLimiter {
  /** The windows enforced together: a call proceeds when every one has room. */
  readonly windows: RateWindow[];
  /** The key its state is stored under (one API account = one key). */
  readonly key: string;
  private readonly store: RateLimitStore;
  private readonly clock: Clock;
  private readonly queue: Waiter[] = [];
  private draining = false;
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
   * Waits until `cost` units are available in every window, then takes them. Rejects with RATE_LIMIT when a
   * wait (a window's, or a pause after a 429) exceeds the windows' `maxWaitMs` or `options.maxWaitMs`, and with
   * the signal's reason as soon as it aborts, queued or waiting. Returns the milliseconds spent waiting once at
   * the head of the queue.
   */
  acquire(cost = 1, signal?: AbortSignal, requestId?: string, options?: AcquireOptions): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => waiter.settle({ reason: signal?.reason });
      const waiter: Waiter = {
        cost,
        signal,
        requestId,
        maxWaitMs: options?.maxWaitMs,
        settled: false,
        settle: (outcome) => {
          if (waiter.settled) return;
          waiter.settled = true;
          signal?.removeEventListener('abort', onAbort);
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          if ('waited' in outcome) resolve(outcome.waited);
          else reject(outcome.reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.drain();
    });
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

  /**
   * Gives `cost` units back to the token-bucket windows (only `window` when named), never above their capacity:
   * the API refused the request without charging it (a GraphQL query refused before execution). A no-op with a
   * store that cannot refund (`RateLimitStore.refund` is optional).
   */
  async refund(cost: number, window?: string): Promise<void> {
    if (!(cost > 0)) return;
    await this.store.refund?.(this.key, this.windows, cost, window);
  }

  /**
   * Feeds what the API said about its quota back into the local state. An exact count is lowered by the units in
   * flight, which the store adopts in place of its own count, except for a sliding window: its store only adds the
   * requests it did not know of to a log that holds the units in flight already.
   */
  async observe(observation: QuotaObservation): Promise<void> {
    const sliding = this.windows.find((w) => w.name === observation.window)?.algorithm === 'sliding-window';
    const adjusted =
      observation.mode === 'exact' && observation.remaining !== undefined && !sliding
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

  /** Serves the queue head by head; one drain at a time, started by `acquire` when idle. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
        try {
          head.settle({ waited: await this.serve(head) });
        } catch (reason) {
          head.settle({ reason });
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async serve(waiter: Waiter): Promise<number> {
    const { cost, signal } = waiter;
    const who = waiter.requestId === undefined ? {} : { requestId: waiter.requestId };
    const started = this.clock.now();
    for (;;) {
      // Aborted: the caller has its answer already; the queue moves on.
      if (waiter.settled) return 0;
      const pausedUntil = await this.store.pausedUntil(this.key);
      const now = this.clock.now();
      if (pausedUntil > now) {
        this.lastPausedUntil = pausedUntil;
        // A pause is a wait like a window's: past what the windows (or the call) allow, fail fast, not hang.
        const maxWaitMs = Math.min(this.pauseMaxWaitMs(), waiter.maxWaitMs ?? Number.POSITIVE_INFINITY);
        if (pausedUntil - now > maxWaitMs) throw pauseWaitError(now, pausedUntil, maxWaitMs);
        this.emit({ ...who, waitedMs: pausedUntil - now, window: undefined, reason: 'paused' });
        await this.clock.sleep(pausedUntil - now, signal);
        continue;
      }
      const result = await this.store.consume(this.key, this.windows, cost);
      this.lastRemaining = result.remaining;
      if (result.granted) {
        // Aborted during `consume`: the units are spent but never sent (a conservative over-count until the window
        // moves on), and not in flight, since nobody will `complete` them.
        if (!waiter.settled) this.inFlightUnits += cost;
        return this.clock.now() - started;
      }
      const window = this.windows.find((w) => w.name === result.window);
      if (!Number.isFinite(result.waitMs)) throw neverFitsError(cost, result.window, window);
      const name = result.window ?? 'unknown';
      if (window?.maxWaitMs !== undefined && result.waitMs > window.maxWaitMs) {
        throw quotaWaitError(name, window, { now, waitMs: result.waitMs, maxWaitMs: window.maxWaitMs, perCall: false });
      }
      if (waiter.maxWaitMs !== undefined && result.waitMs > waiter.maxWaitMs) {
        throw quotaWaitError(name, window, { now, waitMs: result.waitMs, maxWaitMs: waiter.maxWaitMs, perCall: true });
      }
      this.emit({ ...who, waitedMs: result.waitMs, window: result.window, reason: 'quota' });
      await this.clock.sleep(result.waitMs, signal);
    }
  }

  /**
   * The longest a pause may hold a call: the largest `maxWaitMs` among the windows (a window without one waits
   * any time). A pause is not tied to one window, so it fails fast only when no window would wait that long. The
   * smallest would let a daily window's `maxWaitMs: 0` (never wait for tomorrow) fail every queued call on a 10 s
   * rolling-window 429, which the pause exists to absorb.
   */
  private pauseMaxWaitMs(): number {
    let longest = this.windows.length === 0 ? Number.POSITIVE_INFINITY : 0;
    for (const w of this.windows) longest = Math.max(longest, w.maxWaitMs ?? Number.POSITIVE_INFINITY);
    return longest;
  }

  private emit(wait: RateLimitWait): void {
    for (const listener of this.waitListeners) listener(wait);
  }
}
