import { hmacSha256, importHmacKey } from '@cf/core';
import { bytesToBase64, utf8Bytes } from '@cf/core/internal';
import { DEFAULT_API_VERSION } from '../config.js';
import type { ShopifyTopic, ShopifyTopicPayloads } from '../webhooks/topics.js';

/**
 * Signed Shopify webhook deliveries, for testing a handler offline: what Shopify would POST to your endpoint,
 * signed with your app's client secret, or deliberately broken (tampered, unsigned).
 */

let nextId = 7_608_002_183_224;

/** A realistic payload for a typed topic (REST shape, as webhooks send it); override any field. */
export function shopifyWebhookPayload<T extends ShopifyTopic>(topic: T, fields: Partial<ShopifyTopicPayloads[T]> = {}): ShopifyTopicPayloads[T] {
  nextId += 1;
  const now = new Date().toISOString();
  const [resource, action] = topic.split('/') as [string, string];
  const gid = (type: string) => `gid://shopify/${type}/${nextId}`;
  const base: Record<string, unknown> =
    topic === 'shop/redact'
      ? { shop_id: 954889, shop_domain: 'cf-dev-shop.myshopify.com' }
      : topic === 'customers/redact'
        ? { shop_id: 954889, shop_domain: 'cf-dev-shop.myshopify.com', customer: { id: 191167, email: 'john@example.com', phone: '555-625-1199' }, orders_to_redact: [299938, 280263] }
        : topic === 'customers/data_request'
          ? { shop_id: 954889, shop_domain: 'cf-dev-shop.myshopify.com', orders_requested: [299938], customer: { id: 191167, email: 'john@example.com', phone: '555-625-1199' }, data_request: { id: 9999 } }
          : action === 'delete'
            ? { id: nextId }
            : resource === 'products'
              ? { id: nextId, admin_graphql_api_id: gid('Product'), title: 'Aera', handle: 'aera-helmet', status: 'active', vendor: 'Acme', product_type: 'Helmets', tags: 'cycling, safety', created_at: now, updated_at: now, variants: [{ id: nextId + 1, product_id: nextId, title: 'M', price: '129.00', sku: 'AERA-M', inventory_item_id: nextId + 2, admin_graphql_api_id: `gid://shopify/ProductVariant/${nextId + 1}` }] }
              : resource === 'orders'
                ? { id: nextId, admin_graphql_api_id: gid('Order'), name: '#1001', order_number: 1001, email: 'ada@example.com', currency: 'USD', total_price: '129.00', subtotal_price: '129.00', total_tax: '0.00', financial_status: 'paid', fulfillment_status: null, created_at: now, updated_at: now, customer: { id: 191167, email: 'ada@example.com' }, line_items: [{ id: nextId + 1, title: 'Aera', quantity: 1, sku: 'AERA-M', price: '129.00' }] }
                : resource === 'customers'
                  ? { id: nextId, admin_graphql_api_id: gid('Customer'), email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', state: 'enabled', tags: '', created_at: now, updated_at: now }
                  : resource === 'collections'
                    ? { id: nextId, admin_graphql_api_id: gid('Collection'), handle: 'helmets', title: 'Helmets', sort_order: 'best-selling', published_scope: 'web', updated_at: now }
                    : { id: nextId, admin_graphql_api_id: gid('InventoryItem'), sku: 'AERA-M', cost: '54.10', tracked: true, requires_shipping: true, created_at: now, updated_at: now };
  return { ...base, ...fields } as ShopifyTopicPayloads[T];
}

/**
 * Options of `signedShopifyDelivery`: a webhook delivery (a `Request`) signed as Shopify signs it, or broken on
 * purpose.
 */
export interface SignedShopifyDeliveryOptions {
  /** The app's client secret to sign with. */
  secret: string;
  /** Your endpoint's URL. */
  url: string;
  /** `X-Shopify-Topic`. */
  topic: ShopifyTopic | (string & {});
  /** The payload (default: `shopifyWebhookPayload(topic)` for a typed topic, `{}` otherwise). */
  payload?: unknown;
  /** The raw body instead (e.g. malformed JSON). */
  body?: string;
  /** `X-Shopify-Shop-Domain`. @default 'cf-dev-shop.myshopify.com' */
  shop?: string;
  /** `X-Shopify-Webhook-Id`: reuse one to simulate Shopify's retry of a delivery. @default a new UUID */
  webhookId?: string;
  /** `X-Shopify-Event-Id`. @default a new UUID */
  eventId?: string;
  /** `X-Shopify-API-Version`. @default the connector's DEFAULT_API_VERSION */
  apiVersion?: string;
  /** `X-Shopify-Triggered-At`. @default now */
  triggeredAt?: string;
  /** Break it after signing: `body` changes one character, `signature` signs with another secret, `unsigned` drops the header. */
  tamper?: 'body' | 'signature' | 'unsigned';
  /** @default 'POST' */
  method?: string;
  /** Extra request headers, set last (they may replace the signature headers). */
  headers?: Record<string, string>;
}

/** A web `Request` as Shopify would send it: `await fetch(await signedShopifyDelivery({...}))`, or pass it to `receiver.fetch`. */
export async function signedShopifyDelivery(options: SignedShopifyDeliveryOptions): Promise<Request> {
  const method = options.method ?? 'POST';
  const typed = /^(products|orders|customers|collections|inventory_items|shop)\//.test(options.topic);
  const body = options.body ?? JSON.stringify(options.payload ?? (typed ? shopifyWebhookPayload(options.topic as ShopifyTopic) : {}));
  const key = await importHmacKey(options.tamper === 'signature' ? `${options.secret}-not` : options.secret);
  const hmac = bytesToBase64(await hmacSha256(key, utf8Bytes(body)));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Shopify-Captain-Hook',
    'x-shopify-topic': options.topic,
    'x-shopify-shop-domain': options.shop ?? 'cf-dev-shop.myshopify.com',
    'x-shopify-webhook-id': options.webhookId ?? globalThis.crypto.randomUUID(),
    'x-shopify-event-id': options.eventId ?? globalThis.crypto.randomUUID(),
    'x-shopify-api-version': options.apiVersion ?? DEFAULT_API_VERSION,
    'x-shopify-triggered-at': options.triggeredAt ?? new Date().toISOString(),
    ...(options.tamper === 'unsigned' ? {} : { 'x-shopify-hmac-sha256': hmac }),
    ...options.headers,
  };
  const sent = options.tamper === 'body' ? body.replace(/[0-9]/, (d) => (d === '9' ? '8' : '9')) : body;
  return new Request(options.url, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body: sent }) });
}
