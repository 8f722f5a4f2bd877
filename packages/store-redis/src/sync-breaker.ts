import { randomUUID } from 'node:crypto';
import type { CircuitBreaker, Logger } from '@cf/core';
import { consoleWarnings } from './console-warnings.js';
import type { BreakerStateStore } from './redis-breaker-state.js';

/** Options of `syncBreaker`: how often to poll, and where store failures are reported. */
export interface SyncBreakerOptions {
  /** How often to read the other processes' state changes; 0 reads only on `refresh()`. @default 1000 */
  pollMs?: number;
  /** Told when the store cannot be read or written (once per failure streak). @default warnings to the console */
  logger?: Logger;
}

/** A running `syncBreaker`: refresh it by hand, or stop it. */
export interface BreakerSync {
  /** Reads the shared state now and adopts it when another process changed it more recently. */
  refresh(): Promise<void>;
  /** Stops polling and publishing. */
  stop(): void;
}

/**
 * Shares a circuit breaker's state changes through a store: this process publishes each transition it makes
 * (open, half-open, closed) and adopts newer transitions made elsewhere, so when one worker finds the API down the
 * others stop calling it within `pollMs`. Failure counts below the threshold stay per process (see README).
 * Best effort: a store outage is logged and the breaker keeps working locally.
 */
export async function syncBreaker(breaker: CircuitBreaker, store: BreakerStateStore, options: SyncBreakerOptions = {}): Promise<BreakerSync> {
  const writer = randomUUID();
  const logger = options.logger ?? consoleWarnings;
  let newestAt = Number.NEGATIVE_INFINITY;
  let adopting = false;
  let failing = false;
  let stopped = false;

  const report = (error: unknown, doing: string): void => {
    if (failing) return;
    failing = true;
    logger.warn({ store: 'breaker', key: breaker.key, error: (error as Error).message }, `Could not ${doing} shared circuit state; the breaker works locally meanwhile.`);
  };
  const ok = (): void => {
    failing = false;
  };

  const refresh = async (): Promise<void> => {
    if (stopped) return;
    try {
      const shared = await store.load(breaker.key);
      ok();
      if (!shared || shared.writer === writer || shared.at <= newestAt) return;
      newestAt = shared.at;
      adopting = true;
      try {
        breaker.restore(shared);
      } finally {
        adopting = false;
      }
    } catch (error) {
      report(error, 'read');
    }
  };

  const unsubscribe = breaker.onStateChange((change) => {
    if (adopting || stopped) return;
    newestAt = change.at;
    store.save(breaker.key, { ...breaker.snapshot(), at: change.at, writer }).then(ok, (error: unknown) => report(error, 'publish'));
  });

  await refresh();
  const pollMs = options.pollMs ?? 1000;
  const timer = pollMs > 0 ? setInterval(() => void refresh(), pollMs) : undefined;
  timer?.unref();

  return {
    refresh,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
    },
  };
}
