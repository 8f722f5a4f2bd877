import { systemClock, type Clock } from '../time/clock.js';
import type { WebhookClaimState, WebhookDedupeStore } from './dedupe-store.js';

/** Options of `MemoryWebhookDedupeStore`. */
export interface MemoryWebhookDedupeOptions {
  /**
   * Ids remembered at most; past it the oldest are forgotten first (a delivery older than that many others is
   * unlikely to be retried). Bounds memory whatever the traffic. @default 100000
   */
  maxEntries?: number;
  /** @default systemClock */
  clock?: Clock;
}

interface Entry {
  done: boolean;
  token: string;
  expiresAt: number;
}

/**
 * The receiver's default dedupe store: one process's memory, with expiry and a bounded size. Several processes
 * (replicas behind a load balancer) each have their own: use `@cf/store-redis`'s `redisWebhookDedupe` there.
 */
export class MemoryWebhookDedupeStore implements WebhookDedupeStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly clock: Clock;

  constructor(options: MemoryWebhookDedupeOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    if (!(Number.isInteger(this.maxEntries) && this.maxEntries > 0)) throw new RangeError('maxEntries must be a positive integer.');
    this.clock = options.clock ?? systemClock;
  }

  /** Ids held now (claimed or done, not expired). */
  get size(): number {
    this.sweep(this.clock.now());
    return this.entries.size;
  }

  async claim(keys: readonly string[], token: string, leaseMs: number): Promise<WebhookClaimState[]> {
    const now = this.clock.now();
    return keys.map((key) => {
      const entry = this.live(key, now);
      if (entry) return entry.done ? 'done' : 'in-flight';
      this.set(key, { done: false, token, expiresAt: now + leaseMs });
      return 'claimed';
    });
  }

  async complete(keys: readonly string[], token: string, ttlMs: number): Promise<void> {
    const expiresAt = this.clock.now() + ttlMs;
    for (const key of keys) this.set(key, { done: true, token, expiresAt });
  }

  async release(keys: readonly string[], token: string): Promise<void> {
    const now = this.clock.now();
    for (const key of keys) {
      const entry = this.live(key, now);
      if (entry && !entry.done && entry.token === token) this.entries.delete(key);
    }
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Insertion order is age order (a rewritten key moves to the end), so the first entries are the oldest. */
  private set(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // O(1) per write: the oldest entries go first, expired or not (a sweep per write would be O(n)).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
