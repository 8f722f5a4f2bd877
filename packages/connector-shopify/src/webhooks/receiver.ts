import { ValidationError, WebhookReceiver, type WebhookContext, type WebhookReceiverOptions } from '@cf/core';
import { shopifyWebhookSource, type ShopifyWebhookSourceOptions } from './source.js';
import type { ShopifyTopic, ShopifyWebhook, ShopifyWebhookOf } from './topics.js';

/** One handler per topic, each typed by its topic's payload. */
export type ShopifyTopicHandlers = { [T in ShopifyTopic]?: (webhook: ShopifyWebhookOf<T>, context: WebhookContext) => void | Promise<void> };

/**
 * Options of `shopifyWebhookReceiver`: the source's (client secret, dedupe key) and the receiver's, with handlers per
 * topic or one for all.
 */
export interface ShopifyWebhookReceiverOptions extends ShopifyWebhookSourceOptions, Omit<WebhookReceiverOptions<ShopifyWebhook>, 'source' | 'handler'> {
  /** Handlers by topic: `{ 'products/update': (w) => w.payload.title, 'shop/redact': ... }`. */
  topics?: ShopifyTopicHandlers;
  /** Every delivery no `topics` handler takes (other topics included). Without it those are acknowledged (200). */
  handler?: (webhook: ShopifyWebhook, context: WebhookContext) => void | Promise<void>;
}

/** Shopify payloads (an order with many lines) are larger than HubSpot's batches. */
export const SHOPIFY_MAX_BODY_BYTES = 5 * 1_048_576;

/**
 * A receiver for Shopify's webhooks: `receiver.fetch(request)` (Hono, Remix, Bun, workers) or
 * `toNodeListener(receiver)` (Node's http, Express). Verifies `X-Shopify-Hmac-Sha256` on the raw body (401
 * otherwise, as Shopify requires of the privacy topics), types the payload of the connector's resources' topics
 * and the mandatory privacy topics, and hands each delivery once to its topic's handler (deduplicated by
 * `X-Shopify-Webhook-Id`).
 */
export function shopifyWebhookReceiver(options: ShopifyWebhookReceiverOptions): WebhookReceiver<ShopifyWebhook> {
  const { clientSecret, dedupeBy, topics, handler, ...receiver } = options;
  if (topics === undefined && handler === undefined) {
    throw new ValidationError({ message: 'Invalid Shopify webhook receiver options: give `topics` (handlers by topic), `handler`, or both.', source: 'shopify', issues: [{ path: 'topics', message: 'give topics or handler' }] });
  }
  const byTopic = (topics ?? {}) as Partial<Record<string, (webhook: ShopifyWebhook, context: WebhookContext) => void | Promise<void>>>;
  return new WebhookReceiver<ShopifyWebhook>({
    maxBodyBytes: SHOPIFY_MAX_BODY_BYTES,
    ...receiver,
    source: shopifyWebhookSource({ clientSecret, ...(dedupeBy === undefined ? {} : { dedupeBy }) }),
    handler: async (webhooks, context) => {
      for (const webhook of webhooks) await (byTopic[webhook.topic] ?? handler)?.(webhook, context);
    },
  });
}
