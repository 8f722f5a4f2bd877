import { utf8Bytes } from '@cf/core/internal';
import type { HubSpotWebhookEvent } from '../webhooks/events.js';
import { hubspotLegacySignature, hubspotSignatureV3 } from '../webhooks/signature.js';

/**
 * Signed HubSpot webhook deliveries, for testing a handler offline: what HubSpot would send to your endpoint,
 * signed with your app's client secret, or deliberately broken (tampered, stale, unsigned).
 */

let nextEventId = 100_000;

/** A webhook event with realistic defaults (a new `contact.creation` in account 62515); override any field. */
export function hubspotWebhookEvent(fields: Partial<HubSpotWebhookEvent> = {}): HubSpotWebhookEvent {
  nextEventId += 1;
  return {
    eventId: nextEventId,
    subscriptionId: 2_418_773,
    portalId: 62_515,
    appId: 1_160_452,
    occurredAt: Date.now(),
    subscriptionType: 'contact.creation',
    attemptNumber: 0,
    objectId: 512,
    changeFlag: 'CREATED',
    changeSource: 'CRM_UI',
    sourceId: 'userId:4810214',
    ...fields,
  };
}

/**
 * Options of `signedHubSpotDelivery`: a webhook delivery (a `Request`) signed as HubSpot signs it, or broken on
 * purpose.
 */
export interface SignedHubSpotDeliveryOptions {
  /** The app's client secret to sign with. */
  secret: string;
  /** Your endpoint's URL, as HubSpot calls it (what v3 and v2 sign). */
  url: string;
  /** The batch: events, each completed by `hubspotWebhookEvent`. */
  events?: Array<Partial<HubSpotWebhookEvent>>;
  /** The raw body instead (e.g. malformed JSON); `events` is then ignored. */
  body?: string;
  /** `X-HubSpot-Request-Timestamp`, epoch ms. A stale delivery: `Date.now() - 6 * 60_000`. @default Date.now() */
  timestamp?: number;
  /**
   * - `v3` (the default): `X-HubSpot-Signature-v3` + timestamp, and the v1 headers beside it, as HubSpot sends;
   * - `v2` / `v1`: only `X-HubSpot-Signature` and `X-HubSpot-Signature-Version` (old apps, workflows);
   * - `none`: unsigned.
   */
  signature?: 'v3' | 'v2' | 'v1' | 'none';
  /** Break it after signing: `body` changes one character, `signature` another signature. */
  tamper?: 'body' | 'signature';
  /** @default 'POST' */
  method?: string;
  /** Extra request headers, set last (they may replace the signature headers). */
  headers?: Record<string, string>;
}

function tamperedBody(body: string): string {
  const i = body.search(/[0-9]/);
  if (i >= 0) return `${body.slice(0, i)}${body[i] === '9' ? '8' : '9'}${body.slice(i + 1)}`;
  return `${body} `;
}

/** A web `Request` as HubSpot would send it: `await fetch(await signedHubSpotDelivery({...}))`, or pass it to `receiver.fetch`. */
export async function signedHubSpotDelivery(options: SignedHubSpotDeliveryOptions): Promise<Request> {
  const method = options.method ?? 'POST';
  const body = options.body ?? JSON.stringify((options.events ?? [{}]).map((e) => hubspotWebhookEvent(e)));
  const bytes = utf8Bytes(body);
  const timestamp = String(options.timestamp ?? Date.now());
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/)' };
  const version = options.signature ?? 'v3';
  if (version === 'v3') {
    headers['x-hubspot-signature-v3'] = await hubspotSignatureV3({ secret: options.secret, method, url: options.url, body: bytes, timestamp });
    headers['x-hubspot-request-timestamp'] = timestamp;
  }
  if (version !== 'none') {
    const legacy = version === 'v2' ? 'v2' : 'v1';
    headers['x-hubspot-signature'] = await hubspotLegacySignature(legacy, { secret: options.secret, method, url: options.url, body: bytes });
    headers['x-hubspot-signature-version'] = legacy;
  }
  if (options.tamper === 'signature') {
    const other = await hubspotSignatureV3({ secret: `${options.secret}-not`, method, url: options.url, body: bytes, timestamp });
    if (headers['x-hubspot-signature-v3']) headers['x-hubspot-signature-v3'] = other;
    if (headers['x-hubspot-signature']) headers['x-hubspot-signature'] = headers['x-hubspot-signature'].replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  }
  const sent = options.tamper === 'body' ? tamperedBody(body) : body;
  return new Request(options.url, { method, headers: { ...headers, ...options.headers }, ...(method === 'GET' || method === 'HEAD' ? {} : { body: sent }) });
}
