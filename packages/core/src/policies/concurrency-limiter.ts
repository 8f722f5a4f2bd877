import { RateLimitError } from '../errors/error-classes.js';

/** How many requests a client runs at once, and how many may wait. */
export interface ConcurrencyOptions {
  /** Requests in flight at once. @default 10 */
  maxInFlight: number;
  /** Calls allowed to wait for a slot; one more fails at once. @default 1000 */
  maxQueue: number;
}

/** The default: 10 requests in flight, 1000 waiting. */
export const DEFAULT_CONCURRENCY: ConcurrencyOptions = { maxInFlight: 10, maxQueue: 1000 };

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** A semaphore with a bounded FIFO queue. No polling: a released slot is handed to the next waiter directly. */
export class ConcurrencyLimiter {
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: ConcurrencyOptions = DEFAULT_CONCURRENCY) {}

  /** Slots held now. */
  get active(): number {
    return this.inFlight;
  }

  /** Calls waiting for a slot now. */
  get queued(): number {
    return this.queue.length;
  }

  /** Resolves with a `release` function; call it in `finally`. Releasing twice is harmless. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.inFlight < this.options.maxInFlight) {
      this.inFlight += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(
        new RateLimitError({
          message: `The request queue is full (${this.options.maxQueue} waiting, ${this.options.maxInFlight} in flight); slow down or raise concurrency.maxQueue.`,
          retryable: false,
          details: { reason: 'queue_full' },
        }),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  /** Resolves when nothing is in flight or queued (used to drain on disconnect). */
  idle(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) {
        next.signal?.removeEventListener('abort', next.onAbort);
        next.resolve(this.releaser());
        return;
      }
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    };
  }
}
