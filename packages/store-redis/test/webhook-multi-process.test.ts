import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hubspotWebhookEvent, signedHubSpotDelivery } from '@cf/connector-hubspot/mocks';
import { signedShopifyDelivery } from '@cf/connector-shopify/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, dropPrefix, REDIS_URL, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';
import type { WebhookWorkerConfig, WorkerMessage } from './fixtures/webhook-worker.js';

const WORKER = fileURLToPath(new URL('./fixtures/webhook-worker.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const HUBSPOT_SECRET = 'hubspot-two-process-secret';
const SHOPIFY_SECRET = 'shpss_two_process_secret';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/hubspot';
const LEASE_MS = 1500;

interface Replica {
  child: ChildProcess;
  port: number;
}

/** What every replica reported: handler starts and completions, per event id. */
const started: Array<{ worker: number; id: string }> = [];
const handled: Array<{ worker: number; id: string }> = [];

async function startReplica(worker: number, prefix: string): Promise<Replica> {
  const child = fork(WORKER, [], { cwd: PACKAGE_DIR, execArgv: ['--conditions=@cf/source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const config: WebhookWorkerConfig = { worker, redisUrl: REDIS_URL, prefix, leaseMs: LEASE_MS, handlerMs: 500, hubspotSecret: HUBSPOT_SECRET, shopifySecret: SHOPIFY_SECRET, hubspotUrl: PUBLIC_URL };
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') resolve(m.port);
      if (m.type === 'started') started.push(...m.ids.map((id) => ({ worker: m.worker, id })));
      if (m.type === 'handled') handled.push(...m.ids.map((id) => ({ worker: m.worker, id })));
    });
    child.once('exit', (code) => reject(new Error(`replica ${worker} exited with ${code} before it was ready`)));
    child.send(config);
  });
  return { child, port };
}

/** Sends one signed delivery (the same bytes and headers) to a replica, as the API or its load balancer would. */
async function deliver(replica: Replica, request: Request, path: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${replica.port}${path}`, { method: 'POST', headers: request.headers, body: await request.clone().text() });
  await response.arrayBuffer();
  return response.status;
}

/** The API's retries: the same delivery again, after `waitMs`, until it is answered 2xx (at most `attempts`). */
async function untilAccepted(replicas: Replica[], request: Request, path: string, waitMs = 400, attempts = 12): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const status = await deliver(replicas[attempt % replicas.length]!, request, path);
    statuses.push(status);
    if (status < 300) return statuses;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  return statuses;
}

const count = (list: Array<{ id: string }>, id: string) => list.filter((h) => h.id === id).length;

describe.skipIf(!redisUp)(`two receiver processes deduplicate webhook deliveries through Redis${skipNote}`, () => {
  let redis: TestRedis;
  const prefix = uniquePrefix();
  let a: Replica;
  let b: Replica;
  const extra: ChildProcess[] = [];

  beforeAll(async () => {
    redis = await connectRedis();
    [a, b] = await Promise.all([startReplica(0, prefix), startReplica(1, prefix)]);
  }, 60_000);

  afterAll(async () => {
    for (const child of [a?.child, b?.child, ...extra]) if (child && child.exitCode === null && child.signalCode === null) child.send('stop');
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  it('a HubSpot batch delivered to both processes at once is handled exactly once overall; the loser is 409, its retry 200', async () => {
    const ids: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const events = [hubspotWebhookEvent(), hubspotWebhookEvent({ subscriptionType: 'deal.propertyChange', propertyName: 'dealstage', propertyValue: 'closedwon' })];
      ids.push(...events.map((e) => `hubspot:${e.eventId}`));
      const request = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events });
      // Which process wins is up to the scheduler: alternate who is sent first, and assert only what must hold.
      const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
      const statuses = await Promise.all([deliver(first, request, '/hubspot'), deliver(second, request, '/hubspot')]);
      expect(statuses.sort()).toEqual([200, 409]);
      // HubSpot retries the 409 later, to whichever process: a duplicate by then.
      expect(await deliver(round % 2 === 0 ? a : b, request, '/hubspot')).toBe(200);
    }
    for (const id of ids) expect(count(handled, id), id).toBe(1);
  }, 60_000);

  it('overlapping batches sent to both processes at once: every event handled exactly once, the overlap retried', async () => {
    const [e1, e2, e3] = [hubspotWebhookEvent(), hubspotWebhookEvent(), hubspotWebhookEvent()];
    const first = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events: [e1, e2] });
    const second = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events: [e2, e3] });
    const [one, two] = await Promise.all([untilAccepted([a, b], first, '/hubspot'), untilAccepted([b, a], second, '/hubspot')]);
    expect([one.at(-1), two.at(-1)]).toEqual([200, 200]);
    for (const e of [e1, e2, e3]) expect(count(handled, `hubspot:${e.eventId}`)).toBe(1);
  }, 60_000);

  it('a Shopify delivery retried to both processes at once is handled exactly once', async () => {
    const webhookIds: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      const webhookId = globalThis.crypto.randomUUID();
      webhookIds.push(webhookId);
      const request = await signedShopifyDelivery({ secret: SHOPIFY_SECRET, url: 'https://hooks.example.com/webhooks/shopify', topic: 'orders/paid', webhookId });
      const statuses = await Promise.all([deliver(a, request, '/shopify'), deliver(b, request, '/shopify'), deliver(a, request, '/shopify')]);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(await deliver(b, request, '/shopify')).toBe(200);
    }
    for (const id of webhookIds) expect(count(handled, `shopify:${id}`)).toBe(1);
  }, 60_000);

  it('a handler that fails in one process releases the claim: the retry to the other process handles it', async () => {
    const event = hubspotWebhookEvent({ subscriptionType: 'contact.propertyChange', propertyName: 'email', propertyValue: 'fail-in-0' });
    const request = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events: [event] });
    expect(await deliver(a, request, '/hubspot')).toBe(500);
    expect(await deliver(b, request, '/hubspot')).toBe(200);
    expect(await deliver(a, request, '/hubspot')).toBe(200);
    expect(count(started, `hubspot:${event.eventId}`)).toBe(2);
    expect(handled.filter((h) => h.id === `hubspot:${event.eventId}`)).toEqual([{ worker: 1, id: `hubspot:${event.eventId}` }]);
  }, 60_000);

  it('a process killed mid-handler blocks the event only until its lease lapses; then the other process handles it', async () => {
    const doomed = await startReplica(2, prefix);
    extra.push(doomed.child);
    const event = hubspotWebhookEvent({ subscriptionType: 'contact.propertyChange', propertyName: 'email', propertyValue: 'hang' });
    const id = `hubspot:${event.eventId}`;
    const request = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events: [event] });
    const lost = deliver(doomed, request, '/hubspot').catch(() => 'connection lost');
    await expect.poll(() => count(started, id), { timeout: 10_000 }).toBe(1);
    doomed.child.kill('SIGKILL');
    expect(await lost).toBe('connection lost');
    const killedAt = Date.now();
    // Until the lease lapses the event is "in flight": 409, and HubSpot retries.
    expect(await deliver(a, request, '/hubspot')).toBe(409);
    // A handler with `hang` never finishes anywhere; swap the value so the retry's handler can (the same event id).
    const retry = await signedHubSpotDelivery({ secret: HUBSPOT_SECRET, url: PUBLIC_URL, events: [{ ...event, propertyValue: 'ada@example.com', attemptNumber: 1 }] });
    const statuses = await untilAccepted([b, a], retry, '/hubspot', 250, 20);
    expect(statuses.at(-1)).toBe(200);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 300);
    expect(count(handled, id)).toBe(1);
  }, 60_000);
});
