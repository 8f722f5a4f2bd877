import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { testDelivery, testSource, type TestEvent } from '../../test/fixtures/signed-test-source.js';
import { toNodeListener } from './node-listener.js';
import type { WebhookContext } from './receiver-options.js';
import { WebhookReceiver } from './webhook-receiver.js';

const SECRET = 'whsec-node-adapter-3c9d';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function receiver(maxBodyBytes = 1_048_576) {
  const calls: Array<{ events: TestEvent[]; context: WebhookContext }> = [];
  const r = new WebhookReceiver<TestEvent>({ source: testSource(SECRET), maxBodyBytes, handler: (events, context) => void calls.push({ events, context }) });
  return { receiver: r, calls };
}

/** Re-targets a signed request at the loopback server (same body and headers). */
async function sendTo(url: string, request: Request | Promise<Request>): Promise<{ status: number; body: Record<string, unknown> }> {
  const signed = await request;
  const response = await fetch(url, { method: signed.method, headers: signed.headers, body: await signed.text() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Sends a POST with node:http, writing `chunk` until the response arrives (or `limit` bytes), and never ends the
 * body: a server that waits for the whole body never answers.
 */
function flood(url: string, headers: Record<string, string>, chunk: Uint8Array, limit: number): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers }, (res: IncomingMessage) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, written }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = (): void => {
      while (!answered && written < limit) {
        written += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

describe('toNodeListener: a receiver on Node http over loopback', () => {
  it('a signed delivery is handled; a tampered one is 401; a replay is 200 without a second handler call', async () => {
    const { receiver: r, calls } = receiver();
    const url = `${await listen(createServer(toNodeListener(r)))}/webhooks/test?tenant=a`;
    const events = [{ id: 'e1', kind: 'thing.changed' }];
    expect(await sendTo(url, testDelivery({ secret: SECRET, events }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    const body = JSON.stringify({ events });
    expect(await sendTo(url, testDelivery({ secret: SECRET, body: body.replace('changed', 'deleted'), signedBody: body }))).toMatchObject({ status: 401 });
    expect(await sendTo(url, testDelivery({ secret: SECRET, events }))).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.context.url).toBe(url);
    expect(calls[0]!.context.headers.get('x-test-timestamp')).toMatch(/^\d+$/);
  });

  it('a Content-Length over the cap is answered 413 before the body is sent', async () => {
    const { receiver: r, calls } = receiver(64 * 1024);
    const base = await listen(createServer(toNodeListener(r)));
    const signed = await testDelivery({ secret: SECRET, events: [] });
    const answer = await flood(`${base}/hooks`, { ...Object.fromEntries(signed.headers), 'content-length': String(50 * 1024 * 1024) }, new Uint8Array(16 * 1024), 16 * 1024);
    expect(answer).toEqual({ status: 413, written: 16 * 1024 });
    expect(calls).toEqual([]);
  });

  it('a chunked body that streams past the cap is answered 413 while it is still arriving', async () => {
    const { receiver: r, calls } = receiver(64 * 1024);
    const base = await listen(createServer(toNodeListener(r)));
    const signed = await testDelivery({ secret: SECRET, events: [] });
    const answer = await flood(`${base}/hooks`, { ...Object.fromEntries(signed.headers), 'transfer-encoding': 'chunked' }, new Uint8Array(8 * 1024), 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.written).toBeLessThan(8 * 1024 * 1024);
    expect(calls).toEqual([]);
  });

  it('the body streams into the receiver as it reads it: a receiver that reads nothing makes the server read little', async () => {
    let socketBytes = 0;
    const lazy = toNodeListener({
      fetch: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return new Response('{}', { status: 200 });
      },
    });
    const base = await listen(
      createServer((req, res) => {
        setTimeout(() => (socketBytes = req.socket.bytesRead), 250);
        lazy(req, res);
      }),
    );
    const answer = await flood(`${base}/hooks`, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) }, new Uint8Array(64 * 1024), 64 * 1024 * 1024);
    expect(answer.status).toBe(200);
    // Node's own buffers hold a little; nothing drains the socket into memory ahead of the receiver.
    expect(socketBytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('trustProxy takes the scheme and host of the URL from X-Forwarded-Proto / X-Forwarded-Host', async () => {
    const { receiver: r, calls } = receiver();
    const base = await listen(createServer(toNodeListener(r, { trustProxy: true })));
    await sendTo(`${base}/webhooks/test`, testDelivery({ secret: SECRET, events: [{ id: 'e1' }], headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hooks.example.com' } }));
    expect(calls[0]!.context.url).toBe('https://hooks.example.com/webhooks/test');
  });
});

describe('toNodeListener: Express', () => {
  it('mounted as a route: signed deliveries are handled, tampered ones refused, replays ignored', async () => {
    const { receiver: r, calls } = receiver();
    const app = express();
    app.post('/webhooks/test', toNodeListener(r));
    const url = `${await listen(createServer(app))}/webhooks/test`;
    expect(await sendTo(url, testDelivery({ secret: SECRET, events: [{ id: 'x1' }, { id: 'x2' }] }))).toMatchObject({ status: 200, body: { handled: 2 } });
    expect(await sendTo(url, testDelivery({ secret: 'guess', events: [{ id: 'x3' }] }))).toMatchObject({ status: 401 });
    expect(await sendTo(url, testDelivery({ secret: SECRET, events: [{ id: 'x2' }, { id: 'x3' }] }))).toMatchObject({ status: 200, body: { handled: 1, duplicates: 1 } });
    expect(calls.map((c) => c.events.map((e) => e.id))).toEqual([['x1', 'x2'], ['x3']]);
  });

  it('after express.raw() the kept bytes are verified; after express.json() it refuses clearly instead of guessing', async () => {
    const { receiver: r, calls } = receiver();
    const failures: string[] = [];
    const app = express();
    app.post('/raw', express.raw({ type: '*/*' }), toNodeListener(r));
    app.post('/parsed', express.json(), toNodeListener(r, { onError: (e) => failures.push((e as Error).message) }));
    const base = await listen(createServer(app));
    expect(await sendTo(`${base}/raw`, testDelivery({ secret: SECRET, events: [{ id: 'r1' }] }))).toMatchObject({ status: 200, body: { handled: 1 } });
    expect(await sendTo(`${base}/parsed`, testDelivery({ secret: SECRET, events: [{ id: 'p1' }] }))).toMatchObject({ status: 500 });
    expect(failures).toEqual([expect.stringMatching(/before express\.json\(\)/)]);
    expect(calls).toHaveLength(1);
  });
});
