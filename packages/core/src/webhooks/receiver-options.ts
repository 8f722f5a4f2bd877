import type { Logger } from '../hooks/logger.js';
import * as z from '../schema/zod.js';
import type { Clock } from '../time/clock.js';
import { validateInput } from '../validation/parse.js';
import type { WebhookDedupeStore } from './dedupe-store.js';
import type { WebhookSource } from './webhook-source.js';

/** What the handler gets besides the events. */
export interface WebhookContext {
  /** The API (`hubspot`, `shopify`). */
  source: string;
  /** When the delivery arrived, epoch ms. */
  receivedAt: number;
  /** The request URL as the server saw it. */
  url: string;
  /** The delivery's headers (the body was read already; the events are the parsed body). */
  headers: Headers;
  /** Events of this delivery handled before (left out of `events`). */
  duplicates: number;
  /** Events of this delivery another delivery is handling right now (left out; this one is answered 409). */
  inFlight: number;
}

/** The user's handler: the delivery's new events (never none) and their context. */
export type WebhookHandler<E> = (events: E[], context: WebhookContext) => void | Promise<void>;

/** Where an error reported to `onError` happened. */
export interface WebhookErrorInfo<E> {
  /** `handler`: the handler threw; `dedupe`: the dedupe store failed; `receiver`: a bug in a source or the receiver. */
  phase: 'handler' | 'dedupe' | 'receiver';
  /**
   * The receiver's mode when it happened: `sync` (the API was answered 500 and retries) or `async` (already answered
   * 200).
   */
  mode: 'sync' | 'async';
  /** The events handed to the handler (empty unless `phase` is `handler`). */
  events: E[];
  /** The delivery's context (source, time, URL, headers), when the failure belongs to one. */
  context: WebhookContext | undefined;
}

/** Options of `WebhookReceiver`; defaults in `DEFAULT_WEBHOOK_RECEIVER`. */
export interface WebhookReceiverOptions<E> {
  /** The API's signature and payload rules (e.g. from `@cf/connector-hubspot`'s `hubspotWebhookSource`). */
  source: WebhookSource<E>;
  /** Called with the delivery's new events (never with none). Throwing answers 500: the API sends it again. */
  handler: WebhookHandler<E>;
  /**
   * - `sync`: the handler runs before the answer: 200 once it succeeded, 500 when it threw (the API retries). Keep it
   *   fast: HubSpot and Shopify give up after about 5 s and retry (the retry meets the claim: 409, retried later).
   * - `async`: answered 200 as soon as the events are verified and claimed; the handler runs in the background
   *   (`waitUntil`, `drain()`); its failure goes to `onError` and releases the claims, but the API will not retry.
   * @default 'sync'
   */
  mode?: 'sync' | 'async';
  /** Where ids are remembered; `false` hands every delivery to the handler. @default new MemoryWebhookDedupeStore() */
  dedupe?: WebhookDedupeStore | false;
  /** How long a handled id is remembered. @default the source's retry window, else 72 h */
  dedupeTtlMs?: number;
  /**
   * How long a claim holds an id while its handler runs. A process that dies mid-handler blocks the id this long;
   * a handler that runs longer may see the API's retry handled by another process too. @default 60000
   */
  leaseMs?: number;
  /** Bodies over this are refused with 413, before reading them when Content-Length says so. @default 1048576 */
  maxBodyBytes?: number;
  /** Handler failures (both modes), dedupe store failures and receiver bugs. Its own failure is logged, never thrown. */
  onError?: (error: unknown, info: WebhookErrorInfo<E>) => void | Promise<void>;
  /** pino-compatible; receives no secret (signing secrets are scrubbed from every line). @default silent */
  logger?: Logger;
  /** @default systemClock */
  clock?: Clock;
}

/** The receiver's defaults, in one place. */
export const DEFAULT_WEBHOOK_RECEIVER = {
  mode: 'sync',
  /** 72 h: longer than HubSpot's (24 h) and Shopify's (48 h at most) retries. */
  dedupeTtlMs: 72 * 3_600_000,
  leaseMs: 60_000,
  maxBodyBytes: 1_048_576,
} as const;

const positiveInt = () => z.optional(z.int().check(z.positive()));

const numericOptionsSchema = z.lazySchema(() =>
  z.looseObject({
    mode: z.optional(z.enum(['sync', 'async'])),
    dedupeTtlMs: positiveInt(),
    leaseMs: positiveInt(),
    maxBodyBytes: positiveInt(),
    handler: z.custom<unknown>((value) => typeof value === 'function', 'must be a function'),
    source: z.custom<unknown>((value) => typeof value === 'object' && value !== null && typeof (value as { verify?: unknown }).verify === 'function', 'must be a webhook source'),
  }),
);

/** Validates the options once, at construction (VALIDATION_ERROR naming the field). */
export function validateReceiverOptions<E>(options: WebhookReceiverOptions<E>): void {
  validateInput(numericOptionsSchema, options, 'Invalid webhook receiver options');
}
