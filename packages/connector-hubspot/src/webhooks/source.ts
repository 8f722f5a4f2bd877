import {
  checkTimestamp,
  importHmacKey,
  sha256,
  timingSafeEqual,
  ValidationError,
  verifyHmacSha256,
  WebhookPayloadError,
  WebhookSignatureError,
  zodToValidationError,
  type WebCryptoKey,
  type WebhookDelivery,
  type WebhookSource,
} from '@cf/core';
import { base64ToBytes, hexToBytes, signingSecretsSchema } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import { hubspotEventKey, hubspotWebhookBatchSchema, type HubSpotWebhookEvent } from './events.js';
import { legacySignedBytes, v3SignedBytes } from './signature.js';

/** Options of `hubspotWebhookSource`: how deliveries are verified and deduplicated. */
export interface HubSpotWebhookSourceOptions {
  /** The app's client secret; several while you rotate it (a delivery signed with any of them passes). */
  clientSecret: string | readonly string[];
  /**
   * The URL HubSpot calls, as set in the app's webhook settings: v3 and v2 sign it, so behind a proxy or a load
   * balancer (where the server sees `http://10.0.0.5:3000/...`) give it here. A function gets the request's URL and
   * headers. @default the request's URL
   */
  url?: string | ((request: { url: string; headers: Headers }) => string);
  /** How far `X-HubSpot-Request-Timestamp` may be from now, in either direction. @default 300000 (HubSpot's 5 minutes) */
  timestampToleranceMs?: number;
  /**
   * Also accept v1/v2 signatures (`X-HubSpot-Signature`) when a delivery has no v3 header. They sign no timestamp, so
   * a captured delivery stays valid forever (dedupe still drops it while its id is remembered). A delivery that has a
   * v3 header is always verified by v3 alone, so stripping it cannot downgrade a delivery. @default false
   */
  legacySignatures?: boolean;
  /** The id an event is deduplicated by. @default hubspotEventKey (account, subscription, event id, time) */
  eventKey?: (event: HubSpotWebhookEvent) => string;
}

/** HubSpot retries a failed delivery up to 10 times over the next 24 hours. */
export const HUBSPOT_RETRY_WINDOW_MS = 24 * 3_600_000;
/** HubSpot's documented limit on the age of `X-HubSpot-Request-Timestamp`. */
export const HUBSPOT_TIMESTAMP_TOLERANCE_MS = 300_000;

const SOURCE = 'hubspot';


function signatureError(reason: string, message: string): WebhookSignatureError {
  return new WebhookSignatureError({ message, source: SOURCE, details: { reason } });
}

/**
 * HubSpot's rules for the core webhook receiver: signature v3 (v1/v2 when enabled) over the raw body, the request
 * timestamp within 5 minutes, and the body's events, each deduplicated by its own id (`eventKey`).
 */
export function hubspotWebhookSource(options: HubSpotWebhookSourceOptions): WebhookSource<HubSpotWebhookEvent> {
  const parsed = z.safeParse(signingSecretsSchema, options.clientSecret);
  if (!parsed.success) throw zodToValidationError(parsed.error, 'Invalid HubSpot webhook clientSecret', SOURCE);
  const secrets: readonly string[] = typeof options.clientSecret === 'string' ? [options.clientSecret] : [...options.clientSecret];
  const tolerance = options.timestampToleranceMs ?? HUBSPOT_TIMESTAMP_TOLERANCE_MS;
  if (!(tolerance > 0)) throw new ValidationError({ message: 'timestampToleranceMs must be positive.', source: SOURCE, issues: [{ path: 'timestampToleranceMs', message: 'must be positive' }] });
  let keys: Promise<WebCryptoKey[]> | undefined;
  const hmacKeys = () => (keys ??= Promise.all(secrets.map((s) => importHmacKey(s))));
  const signedUrl = (delivery: WebhookDelivery): string =>
    typeof options.url === 'function' ? options.url({ url: delivery.url, headers: delivery.headers }) : (options.url ?? delivery.url);
  const eventKey = options.eventKey ?? hubspotEventKey;

  async function verifyV3(delivery: WebhookDelivery, signature: string, now: number): Promise<void> {
    const timestamp = delivery.headers.get('x-hubspot-request-timestamp');
    const timestampMs = timestamp === null ? undefined : /^\d+$/.test(timestamp.trim()) ? Number(timestamp) : Number.NaN;
    checkTimestamp({ timestampMs, now, toleranceMs: tolerance, header: 'X-HubSpot-Request-Timestamp', source: SOURCE });
    const bytes = base64ToBytes(signature);
    if (!bytes) throw signatureError('malformed', 'The X-HubSpot-Signature-v3 header is not base64.');
    const data = v3SignedBytes(delivery.method, signedUrl(delivery), delivery.body, timestamp ?? '');
    if (!(await verifyHmacSha256(await hmacKeys(), data, bytes))) {
      throw signatureError('mismatch', 'The X-HubSpot-Signature-v3 header does not match this request (method, URL, raw body and timestamp). Behind a proxy, set `url` to the URL configured in HubSpot.');
    }
  }

  async function verifyLegacy(delivery: WebhookDelivery, signature: string): Promise<void> {
    const version = (delivery.headers.get('x-hubspot-signature-version') ?? 'v1').trim().toLowerCase();
    if (version !== 'v1' && version !== 'v2') throw signatureError('unsupported', `X-HubSpot-Signature-Version "${version.slice(0, 8)}" is not v1 or v2.`);
    const expected = hexToBytes(signature);
    if (!expected) throw signatureError('malformed', 'The X-HubSpot-Signature header is not hex.');
    const candidates = await Promise.all(secrets.map((secret) => sha256(legacySignedBytes(version, secret, delivery.method, signedUrl(delivery), delivery.body))));
    let matched = false;
    for (const candidate of candidates) matched = timingSafeEqual(candidate, expected) || matched;
    if (!matched) throw signatureError('mismatch', `The X-HubSpot-Signature (${version}) header does not match this request.`);
  }

  return {
    name: SOURCE,
    secrets,
    retryWindowMs: HUBSPOT_RETRY_WINDOW_MS,
    async verify(delivery, now) {
      const v3 = delivery.headers.get('x-hubspot-signature-v3');
      if (v3 !== null) return verifyV3(delivery, v3, now);
      const legacy = delivery.headers.get('x-hubspot-signature');
      if (legacy === null) throw signatureError('missing', 'The delivery has no X-HubSpot-Signature-v3 header.');
      if (!options.legacySignatures) {
        throw signatureError('unsupported', 'The delivery has only a v1/v2 X-HubSpot-Signature (no timestamp, replayable); set legacySignatures: true to accept it.');
      }
      return verifyLegacy(delivery, legacy);
    },
    parse(delivery) {
      const result = z.safeParse(hubspotWebhookBatchSchema, delivery.json());
      if (!result.success) {
        const { issues, message } = zodToValidationError(result.error, 'The body is not a HubSpot webhook batch', SOURCE);
        throw new WebhookPayloadError({ message, source: SOURCE, issues, details: { reason: 'schema' } });
      }
      return result.data.map((event: HubSpotWebhookEvent) => ({ id: eventKey(event), event }));
    },
  };
}
