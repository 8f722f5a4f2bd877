import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type WebhookReceiver } from '@cf/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotWebhookReceiver, type HubSpotWebhookEvent } from '../src/index.js';
import { hubspotWebhookEvent, signedHubSpotDelivery } from '../src/mocks/index.js';

/**
 * Real signed HubSpot deliveries over loopback HTTP, to a receiver mounted on Node's http server
 * (`toNodeListener`) and on Hono (`@hono/node-server`, which hands Hono a web Request).
 */
const SECRET = 'hubspot-app-secret-over-http-71c2';

interface Mounted {
  name: string;
  url: string;
  receiver: WebhookReceiver<HubSpotWebhookEvent>;
  handled: HubSpotWebhookEvent[][];
  logs: string[];
  close: () => Promise<void>;
}

function makeReceiver() {
  const handled: HubSpotWebhookEvent[][] = [];
  const logs: string[] = [];
  const log = (obj: Record<string, unknown>, msg?: string) => void logs.push(JSON.stringify({ obj, msg }));
  const receiver = hubspotWebhookReceiver({
    clientSecret: SECRET,
    maxBodyBytes: 64 * 1024,
    logger: { debug: log, info: log, warn: log, error: log },
    handler: (events) => {
      if (events.some((e) => e.propertyValue === 'explode')) throw new Error(`cannot store it with ${SECRET}`);
      handled.push(events);
    },
  });
  return { receiver, handled, logs };
}

async function nodeHttp(): Promise<Mounted> {
  const { receiver, handled, logs } = makeReceiver();
  const server: Server = createServer(toNodeListener(receiver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return { name: "Node's http server", url, receiver, handled, logs, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function hono(): Promise<Mounted> {
  const { receiver, handled, logs } = makeReceiver();
  const app = new Hono();
  app.all('/webhooks/hubspot', (c) => receiver.fetch(c.req.raw));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return { name: 'Hono (@hono/node-server)', url, receiver, handled, logs, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function post(request: Promise<Request>): Promise<{ status: number; text: string }> {
  const response = await fetch(await request);
  return { status: response.status, text: await response.text() };
}

for (const mount of [nodeHttp, hono]) {
  describe(`HubSpot webhooks over loopback HTTP: ${mount.name === 'nodeHttp' ? "Node's http server" : 'Hono'}`, () => {
    let m: Mounted;
    const bodies: string[] = [];
    beforeAll(async () => {
      m = await mount();
    });
    afterAll(async () => {
      await m.close();
    });

    it('a signed batch is verified and handled; the same delivery retried is 200 without a second handler call', async () => {
      const events = [hubspotWebhookEvent({ subscriptionType: 'contact.propertyChange', propertyName: 'lifecyclestage', propertyValue: 'customer' }), hubspotWebhookEvent()];
      const first = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, events }));
      const retried = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, events: events.map((e) => ({ ...e, attemptNumber: 1 })) }));
      bodies.push(first.text, retried.text);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.text)).toMatchObject({ outcome: 'handled', handled: 2 });
      expect(retried.status).toBe(200);
      expect(JSON.parse(retried.text)).toMatchObject({ outcome: 'duplicate', duplicates: 2 });
      expect(m.handled.map((batch) => batch.map((e) => e.eventId))).toEqual([events.map((e) => e.eventId)]);
    });

    it('tampered, wrongly signed, unsigned and stale deliveries are 401; nothing reaches the handler', async () => {
      const before = m.handled.length;
      for (const request of [
        signedHubSpotDelivery({ secret: SECRET, url: m.url, tamper: 'body' }),
        signedHubSpotDelivery({ secret: SECRET, url: m.url, tamper: 'signature' }),
        signedHubSpotDelivery({ secret: 'not-the-app-secret', url: m.url }),
        signedHubSpotDelivery({ secret: SECRET, url: m.url, signature: 'none' }),
        signedHubSpotDelivery({ secret: SECRET, url: m.url, timestamp: Date.now() - 6 * 60_000 }),
      ]) {
        const answer = await post(request);
        bodies.push(answer.text);
        expect(answer.status).toBe(401);
      }
      expect(m.handled.length).toBe(before);
    });

    it('an oversized body is 413, malformed JSON is 400, a GET is 405', async () => {
      const big = Array.from({ length: 400 }, () => hubspotWebhookEvent({ propertyValue: 'x'.repeat(200) }));
      const oversized = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, events: big }));
      const malformed = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, body: '[{"eventId":' }));
      const get = await fetch(m.url);
      bodies.push(oversized.text, malformed.text, await get.text());
      expect([oversized.status, malformed.status, get.status]).toEqual([413, 400, 405]);
    });

    it('a handler that fails answers 500 so HubSpot retries; the retry is handled', async () => {
      const event = hubspotWebhookEvent({ subscriptionType: 'deal.propertyChange', propertyName: 'dealstage', propertyValue: 'explode' });
      const failed = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, events: [event] }));
      bodies.push(failed.text);
      expect(failed.status).toBe(500);
      const retried = await post(signedHubSpotDelivery({ secret: SECRET, url: m.url, events: [{ ...event, propertyValue: 'closedwon', attemptNumber: 1 }] }));
      expect(retried.status).toBe(200);
      expect(m.handled.at(-1)?.[0]).toMatchObject({ eventId: event.eventId, propertyValue: 'closedwon' });
    });

    it('the client secret is in no response body or log line, even when a handler error quotes it', () => {
      const everything = [...bodies, ...m.logs].join('\n');
      expect(m.logs.length).toBeGreaterThan(5);
      expect(everything).not.toContain(SECRET);
      expect(everything).toContain('[REDACTED]');
    });
  });
}
