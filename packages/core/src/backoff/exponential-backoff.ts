/**
 * Exponential backoff between retries: `initialDelayMs × factor^(attempt−1)`, capped at `maxDelayMs`, then jittered.
 */
export interface BackoffOptions {
  /** Delay before the first retry. @default 1000 */
  initialDelayMs: number;
  /** Growth per attempt. @default 2 */
  factor: number;
  /** No single delay exceeds this. @default 30000 */
  maxDelayMs: number;
  /**
   * Share of the delay kept at minimum: the delay is uniformly drawn from [jitter × d, d].
   * 0.5 keeps 50–100% of the delay (spreads retries of many clients). @default 0.5
   */
  jitterMin: number;
}

/** The default backoff: 1 s, doubling, capped at 30 s, 50–100% jitter. */
export const DEFAULT_BACKOFF: BackoffOptions = {
  initialDelayMs: 1000,
  factor: 2,
  maxDelayMs: 30_000,
  jitterMin: 0.5,
};

/** The un-jittered delay before retry number `retry` (1-based): initial × factor^(retry-1), capped. */
export function backoffDelay(retry: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const raw = options.initialDelayMs * options.factor ** Math.max(0, retry - 1);
  return Math.min(options.maxDelayMs, raw);
}

/** Applies jitter: keeps between `jitterMin` and 100% of `delayMs`. `random` is injectable for tests. */
export function withJitter(delayMs: number, jitterMin: number, random: () => number = Math.random): number {
  const min = Math.min(1, Math.max(0, jitterMin));
  return Math.round(delayMs * (min + (1 - min) * random()));
}
