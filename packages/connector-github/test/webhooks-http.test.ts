import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener, type WebhookReceiver } from '@cf/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubDeletion, githubWebhookReceiver, type GitHubDeletion, type GitHubWebhook } from '../src/index.js';
import { githubWebhookPayload, signedGitHubDelivery, type SignedGitHubDeliveryOptions } from '../src/mocks/index.js';

/**
 * Real signed GitHub deliveries over loopback HTTP, to a receiver mounted on Node's http server (`toNodeListener`)
 * and on Hono (`@hono/node-server`, which hands Hono a web Request: `receiver.fetch(c.req.raw)`).
 */
const SECRET = 'gh-webhook-secret-over-http-8d21e0';

interface Mounted {
  url: string;
  receiver: WebhookReceiver<GitHubWebhook>;
  issues: string[];
  pushes: string[];
  deletions: GitHubDeletion[];
  logs: string[];
  close: () => Promise<void>;
}

function makeReceiver() {
  const issues: string[] = [];
  const pushes: string[] = [];
  const deletions: GitHubDeletion[] = [];
  const logs: string[] = [];
  const log = (obj: Record<string, unknown>, msg?: string) => void logs.push(JSON.stringify({ obj, msg }));
  const receiver = githubWebhookReceiver({
    secret: SECRET,
    maxBodyBytes: 64 * 1024,
    logger: { debug: log, info: log, warn: log, error: log },
    events: {
      issues: (w) => {
        if (w.payload.issue.title === 'explode') throw new Error(`the tracker refused a call signed with ${SECRET}`);
        const deleted = githubDeletion(w);
        if (deleted) deletions.push(deleted);
        else issues.push(`${w.action}:#${w.payload.issue.number}:${w.deliveryId}`);
      },
      push: (w) => void pushes.push(`${w.payload.ref}@${w.payload.after.slice(0, 7)}`),
    },
  });
  return { receiver, issues, pushes, deletions, logs };
}

async function nodeHttp(): Promise<Mounted> {
  const made = makeReceiver();
  const server: Server = createServer(toNodeListener(made.receiver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/github`;
  return { ...made, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function hono(): Promise<Mounted> {
  const made = makeReceiver();
  const app = new Hono();
  app.all('/webhooks/github', (c) => made.receiver.fetch(c.req.raw));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/github`;
  return { ...made, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function post(request: Request | Promise<Request>): Promise<{ status: number; text: string }> {
  const response = await fetch(await request);
  return { status: response.status, text: await response.text() };
}

/** The same signed delivery without one header. */
async function without(name: string, request: Promise<Request>): Promise<Request> {
  const original = await request;
  const headers = new Headers(original.headers);
  headers.delete(name);
  return new Request(original.url, { method: 'POST', headers, body: await original.text() });
}

for (const [name, mount] of [["Node's http server", nodeHttp], ['Hono', hono]] as const) {
  describe(`GitHub webhooks over loopback HTTP: ${name}`, () => {
    let m: Mounted;
    const bodies: string[] = [];
    const deliver = (options: Partial<SignedGitHubDeliveryOptions> = {}) => signedGitHubDelivery({ secret: SECRET, url: m.url, event: 'issues', ...options });
    beforeAll(async () => {
      m = await mount();
    });
    afterAll(async () => {
      await m.close();
    });

    it('a signed delivery is handled once; a redelivery (same X-GitHub-Delivery) is 200 without a second call', async () => {
      const payload = githubWebhookPayload('issues', { action: 'reopened' });
      const first = await post(deliver({ payload, deliveryId: 'e3b0c442-98fc-11ef-8a1b-0242ac120002' }));
      const redelivered = await post(deliver({ payload, deliveryId: 'e3b0c442-98fc-11ef-8a1b-0242ac120002' }));
      bodies.push(first.text, redelivered.text);
      expect([first.status, redelivered.status]).toEqual([200, 200]);
      expect(JSON.parse(first.text)).toMatchObject({ outcome: 'handled', handled: 1 });
      expect(JSON.parse(redelivered.text)).toMatchObject({ outcome: 'duplicate', handled: 0 });
      expect(m.issues).toEqual(['reopened:#1:e3b0c442-98fc-11ef-8a1b-0242ac120002']);
    });

    it('both content types GitHub can send: application/json and application/x-www-form-urlencoded (payload=)', async () => {
      const push = githubWebhookPayload('push');
      expect((await post(deliver({ event: 'push', payload: push }))).status).toBe(200);
      expect((await post(deliver({ event: 'push', payload: { ...push, ref: 'refs/heads/release' }, contentType: 'form' }))).status).toBe(200);
      expect((await post(deliver({ payload: githubWebhookPayload('issues', { action: 'deleted' }), contentType: 'form' }))).status).toBe(200);
      expect(m.pushes).toEqual([`refs/heads/main@${push.after.slice(0, 7)}`, `refs/heads/release@${push.after.slice(0, 7)}`]);
      expect(m.deletions).toMatchObject([{ stream: 'issues', repository: 'octo-org/hello-world', id: githubWebhookPayload('issues').issue.id }]);
    });

    it('tampered, wrongly signed, unsigned and SHA-1-only deliveries are 401; nothing handled', async () => {
      const before = [m.issues.length, m.pushes.length];
      const answers = [
        await post(deliver({ tamper: 'body' })),
        await post(deliver({ tamper: 'signature' })),
        await post(deliver({ tamper: 'unsigned' })),
        await post(deliver({ tamper: 'sha1-only' })),
        await post(deliver({ event: 'push', contentType: 'form', tamper: 'body' })),
      ];
      bodies.push(...answers.map((a) => a.text));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
      expect(answers.map((a) => (JSON.parse(a.text) as { code: string }).code)).toEqual(Array(5).fill('WEBHOOK_SIGNATURE_INVALID'));
      expect([m.issues.length, m.pushes.length]).toEqual(before);
    });

    it('missing X-GitHub-Event or X-GitHub-Delivery and malformed JSON (typed event or not) are 400; oversized 413; a GET 405; nothing handled', async () => {
      const before = [m.issues.length, m.pushes.length];
      const answers = [
        await post(without('x-github-event', deliver())),
        await post(without('x-github-delivery', deliver())),
        await post(deliver({ body: '{"action":"opened","issue":' })),
        await post(deliver({ event: 'workflow_run', body: '{"action":"completed",' })),
        await post(deliver({ payload: githubWebhookPayload('issues', { body: 'x'.repeat(70_000) }) })),
        await post(deliver({ method: 'GET' })),
      ];
      bodies.push(...answers.map((a) => a.text));
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 413, 405]);
      expect([m.issues.length, m.pushes.length]).toEqual(before);
    });

    it('a handler that fails answers 500 (a failed delivery in GitHub); redelivering it after the fix is handled', async () => {
      const payload = githubWebhookPayload('issues');
      const failed = await post(deliver({ payload: { ...payload, issue: { ...payload.issue, title: 'explode' } }, deliveryId: 'guid-flaky' }));
      bodies.push(failed.text);
      expect(failed.status).toBe(500);
      const fixed = await post(deliver({ payload, deliveryId: 'guid-flaky' }));
      expect(fixed.status).toBe(200);
      expect(m.issues.at(-1)).toBe('opened:#1:guid-flaky');
    });

    it('the webhook secret is in no response body or log line, even when a handler error quotes it', () => {
      const everything = [...bodies, ...m.logs].join('\n');
      expect(m.logs.length).toBeGreaterThan(5);
      expect(everything).not.toContain(SECRET);
      expect(everything).toContain('[REDACTED]');
    });
  });
}
