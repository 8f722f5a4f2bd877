import type { WebhookDelivery } from './webhook-delivery.js';

/** One event of a delivery and the id it is deduplicated by (HubSpot: each event of a batch; Shopify: the delivery). */
export interface ReceivedEvent<E> {
  /** Stable across the API's retries of the same event; unique per event. */
  id: string;
  /** The event, parsed and checked. */
  event: E;
}

/**
 * What an API's webhooks need from the receiver: how to authenticate a delivery and how to read its events. The
 * receiver does everything else (method, body cap, dedupe, the handler, the answer), the same way for every API.
 */
export interface WebhookSource<E> {
  /** The API's name: the errors' `source`, log lines, and the dedupe keys' namespace. */
  readonly name: string;
  /**
   * Throws `WebhookSignatureError` or `WebhookTimestampError` unless the delivery is authentic and fresh. It gets
   * the raw body bytes; nothing is parsed before it passes. `now` is the receiver's clock.
   */
  verify(delivery: WebhookDelivery, now: number): Promise<void>;
  /** The delivery's events with their ids; throws `WebhookPayloadError` when the body is not what the API sends. */
  parse(delivery: WebhookDelivery): ReadonlyArray<ReceivedEvent<E>> | Promise<ReadonlyArray<ReceivedEvent<E>>>;
  /** Secret values to scrub from anything the receiver logs or emits (the signing secrets). */
  readonly secrets: readonly string[];
  /**
   * How long the API keeps retrying one delivery, so its id is remembered at least that long. The receiver's
   * `dedupeTtlMs` defaults to it.
   */
  readonly retryWindowMs?: number;
}
