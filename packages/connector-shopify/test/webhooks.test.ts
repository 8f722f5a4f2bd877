import type { WebhookContext, WebhookReceiver } from '@cf/core';
import { describe, expect, it, vi } from 'vitest';
import { isShopifyTopic, shopifyDeletion, shopifyWebhookReceiver, type ShopifyWebhook, type ShopifyWebhookReceiverOptions } from '../src/index.js';
import { shopifyWebhookPayload, signedShopifyDelivery } from '../src/mocks/index.js';

const SECRET = 'shpss_test_client_secret_4b81';
const URL_ = 'https://hooks.example.com/webhooks/shopify';

function receiver(options: Partial<ShopifyWebhookReceiverOptions> = {}) {
  const seen: ShopifyWebhook[] = [];
  const r = shopifyWebhookReceiver({ clientSecret: SECRET, handler: (w) => void seen.push(w), ...options });
  return { receiver: r, seen };
}

async function send(r: WebhookReceiver<ShopifyWebhook>, request: Promise<Request>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await r.fetch(await request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Shopify webhooks: X-Shopify-Hmac-Sha256', () => {
  it('a delivery signed over its raw body is verified, and its headers and payload reach the handler', async () => {
    const { receiver: r, seen } = receiver();
    const payload = shopifyWebhookPayload('products/update', { title: 'Aera Pro' });
    const answer = await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'products/update', payload, webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', eventId: 'e-1', shop: 'acme.myshopify.com', apiVersion: '2025-07', triggeredAt: '2025-07-01T10:00:00.000Z' }));
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'handled', handled: 1 } });
    expect(seen).toEqual([
      { topic: 'products/update', payload, shop: 'acme.myshopify.com', webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', eventId: 'e-1', apiVersion: '2025-07', triggeredAt: '2025-07-01T10:00:00.000Z', subTopic: undefined, name: undefined },
    ]);
    const webhook = seen[0]!;
    expect(isShopifyTopic(webhook, 'products/update') && webhook.payload.title).toBe('Aera Pro');
  });

  it('a tampered body, another secret or no HMAC is 401 (what Shopify requires of the privacy topics); nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    for (const tamper of ['body', 'signature', 'unsigned'] as const) {
      expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'customers/redact', tamper }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    }
    expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/create', headers: { 'x-shopify-hmac-sha256': '%%%' } }))).toMatchObject({ status: 401 });
    expect(seen).toEqual([]);
  });

  it('several client secrets (a rotation): a delivery signed with either passes', async () => {
    const { receiver: r } = receiver({ clientSecret: ['shpss_new', SECRET] });
    expect((await send(r, signedShopifyDelivery({ secret: 'shpss_new', url: URL_, topic: 'orders/paid' }))).status).toBe(200);
    expect((await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/paid' }))).status).toBe(200);
  });
});

describe('Shopify webhooks: topics and payloads', () => {
  it('each topic goes to its handler, typed; other topics to `handler`; none given: acknowledged', async () => {
    const titles: string[] = [];
    const redacted: number[] = [];
    const other: string[] = [];
    const r = shopifyWebhookReceiver({
      clientSecret: SECRET,
      topics: {
        'products/create': (w) => void titles.push(w.payload.title ?? ''),
        'customers/redact': (w) => void redacted.push(w.payload.customer.id, ...(w.payload.orders_to_redact ?? [])),
      },
      handler: (w) => void other.push(w.topic),
    });
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'products/create', payload: shopifyWebhookPayload('products/create', { title: 'Aera' }) }));
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'customers/redact' }));
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'app/uninstalled', payload: { id: 1, domain: 'cf-dev-shop.myshopify.com' } }));
    expect([titles, redacted, other]).toEqual([['Aera'], [191167, 299938, 280263], ['app/uninstalled']]);
    const only = shopifyWebhookReceiver({ clientSecret: SECRET, topics: { 'shop/redact': () => undefined } });
    expect(await send(only, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'themes/publish' }))).toMatchObject({ status: 200 });
  });

  it('types the connector resources and the mandatory privacy topics; a payload that does not match is 400 naming the field', async () => {
    const { receiver: r, seen } = receiver();
    for (const topic of ['orders/create', 'customers/update', 'collections/update', 'inventory_items/update', 'customers/data_request', 'customers/redact', 'shop/redact', 'orders/delete'] as const) {
      expect((await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic }))).status).toBe(200);
    }
    expect(seen).toHaveLength(8);
    const errors: unknown[] = [];
    r.events.on('delivery', (e) => errors.push(e.code));
    expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'shop/redact', payload: { shop_domain: 'x.myshopify.com' } }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'products/update', payload: { id: 'not-a-number' } }))).toMatchObject({ status: 400 });
    expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'app/uninstalled', payload: [1, 2] }))).toMatchObject({ status: 400 });
    expect(await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/create', body: '{"id": 1,' }))).toMatchObject({ status: 400 });
    expect(errors).toEqual(['WEBHOOK_PAYLOAD_INVALID', 'WEBHOOK_PAYLOAD_INVALID', 'WEBHOOK_PAYLOAD_INVALID', 'WEBHOOK_PAYLOAD_INVALID']);
    expect(seen).toHaveLength(8);
  });

  it('a delivery without X-Shopify-Webhook-Id, topic or shop domain is 400 (authentic, but cannot be deduplicated or routed)', async () => {
    const { receiver: r, seen } = receiver();
    for (const name of ['x-shopify-webhook-id', 'x-shopify-topic', 'x-shopify-shop-domain']) {
      const request = await signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/create' });
      const headers = new Headers(request.headers);
      headers.delete(name);
      expect(await send(r, Promise.resolve(new Request(URL_, { method: 'POST', headers, body: await request.text() })))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    }
    expect(seen).toEqual([]);
  });
});

describe('Shopify webhooks: dedupe', () => {
  it('a retried delivery (same X-Shopify-Webhook-Id) is 200 without a second handler call', async () => {
    const { receiver: r, seen } = receiver();
    const payload = shopifyWebhookPayload('orders/paid');
    const once = () => signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/paid', payload, webhookId: 'webhook-1' });
    expect(await send(r, once())).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(await send(r, once())).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(seen).toHaveLength(1);
  });

  it('by default two subscriptions delivering one event are two deliveries; dedupeBy: event-id handles the event once', async () => {
    const deliver = (r: WebhookReceiver<ShopifyWebhook>, webhookId: string) => send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'orders/create', webhookId, eventId: 'event-7' }));
    const byWebhook = receiver();
    await deliver(byWebhook.receiver, 'w-a');
    await deliver(byWebhook.receiver, 'w-b');
    expect(byWebhook.seen).toHaveLength(2);
    const byEvent = receiver({ dedupeBy: 'event-id' });
    await deliver(byEvent.receiver, 'w-a');
    expect(await deliver(byEvent.receiver, 'w-b')).toMatchObject({ body: { outcome: 'duplicate' } });
    expect(byEvent.seen).toHaveLength(1);
  });

  it('a handler that throws answers 500; Shopify retry of the same delivery is handled', async () => {
    let attempts = 0;
    const onError = vi.fn();
    const r = shopifyWebhookReceiver({
      clientSecret: SECRET,
      onError,
      topics: {
        'inventory_items/update': () => {
          attempts += 1;
          if (attempts === 1) throw new Error('warehouse API down');
        },
      },
    });
    const delivery = () => signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'inventory_items/update', webhookId: 'w-retry' });
    expect((await send(r, delivery())).status).toBe(500);
    expect((await send(r, delivery())).status).toBe(200);
    expect((await send(r, delivery())).body).toMatchObject({ outcome: 'duplicate' });
    expect(attempts).toBe(2);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('needs topics or handler, and a non-empty secret (VALIDATION_ERROR)', () => {
    expect(() => shopifyWebhookReceiver({ clientSecret: SECRET })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => shopifyWebhookReceiver({ clientSecret: '', handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});

describe('Shopify webhooks: deletions', () => {
  it('shopifyDeletion turns a delete delivery into the GID of the stream record it removes; other topics give undefined', async () => {
    const found: unknown[] = [];
    const r = shopifyWebhookReceiver({ clientSecret: SECRET, handler: (w: ShopifyWebhook, _c: WebhookContext) => void found.push(shopifyDeletion(w)) });
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'products/delete', payload: { id: 788032119 }, triggeredAt: '2025-07-01T10:00:00Z' }));
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'customers/delete', payload: { id: 207119551, admin_graphql_api_id: 'gid://shopify/Customer/207119551', phone: null } }));
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'inventory_items/delete', payload: { id: 39072856 } }));
    await send(r, signedShopifyDelivery({ secret: SECRET, url: URL_, topic: 'products/update' }));
    expect(found).toEqual([
      { stream: 'products', id: 'gid://shopify/Product/788032119', deletedAt: '2025-07-01T10:00:00Z', shop: 'cf-dev-shop.myshopify.com' },
      { stream: 'customers', id: 'gid://shopify/Customer/207119551', deletedAt: expect.any(String), shop: 'cf-dev-shop.myshopify.com' },
      { stream: 'inventory_items', id: 'gid://shopify/InventoryItem/39072856', deletedAt: expect.any(String), shop: 'cf-dev-shop.myshopify.com' },
      undefined,
    ]);
  });
});
