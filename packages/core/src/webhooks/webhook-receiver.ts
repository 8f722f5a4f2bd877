import { isWebhookError } from '../errors/guards.js';
import { EventBus } from '../hooks/events.js';
import { silentLogger, type Logger } from '../hooks/logger.js';
import { createRedactor, type Redactor } from '../http/redact.js';
import { systemClock, type Clock } from '../time/clock.js';
import { WebhookMethodError } from '../errors/webhook-errors.js';
import { claimEvents, type ClaimedEvents } from './claim-events.js';
import type { WebhookDedupeStore } from './dedupe-store.js';
import { MemoryWebhookDedupeStore } from './memory-dedupe-store.js';
import { readRawBody } from './raw-body.js';
import type { WebhookDeliveryEvent, WebhookReceiverEvents } from './receiver-events.js';
import { DEFAULT_WEBHOOK_RECEIVER, validateReceiverOptions, type WebhookContext, type WebhookErrorInfo, type WebhookReceiverOptions } from './receiver-options.js';
import { createDelivery, type WebhookDelivery } from './webhook-delivery.js';
import { webhookResponse, type WebhookAnswer } from './webhook-response.js';
import type { WebhookSource } from './webhook-source.js';

/** Per-request options of `receiver.fetch`. */
export interface WebhookFetchOptions {
  /** Keeps the runtime alive for async-mode work after the answer (Cloudflare Workers' `ctx.waitUntil`). */
  waitUntil?: (work: Promise<unknown>) => void;
}

/**
 * Receives an API's webhooks on any server: `fetch(request)` takes a web `Request` and answers a `Response`, so
 * it mounts as is on Hono, Deno, Bun and workers, and on Node's http or Express through `toNodeListener`.
 *
 * Per delivery, in order: POST only (405); the raw body read once under `maxBodyBytes` (413); the source verifies
 * signature and timestamp on those bytes (401) before anything is parsed; the source parses the events (400); each
 * event's id is claimed in the dedupe store; the handler gets the new events. See `WebhookReceiverOptions.mode`
 * and the specification's §17 for the at-least-once contract.
 */
export class WebhookReceiver<E> {
  /** `delivery` per request, `handlerError` per failed handler; payloads never carry a secret. */
  readonly events = new EventBus<WebhookReceiverEvents>();
  /** Where the receiver logs failures it cannot report otherwise (redacted). @default silentLogger */
  readonly logger: Logger;
  /** The receiver as a web handler: `app.post('/webhooks', (c) => receiver.fetch(c.req.raw))`. */
  readonly fetch: (request: Request, options?: WebhookFetchOptions) => Promise<Response>;

  private readonly source: WebhookSource<E>;
  private readonly options: WebhookReceiverOptions<E>;
  private readonly store: WebhookDedupeStore | undefined;
  private readonly clock: Clock;
  private readonly redactor: Redactor;
  private readonly mode: 'sync' | 'async';
  private readonly leaseMs: number;
  private readonly dedupeTtlMs: number;
  private readonly maxBodyBytes: number;
  private readonly background = new Set<Promise<void>>();

  constructor(options: WebhookReceiverOptions<E>) {
    validateReceiverOptions(options);
    this.options = options;
    this.source = options.source;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.store = options.dedupe === false ? undefined : (options.dedupe ?? new MemoryWebhookDedupeStore({ clock: this.clock }));
    this.mode = options.mode ?? DEFAULT_WEBHOOK_RECEIVER.mode;
    this.leaseMs = options.leaseMs ?? DEFAULT_WEBHOOK_RECEIVER.leaseMs;
    this.dedupeTtlMs = options.dedupeTtlMs ?? this.source.retryWindowMs ?? DEFAULT_WEBHOOK_RECEIVER.dedupeTtlMs;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_WEBHOOK_RECEIVER.maxBodyBytes;
    this.redactor = createRedactor({ secrets: () => this.source.secrets });
    this.fetch = (request, fetchOptions) => this.receive(request, fetchOptions);
  }

  /** Resolves when every async-mode handler started so far has settled (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async receive(request: Request, fetchOptions: WebhookFetchOptions | undefined): Promise<Response> {
    const receivedAt = this.clock.now();
    const name = this.source.name;
    let events = 0;
    try {
      if (request.method !== 'POST') {
        await request.body?.cancel().catch(() => undefined);
        throw new WebhookMethodError({ message: `Webhook deliveries are POST requests, not ${request.method}.`, source: name, details: { method: request.method } });
      }
      const delivery = createDelivery(request, await readRawBody(request, this.maxBodyBytes, name), receivedAt, name);
      await this.source.verify(delivery, this.clock.now());
      const received = await this.source.parse(delivery);
      events = received.length;
      let claimed: ClaimedEvents<E>;
      try {
        claimed = await claimEvents(received, this.store, name, this.leaseMs);
      } catch (error) {
        await this.report(error, { phase: 'dedupe', mode: this.mode, events: [], context: undefined });
        return this.answer(receivedAt, events, { status: 503, outcome: 'unavailable', headers: { 'retry-after': '10' } }, 0);
      }
      return await this.dispatch(delivery, claimed, events, fetchOptions);
    } catch (error) {
      if (isWebhookError(error)) {
        this.logger.warn({ source: name, code: error.code, status: error.status, details: this.redactor.value(error.details) }, this.redactor.text(`webhook delivery refused: ${error.message}`));
        return this.answer(receivedAt, events, { status: error.status ?? 400, outcome: 'rejected', code: error.code, ...(error.code === 'WEBHOOK_METHOD_NOT_ALLOWED' ? { headers: { allow: 'POST' } } : {}) }, 0);
      }
      await this.report(error, { phase: 'receiver', mode: this.mode, events: [], context: undefined });
      return this.answer(receivedAt, events, { status: 500, outcome: 'failed' }, 0);
    }
  }

  private async dispatch(delivery: WebhookDelivery, claimed: ClaimedEvents<E>, events: number, fetchOptions: WebhookFetchOptions | undefined): Promise<Response> {
    const { fresh, keys, duplicates, inFlight, token } = claimed;
    const context: WebhookContext = { source: this.source.name, receivedAt: delivery.receivedAt, url: delivery.url, headers: delivery.headers, duplicates, inFlight };
    const counts = { duplicates, inFlight };
    // 409 lets the API retry what another delivery holds: if that one fails, the retry handles the events; if it
    // succeeds, the retry is a duplicate. A 200 here would lose them when the other handler fails.
    const busy = { status: 409, outcome: 'in-flight', headers: { 'retry-after': String(Math.ceil(this.leaseMs / 1000)) } } as const;
    if (fresh.length === 0) {
      return this.answer(delivery.receivedAt, events, inFlight > 0 ? { ...busy, ...counts, handled: 0 } : { status: 200, outcome: 'duplicate', ...counts, handled: 0 }, 0);
    }
    if (this.mode === 'async') {
      const work = this.run(fresh, keys, token, context).then(() => undefined);
      this.background.add(work);
      void work.finally(() => this.background.delete(work));
      fetchOptions?.waitUntil?.(work);
      return this.answer(delivery.receivedAt, events, inFlight > 0 ? { ...busy, ...counts, handled: fresh.length } : { status: 200, outcome: 'accepted', ...counts, handled: fresh.length }, fresh.length);
    }
    const ok = await this.run(fresh, keys, token, context);
    if (!ok) return this.answer(delivery.receivedAt, events, { status: 500, outcome: 'failed', ...counts, handled: 0 }, fresh.length);
    return this.answer(delivery.receivedAt, events, inFlight > 0 ? { ...busy, ...counts, handled: fresh.length } : { status: 200, outcome: 'handled', ...counts, handled: fresh.length }, fresh.length);
  }

  /** Runs the handler; completes the claims on success, releases them on failure. Never throws. */
  private async run(fresh: E[], keys: string[], token: string, context: WebhookContext): Promise<boolean> {
    try {
      await this.options.handler(fresh, context);
    } catch (error) {
      const message = this.redactor.text(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      this.events.emit('handlerError', { source: this.source.name, mode: this.mode, events: fresh.length, message });
      await this.report(error, { phase: 'handler', mode: this.mode, events: fresh, context });
      if (this.store && keys.length > 0) {
        // If this fails too, the claims lapse after leaseMs and a later retry handles the events.
        await this.store.release(keys, token).catch((e: unknown) => this.logStoreFailure('release', e));
      }
      return false;
    }
    if (this.store && keys.length > 0) {
      // The work is done: a store that cannot record it may let a retry run it again (at least once), never lose it.
      await this.store.complete(keys, token, this.dedupeTtlMs).catch((e: unknown) => this.logStoreFailure('complete', e));
    }
    return true;
  }

  private async report(error: unknown, info: WebhookErrorInfo<E>): Promise<void> {
    const message = this.redactor.text(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    this.logger.error({ source: this.source.name, phase: info.phase, mode: info.mode, events: info.events.length, error: message }, `webhook ${info.phase} failed`);
    try {
      await this.options.onError?.(error, info);
    } catch (hookError) {
      this.logger.error({ source: this.source.name, error: this.redactor.text(String(hookError)) }, 'webhook onError hook threw');
    }
  }

  private logStoreFailure(step: 'complete' | 'release', error: unknown): void {
    this.logger.error({ source: this.source.name, step, error: this.redactor.text(String(error)) }, `webhook dedupe store failed to ${step} claims`);
  }

  private answer(receivedAt: number, events: number, answer: WebhookAnswer, handled: number): Response {
    const event: WebhookDeliveryEvent = {
      source: this.source.name,
      outcome: answer.outcome,
      status: answer.status,
      events,
      handled,
      duplicates: answer.duplicates ?? 0,
      inFlight: answer.inFlight ?? 0,
      durationMs: this.clock.now() - receivedAt,
      ...(answer.code ? { code: answer.code } : {}),
    };
    if (answer.outcome !== 'rejected') this.logger[answer.status >= 500 ? 'error' : 'debug']({ ...event }, `webhook delivery ${answer.outcome}`);
    this.events.emit('delivery', event);
    return webhookResponse(answer);
  }
}

/** A receiver for one API's webhooks; see `WebhookReceiver`. */
export function createWebhookReceiver<E>(options: WebhookReceiverOptions<E>): WebhookReceiver<E> {
  return new WebhookReceiver(options);
}
