import { FakeClock, MemoryWebhookDedupeStore, type WebhookReceiver } from '@cf/core';
import { describe, expect, it } from 'vitest';
import { hubspotEventKey, hubspotWebhookReceiver, isHubSpotEvent, v3SignedUri, type HubSpotWebhookEvent, type HubSpotWebhookReceiverOptions } from '../src/index.js';
import { hubspotWebhookEvent, signedHubSpotDelivery } from '../src/mocks/index.js';

const SECRET = 'hubspot-client-secret-8d2f61';
const URL_ = 'https://hooks.example.com/webhooks/hubspot';

function receiver(options: Partial<HubSpotWebhookReceiverOptions> = {}) {
  const calls: HubSpotWebhookEvent[][] = [];
  const r = hubspotWebhookReceiver({ clientSecret: SECRET, handler: (events) => void calls.push(events), ...options });
  return { receiver: r, calls };
}

async function send(r: WebhookReceiver<HubSpotWebhookEvent>, request: Promise<Request>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await r.fetch(await request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HubSpot webhooks: signature v3', () => {
  it('a v3-signed batch is verified on its raw bytes and its events reach the handler, typed', async () => {
    const { receiver: r, calls } = receiver();
    const answer = await send(r, signedHubSpotDelivery({
      secret: SECRET,
      url: URL_,
      events: [{ subscriptionType: 'contact.propertyChange', propertyName: 'email', propertyValue: 'ada@example.com', objectId: 512 }, { subscriptionType: 'deal.creation', objectId: 77 }],
    }));
    expect(answer).toMatchObject({ status: 200, body: { ok: true, outcome: 'handled', handled: 2 } });
    const [change, deal] = calls[0]!;
    expect(isHubSpotEvent(change!, 'contact.propertyChange') && change.propertyName).toBe('email');
    expect(isHubSpotEvent(deal!, 'contact.propertyChange')).toBe(false);
    expect(deal).toMatchObject({ subscriptionType: 'deal.creation', objectId: 77, portalId: 62515, attemptNumber: 0 });
  });

  it('v3 signs the URI with the characters HubSpot decodes (%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B)', async () => {
    const encoded = `${URL_}?tenant=acme%3Aeu%2C1&next=%2Fa%40b%21%24%27%28%29%2a%3B&keep=%20%3D`;
    expect(v3SignedUri(encoded)).toBe(`${URL_}?tenant=acme:eu,1&next=/a@b!$'()*;&keep=%20%3D`);
    const { receiver: r, calls } = receiver();
    // The mock signs what HubSpot signs (the decoded URI); the server sees the encoded one.
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: encoded })))).toMatchObject({ status: 200 });
    expect(calls).toHaveLength(1);
  });

  it('behind a proxy, `url` (as configured in HubSpot) is what the signature is checked against', async () => {
    const internal = 'http://10.0.0.5:3000/webhooks/hubspot';
    const signedForPublicUrl = async () => {
      const signed = await signedHubSpotDelivery({ secret: SECRET, url: URL_ });
      return new Request(internal, { method: 'POST', headers: signed.headers, body: await signed.text() });
    };
    expect((await send(receiver().receiver, signedForPublicUrl())).status).toBe(401);
    expect((await send(receiver({ url: URL_ }).receiver, signedForPublicUrl())).status).toBe(200);
    expect((await send(receiver({ url: ({ url }) => url.replace('http://10.0.0.5:3000', 'https://hooks.example.com') }).receiver, signedForPublicUrl())).status).toBe(200);
  });

  it('a tampered body, a tampered signature, another secret or no signature at all is 401 and nothing is handled', async () => {
    const { receiver: r, calls } = receiver();
    for (const request of [
      signedHubSpotDelivery({ secret: SECRET, url: URL_, tamper: 'body' }),
      signedHubSpotDelivery({ secret: SECRET, url: URL_, tamper: 'signature' }),
      signedHubSpotDelivery({ secret: 'someone-elses-secret', url: URL_ }),
      signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'none' }),
      signedHubSpotDelivery({ secret: SECRET, url: URL_, headers: { 'x-hubspot-signature-v3': 'not base64 at all!' } }),
      signedHubSpotDelivery({ secret: SECRET, url: URL_, method: 'PUT' }),
    ]) {
      expect((await send(r, request)).body).toMatchObject({ ok: false, outcome: 'rejected' });
    }
    expect(calls).toEqual([]);
  });

  it('X-HubSpot-Request-Timestamp older than 5 minutes, or more than 5 minutes ahead, is 401 (configurable)', async () => {
    const clock = new FakeClock(Date.now());
    const { receiver: r, calls } = receiver({ clock });
    const at = (offset: number) => signedHubSpotDelivery({ secret: SECRET, url: URL_, timestamp: clock.now() + offset });
    expect(await send(r, at(-300_001))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_INVALID' } });
    expect(await send(r, at(300_001))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_TIMESTAMP_INVALID' } });
    expect((await send(r, at(-299_000))).status).toBe(200);
    const strict = receiver({ clock, timestampToleranceMs: 60_000 });
    expect((await send(strict.receiver, at(-61_000))).status).toBe(401);
    expect(calls).toHaveLength(1);
  });

  it('several client secrets (a rotation): a delivery signed with any of them passes', async () => {
    const { receiver: r } = receiver({ clientSecret: ['new-secret-2026', SECRET] });
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_ }))).status).toBe(200);
    expect((await send(r, signedHubSpotDelivery({ secret: 'new-secret-2026', url: URL_ }))).status).toBe(200);
    expect((await send(r, signedHubSpotDelivery({ secret: 'retired', url: URL_ }))).status).toBe(401);
  });
});

describe('HubSpot webhooks: signatures v1 and v2', () => {
  it('are refused by default (they sign no timestamp: a captured delivery would verify forever)', async () => {
    const { receiver: r } = receiver();
    expect(await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'v1' }))).toMatchObject({ status: 401, body: { code: 'WEBHOOK_SIGNATURE_INVALID' } });
  });

  it('with legacySignatures, v1 (secret + body) and v2 (secret + method + URI + body) verify, tampering does not', async () => {
    const { receiver: r, calls } = receiver({ legacySignatures: true });
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'v1' }))).status).toBe(200);
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'v2' }))).status).toBe(200);
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'v2', tamper: 'body' }))).status).toBe(401);
    expect((await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, signature: 'v1', tamper: 'signature' }))).status).toBe(401);
    // v2 signs the URI: signed for another URL, sent to this one.
    const elsewhere = await signedHubSpotDelivery({ secret: SECRET, url: `${URL_}?other=1`, signature: 'v2' });
    expect((await send(r, Promise.resolve(new Request(URL_, { method: 'POST', headers: elsewhere.headers, body: await elsewhere.text() })))).status).toBe(401);
    expect(calls).toHaveLength(2);
  });

  it('a delivery with a v3 header is verified by v3 alone: a valid v1 beside a wrong v3 does not pass', async () => {
    const { receiver: r } = receiver({ legacySignatures: true });
    const request = await signedHubSpotDelivery({ secret: SECRET, url: URL_ });
    const headers = new Headers(request.headers);
    headers.set('x-hubspot-signature-v3', btoa('x'.repeat(32)));
    expect((await send(r, Promise.resolve(new Request(URL_, { method: 'POST', headers, body: await request.text() })))).status).toBe(401);
  });
});

describe('HubSpot webhooks: batches and dedupe', () => {
  it('a batch mixing new and already-seen events hands only the new ones to the handler', async () => {
    const { receiver: r, calls } = receiver();
    const [a, b, c] = [hubspotWebhookEvent(), hubspotWebhookEvent({ subscriptionType: 'company.deletion' }), hubspotWebhookEvent()];
    await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, events: [a, b] }));
    const retry = await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, events: [{ ...b, attemptNumber: 1 }, c, { ...a, attemptNumber: 1 }] }));
    expect(retry).toMatchObject({ status: 200, body: { outcome: 'handled', handled: 1, duplicates: 2 } });
    expect(calls.map((batch) => batch.map((e) => e.eventId))).toEqual([[a.eventId, b.eventId], [c.eventId]]);
    expect(await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, events: [a, b, c] }))).toMatchObject({ status: 200, body: { outcome: 'duplicate', duplicates: 3 } });
  });

  it('the dedupe key qualifies eventId (not unique on its own) by account, subscription and time', async () => {
    const store = new MemoryWebhookDedupeStore();
    const { receiver: r, calls } = receiver({ dedupe: store });
    const event = hubspotWebhookEvent({ eventId: 42, occurredAt: 1_750_000_000_000 });
    expect(hubspotEventKey(event)).toBe(`62515:2418773:42:1750000000000`);
    await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, events: [event, { ...event, subscriptionId: 999 }, { ...event, portalId: 7 }] }));
    expect(calls[0]).toHaveLength(3);
    const custom = receiver({ eventKey: (e) => String(e.eventId) });
    await send(custom.receiver, signedHubSpotDelivery({ secret: SECRET, url: URL_, events: [event, { ...event, subscriptionId: 999 }] }));
    expect(custom.calls[0]).toHaveLength(1);
  });

  it('malformed JSON is 400; a body that is not a batch of events is 400 naming the field; nothing handled', async () => {
    const { receiver: r, calls } = receiver();
    expect(await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, body: '[{"eventId": 1,' }))).toMatchObject({ status: 400, body: { code: 'WEBHOOK_PAYLOAD_INVALID' } });
    const errors: unknown[] = [];
    r.events.on('delivery', (e) => errors.push(e.code));
    expect(await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, body: JSON.stringify([{ eventId: 'x' }]) }))).toMatchObject({ status: 400 });
    expect(await send(r, signedHubSpotDelivery({ secret: SECRET, url: URL_, body: JSON.stringify({ events: [] }) }))).toMatchObject({ status: 400 });
    expect(errors).toEqual(['WEBHOOK_PAYLOAD_INVALID', 'WEBHOOK_PAYLOAD_INVALID']);
    expect(calls).toEqual([]);
  });

  it('a bad clientSecret or tolerance is a VALIDATION_ERROR at construction', () => {
    expect(() => hubspotWebhookReceiver({ clientSecret: '', handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => hubspotWebhookReceiver({ clientSecret: [], handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
    expect(() => hubspotWebhookReceiver({ clientSecret: SECRET, timestampToleranceMs: 0, handler: () => undefined })).toThrow(expect.objectContaining({ code: 'VALIDATION_ERROR' }));
  });
});
