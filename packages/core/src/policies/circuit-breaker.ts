import { CircuitOpenError } from '../errors/error-classes.js';
import type { ConnectorError } from '../errors/connector-error.js';
import { systemClock, type Clock } from '../time/clock.js';

/**
 * A breaker's state: `closed` (calls pass), `open` (calls fail at once with CIRCUIT_OPEN), `half-open` (one probe
 * call is let through; its outcome closes or reopens the circuit).
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** When a circuit opens, and for how long. */
export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit. @default 5 */
  failureThreshold: number;
  /** How long the circuit stays open before admitting one probe. @default 60000 */
  openMs: number;
}

/** The default: open after 5 consecutive failures, for 60 s. */
export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerOptions = { failureThreshold: 5, openMs: 60_000 };

/** Exported state, to persist or share (restore with `CircuitBreaker.restore`). */
export interface CircuitSnapshot {
  /** The state (as stored: an open circuit whose time is up is still `open` here). */
  state: CircuitState;
  /** Failures counted in a row since the last success. */
  consecutiveFailures: number;
  /** When the circuit last opened (epoch ms, the breaker's clock), or undefined. */
  openedAt: number | undefined;
}

/** A breaker's state change, as `onStateChange` listeners and the `breakerStateChange` event receive it. */
export interface CircuitStateChange {
  /** The breaker's key (the origin it guards). */
  key: string;
  /** The state before. */
  from: CircuitState;
  /** The state after. */
  to: CircuitState;
  /** When it changed (epoch ms, the breaker's clock). */
  at: number;
}

/**
 * Which outcomes count as failures. Retryable failures (network, timeout, 408/425, 5xx) count; any other
 * 4xx proves the server is up and counts as a success; rate limits and cancellation count as nothing.
 */
export function breakerOutcome(error: ConnectorError | undefined): 'success' | 'failure' | 'ignore' {
  if (error === undefined) return 'success';
  if (error.code === 'CANCELLED' || error.code === 'CIRCUIT_OPEN' || error.code === 'CLIENT_CLOSED') return 'ignore';
  // A rate limit (429, GraphQL THROTTLED) comes from a healthy server saying "later": the limiter pauses for
  // it. Counting it would turn a 10 s wait into a 60 s outage, so it neither opens nor closes the circuit.
  if (error.code === 'RATE_LIMIT') return 'ignore';
  // A non-retryable failure with no HTTP status never reached the server (local quota, bad input, a full
  // queue): it says nothing about the server's health, so it must not close a half-open circuit.
  if (error.status === undefined && !error.retryable) return 'ignore';
  return error.retryable ? 'failure' : 'success';
}

/** A permit for one attempt; `settle` must be called exactly once with the attempt's outcome. */
export interface CircuitPermit {
  /**
   * Reports the attempt's outcome (`breakerOutcome(error)`): a failure counts towards opening, a success closes a
   * half-open circuit, `ignore` changes nothing.
   */
  settle(outcome: 'success' | 'failure' | 'ignore'): void;
}

/**
 * A circuit breaker for one origin: after `failureThreshold` consecutive failures it opens and refuses calls with
 * CIRCUIT_OPEN for `openMs`, then lets one probe through (half-open) whose outcome closes or reopens it. Rate limits,
 * cancellations and 4xx answers other than 408/425 do not count as failures (`breakerOutcome`).
 */
export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  /** The permit holding the half-open probe slot, if any (an object, so only its holder frees it). */
  private probe: object | undefined;
  /**
   * Bumped on every transition. A permit remembers the generation it was issued in; settled in another one, it
   * changes nothing: a slow call sent while closed must not close a circuit opened since, nor count against a
   * circuit a probe has closed since.
   */
  private generation = 0;
  private readonly listeners = new Set<(change: CircuitStateChange) => void>();

  /** @param key - The breaker's key (the origin it guards), reported in state changes. */
  constructor(
    readonly key: string,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_BREAKER,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The state now: an open circuit whose `openMs` has passed reports `half-open` even before the next call. */
  get currentState(): CircuitState {
    // An open circuit whose time is up reports half-open even before the next call arrives.
    if (this.state === 'open' && this.openedAt !== undefined && this.clock.now() >= this.openedAt + this.options.openMs) {
      return 'half-open';
    }
    return this.state;
  }

  /** True while `acquire()` would throw CIRCUIT_OPEN: open and not yet due for a probe, or a probe in flight. */
  get rejecting(): boolean {
    return this.refusal() !== undefined;
  }

  /** Subscribes to state changes; returns the disposer. */
  onStateChange(listener: (change: CircuitStateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Throws the CIRCUIT_OPEN that `acquire()` would throw, but claims nothing. The funnel calls it before waiting
   * in the rate limiter, so a call bound to be refused does not queue, and a probe does not hold the half-open
   * slot while it waits for a token; `acquire()` follows once the call is about to be sent.
   */
  check(): void {
    const error = this.rejection();
    if (error) throw error;
  }

  /** Asks to make one attempt. Throws CIRCUIT_OPEN when the circuit rejects it. */
  acquire(): CircuitPermit {
    const error = this.rejection();
    if (error) throw error;
    if (this.state === 'open') this.transition('half-open');
    if (this.state === 'half-open') {
      const probe = {};
      this.probe = probe;
      return this.permit(probe);
    }
    return this.permit(undefined);
  }

  /** The breaker's state, to persist or share (restore it with `restore`). */
  snapshot(): CircuitSnapshot {
    return { state: this.state, consecutiveFailures: this.consecutiveFailures, openedAt: this.openedAt };
  }

  /** Takes on a saved or shared state (emitting a state change when it differs); any probe in flight is forgotten. */
  restore(snapshot: CircuitSnapshot): void {
    this.consecutiveFailures = snapshot.consecutiveFailures;
    this.openedAt = snapshot.openedAt;
    this.probe = undefined;
    if (snapshot.state !== this.state) this.transition(snapshot.state);
  }

  /** The error `acquire()` would throw now, or undefined when it would admit the call. */
  private rejection(): CircuitOpenError | undefined {
    const refusal = this.refusal();
    return refusal && this.openError(refusal.retryAfterMs, refusal.why);
  }

  /** Why a call would be refused now (without building an error: `rejecting` is asked often). */
  private refusal(): { retryAfterMs: number; why?: string } | undefined {
    if (this.state === 'open') {
      const now = this.clock.now();
      const reopensAt = (this.openedAt ?? now) + this.options.openMs;
      return now < reopensAt ? { retryAfterMs: reopensAt - now } : undefined;
    }
    if (this.state === 'half-open' && this.probe !== undefined) return { retryAfterMs: 0, why: 'a probe request is already testing the service' };
    return undefined;
  }

  private permit(probe: object | undefined): CircuitPermit {
    const issuedIn = this.generation;
    let settled = false;
    return {
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        // A probe frees its slot whatever happened since; only its holder can (restore() may have moved on).
        if (probe !== undefined && this.probe === probe) this.probe = undefined;
        if (issuedIn !== this.generation || outcome === 'ignore') return;
        if (outcome === 'success') {
          this.consecutiveFailures = 0;
          if (this.state !== 'closed') {
            this.openedAt = undefined;
            this.transition('closed');
          }
          return;
        }
        this.consecutiveFailures += 1;
        if (this.state === 'half-open' || (this.state === 'closed' && this.consecutiveFailures >= this.options.failureThreshold)) {
          this.openedAt = this.clock.now();
          this.transition('open');
        }
      },
    };
  }

  private openError(retryAfterMs: number, why?: string): CircuitOpenError {
    return new CircuitOpenError({
      message:
        `Circuit for ${this.key} is open after ${this.consecutiveFailures} consecutive failures` +
        (why ? `: ${why}` : `; it admits a probe in ${Math.ceil(retryAfterMs / 1000)} s`) +
        '. The call was not sent.',
      retryAfterMs,
      details: { circuit: this.key },
    });
  }

  private transition(to: CircuitState): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.generation += 1;
    const change = { key: this.key, from, to, at: this.clock.now() };
    for (const listener of this.listeners) listener(change);
  }
}
