import type { WebhookDedupeStore } from './dedupe-store.js';
import type { ReceivedEvent } from './webhook-source.js';

/** A delivery's events sorted by their claim: the new ones (claimed for this delivery) and the counts of the rest. */
export interface ClaimedEvents<E> {
  /** Events this delivery holds the claim on, in the order sent: the handler's. */
  fresh: E[];
  /** Dedupe keys of `fresh`, to complete or release. */
  keys: string[];
  /** Events handled before, plus repeats of an id within this delivery. */
  duplicates: number;
  /** Events another delivery holds the claim on right now. */
  inFlight: number;
  /** This delivery's claim token (releases only drop claims it holds). */
  token: string;
}

/**
 * Claims every distinct id of a delivery at once (one round trip to the store). An id repeated within the delivery
 * counts once; its repeats are duplicates. Without a store every event is fresh.
 */
export async function claimEvents<E>(
  received: ReadonlyArray<ReceivedEvent<E>>,
  store: WebhookDedupeStore | undefined,
  namespace: string,
  leaseMs: number,
): Promise<ClaimedEvents<E>> {
  const token = globalThis.crypto.randomUUID();
  const distinct = new Map<string, E>();
  for (const { id, event } of received) if (!distinct.has(id)) distinct.set(id, event);
  const repeats = received.length - distinct.size;
  const keys = [...distinct.keys()].map((id) => `${namespace}:${id}`);
  const events = [...distinct.values()];
  if (!store) return { fresh: events, keys: [], duplicates: repeats, inFlight: 0, token };
  const states = keys.length === 0 ? [] : await store.claim(keys, token, leaseMs);
  const claimed: ClaimedEvents<E> = { fresh: [], keys: [], duplicates: repeats, inFlight: 0, token };
  states.forEach((state, i) => {
    if (state === 'claimed') {
      claimed.fresh.push(events[i]!);
      claimed.keys.push(keys[i]!);
    } else if (state === 'done') claimed.duplicates += 1;
    else claimed.inFlight += 1;
  });
  return claimed;
}
