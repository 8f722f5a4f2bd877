import {
  importHmacKey,
  verifyHmacSha256,
  WebhookPayloadError,
  WebhookSignatureError,
  zodToValidationError,
  type WebCryptoKey,
  type WebhookDelivery,
  type WebhookSource,
} from '@cf/core';
import { base64ToBytes, deliveryHeader, requiredDeliveryHeader, signingSecretsSchema } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import { isTypedTopic, TOPIC_SCHEMAS, type ShopifyWebhook, type ShopifyWebhookHeaders } from './topics.js';

/** Options of `shopifyWebhookSource`: the secrets deliveries are verified with, and how they are deduplicated. */
export interface ShopifyWebhookSourceOptions {
  /** The app's client secret (API secret key); several while you rotate it (Shopify may sign with the old one for up to an hour). */
  clientSecret: string | readonly string[];
  /**
   * What a delivery is deduplicated by:
   * - `webhook-id` (the default): `X-Shopify-Webhook-Id`, the same on every retry of one delivery (Shopify's
   *   idempotency key);
   * - `event-id`: `X-Shopify-Event-Id` with the topic, so the same event delivered through two subscriptions of one
   *   topic is handled once (falls back to the webhook id when a delivery has no event id).
   * @default 'webhook-id'
   */
  dedupeBy?: 'webhook-id' | 'event-id';
}

/** Shopify retries a failed delivery for up to 48 hours (8 times over 4 hours in the current docs). */
export const SHOPIFY_RETRY_WINDOW_MS = 48 * 3_600_000;

const SOURCE = 'shopify';


const header = deliveryHeader;
const required = (delivery: WebhookDelivery, name: string): string => requiredDeliveryHeader(delivery, name, SOURCE);

/**
 * Shopify's rules for the core webhook receiver: `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body with
 * the app's client secret), the topic's payload typed, one event per delivery deduplicated by its webhook id.
 * There is no timestamp check: Shopify signs only the body (an attacker replaying a delivery could rewrite the
 * unsigned `X-Shopify-Triggered-At`), and its retries keep the original time for hours. Replays are dropped by
 * the dedupe id instead, for as long as it is remembered (48 h by default).
 */
export function shopifyWebhookSource(options: ShopifyWebhookSourceOptions): WebhookSource<ShopifyWebhook> {
  const parsed = z.safeParse(signingSecretsSchema, options.clientSecret);
  if (!parsed.success) throw zodToValidationError(parsed.error, 'Invalid Shopify webhook clientSecret', SOURCE);
  const secrets: readonly string[] = typeof options.clientSecret === 'string' ? [options.clientSecret] : [...options.clientSecret];
  let keys: Promise<WebCryptoKey[]> | undefined;
  const hmacKeys = () => (keys ??= Promise.all(secrets.map((s) => importHmacKey(s))));
  return {
    name: SOURCE,
    secrets,
    retryWindowMs: SHOPIFY_RETRY_WINDOW_MS,
    async verify(delivery) {
      const signature = header(delivery, 'x-shopify-hmac-sha256');
      if (signature === undefined) throw new WebhookSignatureError({ message: 'The X-Shopify-Hmac-Sha256 header is missing.', source: SOURCE, details: { reason: 'missing' } });
      const bytes = base64ToBytes(signature);
      if (!bytes) throw new WebhookSignatureError({ message: 'The X-Shopify-Hmac-Sha256 header is not base64.', source: SOURCE, details: { reason: 'malformed' } });
      if (!(await verifyHmacSha256(await hmacKeys(), delivery.body, bytes))) {
        throw new WebhookSignatureError({ message: 'The X-Shopify-Hmac-Sha256 header does not match the raw body (signed with another secret, or the body changed).', source: SOURCE, details: { reason: 'mismatch' } });
      }
    },
    parse(delivery) {
      const topic = required(delivery, 'x-shopify-topic');
      const headers: ShopifyWebhookHeaders = {
        shop: required(delivery, 'x-shopify-shop-domain'),
        webhookId: required(delivery, 'x-shopify-webhook-id'),
        eventId: header(delivery, 'x-shopify-event-id'),
        apiVersion: header(delivery, 'x-shopify-api-version'),
        triggeredAt: header(delivery, 'x-shopify-triggered-at'),
        subTopic: header(delivery, 'x-shopify-sub-topic'),
        name: header(delivery, 'x-shopify-name'),
      };
      const body = delivery.json();
      let payload: unknown = body;
      if (isTypedTopic(topic)) {
        const result = z.safeParse(TOPIC_SCHEMAS[topic], body);
        if (!result.success) {
          const { issues, message } = zodToValidationError(result.error, `The body is not a ${topic} payload`, SOURCE);
          throw new WebhookPayloadError({ message, source: SOURCE, issues, details: { reason: 'schema', topic } });
        }
        payload = result.data;
      } else if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new WebhookPayloadError({ message: `The body of a ${topic} delivery is not a JSON object.`, source: SOURCE, details: { reason: 'schema', topic } });
      }
      const webhook = { ...headers, topic, payload } as ShopifyWebhook;
      const id = options.dedupeBy === 'event-id' && headers.eventId !== undefined ? `event:${topic}:${headers.eventId}` : `webhook:${headers.webhookId}`;
      return [{ id, event: webhook }];
    },
  };
}
