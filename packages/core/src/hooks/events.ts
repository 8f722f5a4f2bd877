import type { CircuitStateChange } from '../policies/circuit-breaker.js';

/**
 * The events of an `HttpClient` (`client.events.on(name, listener)`, or a connector's `on`): each operation's start
 * and end, each attempt's request and response, retries, rate-limit waits, breaker changes and failed attempts. URLs
 * and headers are redacted.
 */
export interface ConnectorEvents {
  /** A logical operation (one `request()`, all its attempts) started. */
  operationStart: { requestId: string; operation: string | undefined; method: string; url: string; startedAt: number };
  /** It ended: `status` on success, `errorCode` on failure. */
  operationEnd: {
    requestId: string;
    operation: string | undefined;
    method: string;
    url: string;
    durationMs: number;
    attempts: number;
    status?: number;
    errorCode?: string;
    rateLimitWaitMs: number;
  };
  /** An attempt is sent (after hooks, auth and the rate limiter). */
  request: { requestId: string; method: string; url: string; attempt: number };
  /** An attempt got a response (any status), with its duration and redacted headers. */
  response: { requestId: string; method: string; url: string; status: number; attempt: number; durationMs: number; headers: Record<string, string> };
  /** A failed attempt will be retried after `delayMs` (`serverDelay`: the server's Retry-After set it). */
  retry: { requestId: string; attempt: number; delayMs: number; reason: string; serverDelay: boolean };
  /** A call waited for the rate limiter: `quota` (a window was spent) or `paused` (a 429 paused every call). */
  rateLimitWait: { requestId?: string; waitedMs: number; window: string | undefined; reason: 'quota' | 'paused' };
  /** A circuit breaker changed state (closed, open, half-open). */
  breakerStateChange: CircuitStateChange;
  /** An attempt failed (emitted for every failed attempt, retried or not), with its error code. */
  error: { requestId: string; code: string; message: string; attempt: number };
}

/** The name of a core event (a key of `ConnectorEvents`). */
export type EventName = keyof ConnectorEvents;

/** Core's event names, so a connector's `on()` can route its own events elsewhere. */
export const CORE_EVENT_NAMES: ReadonlySet<string> = new Set<EventName>(['operationStart', 'operationEnd', 'request', 'response', 'retry', 'rateLimitWait', 'breakerStateChange', 'error']);

/**
 * A tiny typed emitter (core's events by default; a connector declares its own map for events of its API);
 * `on` returns the disposer. A throwing listener never breaks a request.
 */
export class EventBus<Events extends object = ConnectorEvents> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  /**
   * Subscribes `listener` to `event`.
   *
   * @returns a function that unsubscribes it.
   */
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Whether anyone listens: callers skip building (and redacting) payloads nobody will read. */
  has(event: keyof Events): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  /** Calls every listener of `event` with `payload`, in subscription order; a listener that throws is ignored. */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as (p: Events[E]) => void)(payload);
      } catch {
        /* a listener's failure is the listener's problem */
      }
    }
  }
}
