import { systemClock, type Clock } from '../time/clock.js';
import type { ConsumeResult, QuotaObservation, RateLimitStore, RateWindow } from './rate-limit-store.js';

interface BucketState {
  tokens: number;
  capacity: number;
  refillPerMs: number;
  updatedAt: number;
}
interface SlidingState {
  /** Send times (epoch ms), oldest first, one entry per unit; re-stamped at completion (see `complete`). */
  log: number[];
  limit: number;
  /** Grant stamps of units not completed yet, oldest first. */
  pending: number[];
  /** Stamps of the units that left the window last, oldest first (at most `limit`): see `observe`. */
  expired: number[];
  /** Units answered since the last observation (at most `limit`), and the answer that observation was ascribed to. */
  answers: Answer[];
  observed: Answer | undefined;
}
/** When a unit was granted, and when its answer arrived. */
interface Answer {
  grantedAt: number;
  at: number;
}
interface FixedState {
  used: number;
  limit: number;
  windowEnd: number;
}
type WindowState = BucketState | SlidingState | FixedState;

/** The in-process store: exact, synchronous math behind an async interface. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly states = new Map<string, WindowState>();
  private readonly pauses = new Map<string, number>();

  constructor(private readonly clock: Clock = systemClock) {}

  /**
   * Takes `cost` units from every window of `key` if all have room; otherwise takes nothing and says how long to
   * wait.
   */
  async consume(key: string, windows: readonly RateWindow[], cost: number): Promise<ConsumeResult> {
    const now = this.clock.now();
    let wait = 0;
    let refusedBy: string | undefined;
    for (const window of windows) {
      const w = this.available(this.state(key, window, now), window, now, cost);
      if (w > wait) {
        wait = w;
        refusedBy = window.name;
      }
    }
    if (wait > 0) {
      return { granted: false, waitMs: wait, ...(refusedBy ? { window: refusedBy } : {}), remaining: this.remaining(key, windows, now) };
    }
    for (const window of windows) this.take(this.state(key, window, now), cost, now);
    return { granted: true, waitMs: 0, remaining: this.remaining(key, windows, now) };
  }

  /** Corrects a window's count from what the API reported (`min` lowers it, `exact` adopts it). */
  async observe(key: string, windows: readonly RateWindow[], obs: QuotaObservation): Promise<void> {
    const window = windows.find((w) => w.name === obs.window);
    if (!window) return;
    const now = this.clock.now();
    const state = this.state(key, window, now);
    const mode = obs.mode ?? 'min';
    if ('tokens' in state) {
      if (obs.limit !== undefined && obs.limit > 0) state.capacity = obs.limit;
      if (obs.refillPerSecond !== undefined && obs.refillPerSecond > 0) state.refillPerMs = obs.refillPerSecond / 1000;
      if (obs.remaining !== undefined) {
        state.tokens = mode === 'exact' ? Math.min(state.capacity, obs.remaining) : Math.min(state.tokens, obs.remaining);
      }
    } else if ('log' in state) {
      if (obs.limit !== undefined && obs.limit > 0) state.limit = obs.limit;
      if (obs.remaining !== undefined) {
        const serverUsed = state.limit - obs.remaining;
        // Requests the server counted that we did not (another client on the same account): record them now. The
        // server counted when the answered request arrived, after it was granted; units that left our window since
        // then may still be in its count, and they are no unknown request (they have left the server's window too,
        // since it stamped them no later than we did). Counting them again would hold a slot for a whole extra window.
        let known = state.log.length + this.leftSinceAnswered(state, window, now);
        for (; known < serverUsed; known += 1) state.log.push(now);
      }
    } else {
      if (obs.limit !== undefined && obs.limit > 0) state.limit = obs.limit;
      if (obs.remaining !== undefined) {
        const serverUsed = state.limit - obs.remaining;
        state.used = mode === 'exact' ? serverUsed : Math.max(state.used, serverUsed);
      }
      if (obs.resetInMs !== undefined) state.windowEnd = now + obs.resetInMs;
    }
  }

  /** Pauses every caller of `key` until `untilEpochMs` (a later pause wins; an earlier one changes nothing). */
  async pauseUntil(key: string, untilEpochMs: number): Promise<void> {
    this.pauses.set(key, Math.max(this.pauses.get(key) ?? 0, untilEpochMs));
  }

  /** The end of `key`'s pause (epoch ms), or 0 when it was never paused. */
  async pausedUntil(key: string): Promise<number> {
    return this.pauses.get(key) ?? 0;
  }

  private state(key: string, window: RateWindow, now: number): WindowState {
    const id = `${key}\u0000${window.name}`;
    let state = this.states.get(id);
    if (!state) {
      const algorithm = window.algorithm ?? 'token-bucket';
      if (algorithm === 'sliding-window') state = { log: [], limit: window.limit, pending: [], expired: [], answers: [], observed: undefined };
      else if (algorithm === 'fixed-window') state = { used: 0, limit: window.limit, windowEnd: fixedWindowEnd(window, now) };
      else {
        const capacity = window.burst ?? window.limit;
        state = { tokens: capacity, capacity, refillPerMs: window.limit / window.intervalMs, updatedAt: now };
      }
      this.states.set(id, state);
    }
    this.advance(state, window, now);
    return state;
  }

  private advance(state: WindowState, window: RateWindow, now: number): void {
    if ('tokens' in state) {
      state.tokens = Math.min(state.capacity, state.tokens + (now - state.updatedAt) * state.refillPerMs);
      state.updatedAt = now;
    } else if ('log' in state) {
      const cutoff = now - window.intervalMs;
      let drop = 0;
      while (drop < state.log.length && (state.log[drop] ?? 0) < cutoff) drop += 1;
      if (drop > 0) {
        state.expired.push(...state.log.splice(0, drop));
        if (state.expired.length > state.limit) state.expired.splice(0, state.expired.length - state.limit);
      }
    } else if (now >= state.windowEnd) {
      state.used = 0;
      state.windowEnd = fixedWindowEnd(window, now);
    }
  }

  /** Milliseconds until `cost` fits in this window (0 when it fits now). */
  private available(state: WindowState, window: RateWindow, now: number, cost: number): number {
    if ('tokens' in state) {
      if (cost > state.capacity) return Number.POSITIVE_INFINITY;
      if (state.tokens >= cost) return 0;
      return Math.ceil((cost - state.tokens) / state.refillPerMs);
    }
    if ('log' in state) {
      if (cost > state.limit) return Number.POSITIVE_INFINITY;
      const excess = state.log.length + cost - state.limit;
      if (excess <= 0) return 0;
      const freesAt = (state.log[excess - 1] ?? now) + window.intervalMs;
      return Math.max(1, freesAt - now + 1);
    }
    if (cost > state.limit) return Number.POSITIVE_INFINITY;
    if (state.used + cost <= state.limit) return 0;
    return Math.max(1, state.windowEnd - now);
  }

  private take(state: WindowState, cost: number, now: number): void {
    if ('tokens' in state) state.tokens -= cost;
    else if ('log' in state) {
      for (let i = 0; i < cost; i += 1) {
        state.log.push(now);
        state.pending.push(now);
      }
      // A caller that never completes must not grow this without bound.
      if (state.pending.length > state.limit * 2) state.pending.splice(0, state.pending.length - state.limit * 2);
    } else state.used += cost;
  }

  async refund(key: string, windows: readonly RateWindow[], cost: number, only?: string): Promise<void> {
    const now = this.clock.now();
    for (const window of windows) {
      if (only !== undefined && window.name !== only) continue;
      const state = this.state(key, window, now);
      if ('tokens' in state) state.tokens = Math.min(state.capacity, state.tokens + cost);
    }
  }

  async complete(key: string, windows: readonly RateWindow[], cost: number): Promise<void> {
    const now = this.clock.now();
    for (const window of windows) {
      const state = this.states.get(`${key}\u0000${window.name}`);
      if (!state || !('log' in state)) continue;
      for (let i = 0; i < cost; i += 1) {
        const granted = state.pending.shift();
        if (granted === undefined) break;
        state.answers.push({ grantedAt: granted, at: now });
        if (state.answers.length > state.limit) state.answers.shift();
        const index = state.log.indexOf(granted);
        if (index === -1) continue; // already expired
        state.log.splice(index, 1);
        state.log.push(now);
      }
    }
  }

  /**
   * Units that left the window after the request carrying the observation was granted: the server counted when
   * that request arrived, so its count may still include them. Several answers may be read in any order, and some
   * carry no observation, so the request is taken to be the oldest-granted one answered since the last observation
   * within the interval (or the one the last observation was ascribed to), never granted more than an interval ago.
   */
  private leftSinceAnswered(state: SlidingState, window: RateWindow, now: number): number {
    const recent = (a: Answer | undefined): a is Answer => a !== undefined && now - a.at < window.intervalMs;
    const candidates = state.answers.filter(recent);
    state.answers = [];
    let answer = candidates[0];
    for (const a of candidates) if (a.grantedAt < (answer?.grantedAt ?? Number.POSITIVE_INFINITY)) answer = a;
    answer ??= recent(state.observed) ? state.observed : undefined;
    state.observed = answer;
    if (!answer) return 0;
    const cutoff = Math.max(answer.grantedAt, now - window.intervalMs) - window.intervalMs;
    let count = 0;
    for (let i = state.expired.length - 1; i >= 0 && (state.expired[i] ?? 0) > cutoff; i -= 1) count += 1;
    return count;
  }

  private remaining(key: string, windows: readonly RateWindow[], now: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const window of windows) {
      const state = this.state(key, window, now);
      if ('tokens' in state) out[window.name] = Math.floor(state.tokens);
      else if ('log' in state) out[window.name] = Math.max(0, state.limit - state.log.length);
      else out[window.name] = Math.max(0, state.limit - state.used);
    }
    return out;
  }
}

function fixedWindowEnd(window: RateWindow, now: number): number {
  if (window.resetAt) return window.resetAt(now);
  return (Math.floor(now / window.intervalMs) + 1) * window.intervalMs;
}
