import type { CircuitStateChange } from '../policies/circuit-breaker.js';

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
  request: { requestId: string; method: string; url: string; attempt: number };
  response: { requestId: string; method: string; url: string; status: number; attempt: number; durationMs: number; headers: Record<string, string> };
  retry: { requestId: string; attempt: number; delayMs: number; reason: string; serverDelay: boolean };
  rateLimitWait: { requestId?: string; waitedMs: number; window: string | undefined; reason: 'quota' | 'paused' };
  breakerStateChange: CircuitStateChange;
  error: { requestId: string; code: string; message: string; attempt: number };
}

export type EventName = keyof ConnectorEvents;

/** Core's event names, so a connector's `on()` can route its own events elsewhere. */
export const CORE_EVENT_NAMES: ReadonlySet<string> = new Set<EventName>(['operationStart', 'operationEnd', 'request', 'response', 'retry', 'rateLimitWait', 'breakerStateChange', 'error']);

/**
 * A tiny typed emitter (core's events by default; a connector declares its own map for events of its API);
 * `on` returns the disposer. A throwing listener never breaks a request.
 */
export class EventBus<Events extends object = ConnectorEvents> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

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
