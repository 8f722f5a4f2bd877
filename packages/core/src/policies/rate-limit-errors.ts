import { RateLimitError } from '../errors/error-classes.js';
import type { RateWindow } from '../store/rate-limit-store.js';

/** The local fail-fast errors of `RateLimiter`: a wait longer than allowed is refused before anything is sent. */

export function neverFitsError(cost: number, windowName: string | undefined, window: RateWindow | undefined): RateLimitError {
  return new RateLimitError({
    message: `A cost of ${cost} can never fit in rate window "${windowName}" (limit ${window?.limit}).`,
    retryable: false,
    details: { window: windowName, cost },
  });
}

/** A window is used up for longer than `maxWaitMs` (the window's, or the call's when `perCall`). */
export function quotaWaitError(
  name: string,
  window: RateWindow | undefined,
  wait: { now: number; waitMs: number; maxWaitMs: number; perCall: boolean },
): RateLimitError {
  const resetsAt = new Date(wait.now + wait.waitMs).toISOString();
  const label = window ? `"${name}" (${window.limit} per ${formatInterval(window.intervalMs)})` : `"${name}"`;
  const cap = wait.perCall ? `, later than this call's maxWaitMs (${wait.maxWaitMs} ms) allows` : '';
  return new RateLimitError({
    message: `Local quota ${label} is used up; it frees up at ${resetsAt}${cap}. The call was not sent.`,
    retryable: false,
    retryAfterMs: wait.waitMs,
    details: { reason: 'quota', window: name, resetsAt },
  });
}

/** The API paused every call (a 429) for longer than `maxWaitMs`. */
export function pauseWaitError(now: number, pausedUntil: number, maxWaitMs: number): RateLimitError {
  const resetsAt = new Date(pausedUntil).toISOString();
  return new RateLimitError({
    message:
      `The API asked to pause every call until ${resetsAt} (${Math.ceil((pausedUntil - now) / 1000)} s), ` +
      `longer than maxWaitMs (${maxWaitMs} ms). The call was not sent.`,
    retryable: false,
    retryAfterMs: pausedUntil - now,
    details: { reason: 'paused', resetsAt },
  });
}

function formatInterval(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day(s)`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}
