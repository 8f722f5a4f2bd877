import { FakeClock, type WebhookContext, type WebhookReceiver } from '@cf/core';
import { describe, expect, it, vi } from 'vitest';
import {
  GITHUB_MAX_BODY_BYTES,
  GITHUB_REDELIVERY_WINDOW_MS,
  githubDeletion,
  githubSignature256,
  githubWebhookReceiver,
  isGitHubEvent,
  type GitHubWebhook,
  type GitHubWebhookReceiverOptions,
} from '../src/index.js';
import { defaultRepositories, githubWebhookPayload, signedGitHubDelivery, type SignedGitHubDeliveryOptions } from '../src/mocks/index.js';
import { harness } from './helpers.js';

const SECRET = 'gh-webhook-secret-3f9a1c77d2';
const URL_ = 'https://hooks.example.com/webhooks/github';

function receiver(options: Partial<GitHubWebhookReceiverOptions> = {}) {
  const seen: GitHubWebhook[] = [];
  const r = githubWebhookReceiver({ secret: SECRET, handler: (w) => void seen.push(w), ...options });
  return { receiver: r, seen };
}

async function send(r: WebhookReceiver<GitHubWebhook>, request: Request | Promise<Request>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await r.fetch(await request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const deliver = (options: Partial<SignedGitHubDeliveryOptions> = {}) => signedGitHubDelivery({ secret: SECRET, url: URL_, event: 'issues', ...options });

/** The same delivery without one header. */
async function without(name: string, request: Promise<Request>): Promise<Request> {
  const original = await request;
  const headers = new Headers(original.headers);
  headers.delete(name);
  return new Request(original.url, { method: 'POST', headers, body: await original.text() });
}

describe('GitHub webhooks: X-Hub-Signature-256', () => {
  it("signs as GitHub documents it (sha256= + lower-case hex HMAC-SHA256 of the raw body): GitHub's own example", async () => {
    // docs.github.com, "Validating webhook deliveries" › "Testing the webhook payload validation".
    expect(await githubSignature256("It's a Secret to Everybody", 'Hello, World!')).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('a valid delivery is verified and handed to the handler once, with its headers and typed payload', async () => {
    const { receiver: r, seen } = receiver();
    const payload = githubWebhookPayload('issues', { action: 'labeled' });
    const answer = await send(r, deliver({ payload, deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958', hookId: '292430182', target: { type: 'organization', id: '9919' } }));
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'handled', handled: 1 } });
    expect(seen).toEqual([
      { event: 'issues', action: 'labeled', payload, deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958', hookId: '292430182', installationTargetType: 'organization', installationTargetId: '9919' },
    ]);
    const webhook = seen[0]!;
    expect(isGitHubEvent(webhook, 'issues') && webhook.payload.issue.title).toBe(payload.issue.title);
  });

  it('the signature is checked on the raw bytes as sent (pretty-printed, escaped), never on a re-serialization', async () => {
    const { receiver: r, seen } = receiver();
    const payload = githubWebhookPayload('issues', { action: 'edited' });
    const body = JSON.stringify({ ...payload, issue: { ...payload.issue, title: 'Caf\u00e9 <b>' } }, null, 2).replace('Caf\u00e9', 'Caf\\u00e9'); // GitHub's bytes, whatever they are
    expect(body).toContain('Caf\\u00e9 <b>');
    expect(body).not.toBe(JSON.stringify(JSON.parse(body)));
    expect(await send(r, deliver({ body }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(seen.map((w) => (w.payload as typeof payload).issue.title)).toEqual(['Caf\u00e9 <b>']);
  });

  it('a tampered body is 401; nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    expect(await send(r, deliver({ tamper: 'body' }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(seen).toEqual([]);
  });

  it('a delivery signed with another secret is 401; nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    expect(await send(r, deliver({ tamper: 'signature' }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(await send(r, signedGitHubDelivery({ secret: 'not-the-secret', url: URL_, event: 'push' }))).toMatchObject({ status: 401 });
    expect(seen).toEqual([]);
  });

  it('a delivery without a signature is 401 (a webhook without a secret is not signed: set one)', async () => {
    const { receiver: r, seen } = receiver();
    expect(await send(r, deliver({ tamper: 'unsigned' }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(seen).toEqual([]);
  });

  it('a delivery with only the legacy SHA-1 X-Hub-Signature is 401, even correctly signed (no downgrade)', async () => {
    const { receiver: r, seen } = receiver();
    const request = await deliver({ tamper: 'sha1-only' });
    expect(request.headers.get('x-hub-signature')).toMatch(/^sha1=[0-9a-f]{40}$/);
    expect(request.headers.has('x-hub-signature-256')).toBe(false);
    const refusals: unknown[] = [];
    r.events.on('delivery', (e) => refusals.push(e.code));
    expect(await send(r, request)).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    expect(seen).toEqual([]);
    expect(refusals).toEqual(['WEBHOOK_SIGNATURE_INVALID']);
  });

  it('a malformed X-Hub-Signature-256 (not sha256= + 64 hex digits) is 401', async () => {
    const { receiver: r, seen } = receiver();
    const good = (await deliver()).headers.get('x-hub-signature-256')!;
    for (const value of ['%%%', good.slice('sha256='.length), `sha1=${good.slice(7)}`, good.slice(0, -2), `${good}00`, `sha256=${'z'.repeat(64)}`]) {
      expect(await send(r, deliver({ headers: { 'x-hub-signature-256': value } }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
    }
    expect(seen).toEqual([]);
  });

  it('several secrets (changing it): a delivery signed with either passes', async () => {
    const { receiver: r, seen } = receiver({ secret: ['gh-new-secret', SECRET] });
    expect((await send(r, signedGitHubDelivery({ secret: 'gh-new-secret', url: URL_, event: 'push' }))).status).toBe(200);
    expect((await send(r, signedGitHubDelivery({ secret: SECRET, url: URL_, event: 'push' }))).status).toBe(200);
    expect((await send(r, signedGitHubDelivery({ secret: 'gh-old-secret', url: URL_, event: 'push' }))).status).toBe(401);
    expect(seen).toHaveLength(2);
  });
});

describe('GitHub webhooks: headers and payloads', () => {
  it('a delivery without X-GitHub-Event is 400 (authentic, but cannot be routed); nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    expect(await send(r, without('x-github-event', deliver()))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(seen).toEqual([]);
  });

  it('a delivery without X-GitHub-Delivery is 400 (authentic, but cannot be deduplicated); nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    expect(await send(r, without('x-github-delivery', deliver()))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(seen).toEqual([]);
  });

  it('malformed JSON is 400, as a JSON body or in the form payload field; nothing handled', async () => {
    const { receiver: r, seen } = receiver();
    // A typed event and one passed through untyped (where no schema would catch what a lenient parser let by).
    for (const event of ['issues', 'workflow_run']) {
      expect(await send(r, deliver({ event, body: '{"action": "opened",' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
      expect(await send(r, deliver({ event, contentType: 'form', body: 'payload=%7B%22action%22%3A' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
      expect(await send(r, deliver({ event, contentType: 'form', body: 'other=1' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    }
    expect(seen).toEqual([]);
  });

  it('the application/x-www-form-urlencoded content type: the signature is checked on the form body, the payload read from its payload field', async () => {
    const { receiver: r, seen } = receiver();
    const payload = githubWebhookPayload('push');
    const request = await deliver({ event: 'push', payload, contentType: 'form' });
    const body = await request.clone().text();
    expect(body.startsWith('payload=%7B%22ref%22')).toBe(true);
    expect(request.headers.get('x-hub-signature-256')).toBe(await githubSignature256(SECRET, body));
    expect(await send(r, request)).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(seen.map((w) => w.payload)).toEqual([payload]);
    expect(await send(r, deliver({ event: 'push', payload, contentType: 'form', tamper: 'body' }))).toMatchObject({ status: 401 });
  });

  it('each event goes to its handler, typed; other events to `handler`; none given: acknowledged (ping)', async () => {
    const got: string[] = [];
    const r = githubWebhookReceiver({
      secret: SECRET,
      events: {
        issues: (w) => void got.push(`issues:${w.action}:#${w.payload.issue.number}`),
        issue_comment: (w) => void got.push(`comment:${w.payload.comment.body}`),
        pull_request: (w) => void got.push(`pr:${w.payload.pull_request.head.ref}->${w.payload.pull_request.base.ref}`),
        push: (w) => void got.push(`push:${w.payload.ref}:${w.payload.commits.length}:${w.payload.head_commit?.id.slice(0, 7)}`),
        release: (w) => void got.push(`release:${w.payload.release.tag_name}`),
      },
      handler: (w) => void got.push(`other:${w.event}:${w.action}`),
    });
    for (const event of ['issues', 'issue_comment', 'pull_request', 'push', 'release'] as const) {
      expect((await send(r, deliver({ event }))).status).toBe(200);
    }
    expect((await send(r, deliver({ event: 'workflow_run', payload: { action: 'completed', workflow_run: { id: 1 } } }))).status).toBe(200);
    const head = defaultRepositories()[0]!.commits.at(-1)!.sha.slice(0, 7);
    expect(got).toEqual(['issues:opened:#1', 'comment:Comment 1 on #2.', 'pr:feature-5->main', `push:refs/heads/main:3:${head}`, 'release:v1.2.0', 'other:workflow_run:completed']);
    const only = githubWebhookReceiver({ secret: SECRET, events: { push: () => undefined } });
    expect(await send(only, deliver({ event: 'ping' }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
  });

  it('an unknown event passes through as { event, action, payload } (a JSON object; anything else is 400)', async () => {
    const { receiver: r, seen } = receiver();
    const payload = { action: 'created', starred_at: '2025-01-01T00:00:00Z', repository: { id: 1 } };
    expect((await send(r, deliver({ event: 'star', payload }))).status).toBe(200);
    expect(seen).toMatchObject([{ event: 'star', action: 'created', payload }]);
    expect((await send(r, deliver({ event: 'star', payload: [1, 2] }))).status).toBe(400);
    expect((await send(r, deliver({ event: 'check_suite', payload: { check_suite: {} } }))).status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ event: 'check_suite', action: undefined });
  });

  it('a typed event whose payload does not match is 400 naming the field', async () => {
    const { receiver: r, seen } = receiver();
    for (const event of ['ping', 'issues', 'issue_comment', 'pull_request', 'push', 'release'] as const) expect((await send(r, deliver({ event }))).status).toBe(200);
    expect(seen).toHaveLength(6);
    const codes: unknown[] = [];
    r.events.on('delivery', (e) => codes.push(e.code));
    const { issue: _issue, ...noIssue } = githubWebhookPayload('issues');
    expect(await send(r, deliver({ payload: noIssue }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    expect(await send(r, deliver({ event: 'push', payload: githubWebhookPayload('push', { commits: 'none' as never }) }))).toMatchObject({ status: 400 });
    expect(codes).toEqual(['WEBHOOK_PAYLOAD_INVALID', 'WEBHOOK_PAYLOAD_INVALID']);
    expect(seen).toHaveLength(6);
  });

  it('needs events or handler, and a non-empty secret (VALIDATION_ERROR)', () => {
    expect(() => githubWebhookReceiver({ secret: SECRET })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => githubWebhookReceiver({ secret: '', handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => githubWebhookReceiver({ secret: [], handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });

  it(`takes bodies up to GitHub's 25 MB payload cap (GITHUB_MAX_BODY_BYTES = 25 MiB); one byte over is 413`, async () => {
    expect(GITHUB_MAX_BODY_BYTES).toBe(25 * 1024 * 1024);
    const { receiver: r, seen } = receiver();
    const json = JSON.stringify(githubWebhookPayload('push'));
    const padded = (bytes: number) => `${json.slice(0, -1)},"padding":"${'x'.repeat(bytes - json.length - 13)}"}`;
    expect(new TextEncoder().encode(padded(20_000)).byteLength).toBe(20_000);
    expect((await send(r, deliver({ event: 'push', body: padded(GITHUB_MAX_BODY_BYTES) }))).status).toBe(200);
    expect(await send(r, deliver({ event: 'push', body: padded(GITHUB_MAX_BODY_BYTES + 1) }))).toMatchObject({ status: 413, body: { code: 'WEBHOOK_PAYLOAD_TOO_LARGE' } });
    expect(seen).toHaveLength(1);
  });
});

describe('GitHub webhooks: dedupe by X-GitHub-Delivery', () => {
  it('a replayed delivery (same GUID) is 200 without calling the handler again', async () => {
    const { receiver: r, seen } = receiver();
    const payload = githubWebhookPayload('issue_comment');
    const once = () => deliver({ event: 'issue_comment', payload, deliveryId: 'a5f8e2c0-1b1e-11f0-8d4a-2f6c1e9b7a10' });
    expect(await send(r, once())).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(await send(r, once())).toMatchObject({ status: 200, body: { outcome: 'duplicate', handled: 0 } });
    expect(await send(r, once())).toMatchObject({ status: 200, body: { outcome: 'duplicate', handled: 0 } });
    expect(seen).toHaveLength(1);
    expect(await send(r, deliver({ event: 'issue_comment', payload }))).toMatchObject({ status: 200, body: { outcome: 'handled' } });
    expect(seen).toHaveLength(2);
  });

  it("delivery ids are remembered for GitHub's 3-day redelivery window", async () => {
    expect(GITHUB_REDELIVERY_WINDOW_MS).toBe(3 * 86_400_000);
    const clock = new FakeClock(Date.now());
    const { receiver: r, seen } = receiver({ clock });
    const once = () => deliver({ deliveryId: 'guid-redelivered' });
    await send(r, once());
    clock.advance(GITHUB_REDELIVERY_WINDOW_MS - 1000);
    expect((await send(r, once())).body).toMatchObject({ outcome: 'duplicate' });
    clock.advance(2000);
    expect((await send(r, once())).body).toMatchObject({ outcome: 'handled' });
    expect(seen).toHaveLength(2);
  });

  it('a handler that throws answers 500 (GitHub records a failed delivery); its redelivery is handled, then a duplicate', async () => {
    let attempts = 0;
    const onError = vi.fn();
    const r = githubWebhookReceiver({
      secret: SECRET,
      onError,
      events: {
        release: () => {
          attempts += 1;
          if (attempts === 1) throw new Error('artifact store down');
        },
      },
    });
    const delivery = () => deliver({ event: 'release', deliveryId: 'guid-flaky' });
    expect((await send(r, delivery())).status).toBe(500);
    expect((await send(r, delivery())).status).toBe(200);
    expect((await send(r, delivery())).body).toMatchObject({ outcome: 'duplicate' });
    expect(attempts).toBe(2);
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('GitHub webhooks: the secret', () => {
  it('is in no response, log line or event, refused deliveries and a handler error quoting it included', async () => {
    const logs: string[] = [];
    const log = (obj: Record<string, unknown>, msg?: string) => void logs.push(JSON.stringify({ obj, msg }));
    const events: string[] = [];
    const r = githubWebhookReceiver({
      secret: SECRET,
      logger: { debug: log, info: log, warn: log, error: log },
      handler: () => {
        throw new Error(`cannot call the CI with ${SECRET}`);
      },
    });
    r.events.on('delivery', (e) => void events.push(JSON.stringify(e)));
    r.events.on('handlerError', (e) => void events.push(JSON.stringify(e)));
    const bodies: string[] = [];
    for (const request of [
      deliver(),
      deliver({ tamper: 'body' }),
      deliver({ tamper: 'signature' }),
      deliver({ tamper: 'unsigned' }),
      deliver({ tamper: 'sha1-only' }),
      deliver({ body: '{' }),
      without('x-github-delivery', deliver()),
      deliver({ method: 'GET' }),
    ]) {
      const response = await r.fetch(await request);
      bodies.push(await response.text());
    }
    const everything = [...bodies, ...logs, ...events].join('\n');
    expect(logs.length).toBeGreaterThan(5);
    expect(everything).toContain('[REDACTED]');
    expect(everything).not.toContain(SECRET);
  });
});

describe('GitHub webhooks: deletions and the mock data', () => {
  it('githubDeletion turns issues/release "deleted" into the stream record it removes; anything else is undefined', async () => {
    const found: unknown[] = [];
    const r = githubWebhookReceiver({ secret: SECRET, handler: (w: GitHubWebhook, _c: WebhookContext) => void found.push(githubDeletion(w)) });
    const repo = defaultRepositories()[0]!;
    await send(r, deliver({ payload: githubWebhookPayload('issues', { action: 'deleted' }), deliveryId: 'd-1' }));
    await send(r, deliver({ event: 'release', payload: githubWebhookPayload('release', { action: 'deleted' }), deliveryId: 'd-2' }));
    await send(r, deliver({ payload: githubWebhookPayload('issues', { action: 'closed' }) }));
    await send(r, deliver({ event: 'issue_comment', payload: githubWebhookPayload('issue_comment', { action: 'deleted' }) }));
    await send(r, deliver({ event: 'push' }));
    expect(found).toEqual([
      { stream: 'issues', id: repo.issues[0]!.id, repository: 'octo-org/hello-world', deliveryId: 'd-1' },
      { stream: 'releases', id: repo.releases[2]!.id, repository: 'octo-org/hello-world', deliveryId: 'd-2' },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('payload builders name what the mock GitHub serves: the issue is the one GET /repos/octo-org/hello-world/issues/1 returns', async () => {
    const h = await harness();
    try {
      const { issue, repository } = githubWebhookPayload('issues');
      expect(issue).toEqual(await h.github.issues.get('octo-org', 'hello-world', 1));
      expect(repository).toMatchObject({ id: 1_296_269, full_name: 'octo-org/hello-world' });
      const served = h.mock.github.repository('octo-org', 'hello-world')!;
      const push = githubWebhookPayload('push');
      expect(push.after).toBe(served.commits.at(-1)!.sha);
      expect(push.commits.map((c) => c.id)).toEqual(served.commits.slice(-3).map((c) => c.sha));
      expect(typeof push.repository.created_at).toBe('number'); // as GitHub sends it in push payloads
    } finally {
      await h.close();
    }
  });
});
