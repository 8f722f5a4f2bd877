/**
 * What happened to a delivery:
 * - `handled` (200): the handler ran for its new events and succeeded;
 * - `accepted` (200): async mode, claimed and handed to the background;
 * - `duplicate` (200): every event was handled before: the handler was not called;
 * - `in-flight` (409): some events are being handled by another delivery right now: the API retries later;
 * - `rejected` (405, 413, 401, 400): refused, nothing handled (the error's `code` says why);
 * - `failed` (500): the handler threw (claims released, the API retries), or a receiver bug;
 * - `unavailable` (503): the dedupe store did not answer: nothing handled, the API retries.
 */
export type WebhookOutcome = 'handled' | 'accepted' | 'duplicate' | 'in-flight' | 'rejected' | 'failed' | 'unavailable';

/** The `delivery` event: one per request, once answered. */
export interface WebhookDeliveryEvent {
  /** The source's name (`hubspot`, `shopify`…). */
  source: string;
  /** How the delivery ended (handled, accepted, duplicate, in-flight, rejected, failed, unavailable). */
  outcome: WebhookOutcome;
  /** The HTTP status answered. */
  status: number;
  /** Events in the delivery (0 when it was refused before parsing). */
  events: number;
  /** Events handed to the handler. */
  handled: number;
  /** Events already handled before (not handed again). */
  duplicates: number;
  /** Events another delivery is handling right now (answered 409 so the API retries later). */
  inFlight: number;
  /** Milliseconds from receipt to the answer. */
  durationMs: number;
  /** A refusal's error code (`WEBHOOK_SIGNATURE_INVALID`, …). */
  code?: string;
}

/** The receiver's events (`receiver.events.on(...)` returns a disposer). Payloads never carry a secret. */
export interface WebhookReceiverEvents {
  /** Every request, once answered. */
  delivery: WebhookDeliveryEvent;
  /** A handler failed (in async mode, after the answer). `message` is scrubbed of the signing secrets. */
  handlerError: { source: string; mode: 'sync' | 'async'; events: number; message: string };
}
