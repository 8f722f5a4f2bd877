import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type WebhookReceiver } from '@cf/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopifyDeletion, shopifyWebhookReceiver, type ShopifyDeletion, type ShopifyWebhook } from '../src/index.js';
import { shopifyWebhookPayload, signedShopifyDelivery } from '../src/mocks/index.js';

/**
 * Real signed Shopify deliveries over loopback HTTP, to a receiver mounted on Node's http server and on Express
 * (both through `toNodeListener`; on Express before any JSON body parser).
 */
const SECRET = 'shpss_http_loopback_secret_0e57';

interface Mounted {
  url: string;
  receiver: WebhookReceiver<ShopifyWebhook>;
  orders: number[];
  deletions: ShopifyDeletion[];
  privacy: string[];
  logs: string[];
  close: () => Promise<void>;
}

function makeReceiver() {
  const orders: number[] = [];
  const deletions: ShopifyDeletion[] = [];
  const privacy: string[] = [];
  const logs: string[] = [];
  const log = (obj: Record<string, unknown>, msg?: string) => void logs.push(JSON.stringify({ obj, msg }));
  const receiver = shopifyWebhookReceiver({
    clientSecret: SECRET,
    maxBodyBytes: 64 * 1024,
    logger: { debug: log, info: log, warn: log, error: log },
    topics: {
      'orders/create': (w) => {
        if (w.payload.email === 'explode@example.com') throw new Error(`refused by a service holding ${SECRET}`);
        orders.push(w.payload.id);
      },
      'customers/data_request': (w) => void privacy.push(`data_request:${w.payload.customer.id}`),
      'shop/redact': (w) => void privacy.push(`shop_redact:${w.payload.shop_domain}`),
    },
    handler: (w) => {
      const deletion = shopifyDeletion(w);
      if (deletion) deletions.push(deletion);
    },
  });
  return { receiver, orders, deletions, privacy, logs };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function nodeHttp(): Promise<Mounted> {
  const made = makeReceiver();
  const server = createServer(toNodeListener(made.receiver));
  const url = `${await listen(server)}/webhooks/shopify`;
  return { ...made, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function expressApp(): Promise<Mounted> {
  const made = makeReceiver();
  const app = express();
  app.all('/webhooks/shopify', toNodeListener(made.receiver));
  app.use(express.json()); // the rest of the app may parse JSON: the webhook route is mounted before it
  const server = createServer(app);
  const url = `${await listen(server)}/webhooks/shopify`;
  return { ...made, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function post(request: Promise<Request>): Promise<{ status: number; text: string }> {
  const response = await fetch(await request);
  return { status: response.status, text: await response.text() };
}

for (const [name, mount] of [["Node's http server", nodeHttp], ['Express', expressApp]] as const) {
  describe(`Shopify webhooks over loopback HTTP: ${name}`, () => {
    let m: Mounted;
    const bodies: string[] = [];
    beforeAll(async () => {
      m = await mount();
    });
    afterAll(async () => {
      await m.close();
    });

    it('a signed order is handled once; Shopify retrying the same webhook id is 200 without a second call', async () => {
      const payload = shopifyWebhookPayload('orders/create');
      const delivery = () => signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', payload, webhookId: `order-${payload.id}` });
      const first = await post(delivery());
      const retried = await post(delivery());
      bodies.push(first.text, retried.text);
      expect([first.status, retried.status]).toEqual([200, 200]);
      expect(JSON.parse(retried.text)).toMatchObject({ outcome: 'duplicate' });
      expect(m.orders).toEqual([payload.id]);
    });

    it('the mandatory privacy topics and deletions are typed and handled', async () => {
      for (const topic of ['customers/data_request', 'shop/redact'] as const) expect((await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic }))).status).toBe(200);
      expect((await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'products/delete', payload: { id: 632910392 } }))).status).toBe(200);
      expect(m.privacy).toEqual(['data_request:191167', 'shop_redact:cf-dev-shop.myshopify.com']);
      expect(m.deletions).toMatchObject([{ stream: 'products', id: 'gid://shopify/Product/632910392' }]);
    });

    it('tampered and unsigned deliveries are 401; oversized 413; malformed 400; a GET 405; nothing handled', async () => {
      const before = m.orders.length;
      const answers = [
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', tamper: 'body' })),
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', tamper: 'signature' })),
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', tamper: 'unsigned' })),
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', payload: shopifyWebhookPayload('orders/create', { note: 'x'.repeat(70_000) }) })),
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', body: '{"id":' })),
        await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', method: 'GET' })),
      ];
      bodies.push(...answers.map((a) => a.text));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 413, 400, 405]);
      expect(m.orders.length).toBe(before);
    });

    it('a handler that fails answers 500 so Shopify retries; the retry is handled', async () => {
      const payload = shopifyWebhookPayload('orders/create', { email: 'explode@example.com' });
      const failed = await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', payload, webhookId: 'w-flaky' }));
      bodies.push(failed.text);
      expect(failed.status).toBe(500);
      const fixed = await post(signedShopifyDelivery({ secret: SECRET, url: m.url, topic: 'orders/create', payload: { ...payload, email: 'ada@example.com' }, webhookId: 'w-flaky' }));
      expect(fixed.status).toBe(200);
      expect(m.orders.at(-1)).toBe(payload.id);
    });

    it('the client secret is in no response body or log line, even when a handler error quotes it', () => {
      const everything = [...bodies, ...m.logs].join('\n');
      expect(m.logs.length).toBeGreaterThan(5);
      expect(everything).not.toContain(SECRET);
      expect(everything).toContain('[REDACTED]');
    });
  });
}
