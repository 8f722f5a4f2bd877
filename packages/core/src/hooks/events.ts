import type { CircuitStateChange } from '../policies/circuit-breaker.js';

export interface ConnectorEvents {
  request: { requestId: string; method: string; url: string; attempt: number };
  response: { requestId: string; method: string; url: string; status: number; attempt: number; durationMs: number; headers: Record<string, string> };
  retry: { requestId: string; attempt: number; delayMs: number; reason: string; serverDelay: boolean };
  rateLimitWait: { requestId?: string; waitedMs: number; window: string | undefined; reason: 'quota' | 'paused' };
  breakerStateChange: CircuitStateChange;
  error: { requestId: string; code: string; message: string; attempt: number };
}

export type EventName = keyof ConnectorEvents;
type Listener<E extends EventName> = (payload: ConnectorEvents[E]) => void;

/** A tiny typed emitter; `on` returns the disposer. A throwing listener never breaks a request. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: ConnectorEvents[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        listener(payload);
      } catch {
        /* a listener's failure is the listener's problem */
      }
    }
  }
}
