import {
  importHmacKey,
  verifyHmacSha256,
  WebhookPayloadError,
  WebhookSignatureError,
  zodToValidationError,
  type WebCryptoKey,
  type WebhookDelivery,
  type WebhookSource,
} from '@cf/core';
import { deliveryHeader, requiredDeliveryHeader, signingSecretsSchema } from '@cf/core/internal';
import * as z from '@cf/core/zod';
import { EVENT_SCHEMAS, isTypedEvent, type GitHubWebhook, type GitHubWebhookHeaders } from './events.js';
import { parseSignature256 } from './signature.js';

/** Options of `githubWebhookSource`: the secrets deliveries are verified with (`X-Hub-Signature-256`). */
export interface GitHubWebhookSourceOptions {
  /**
   * The webhook's secret, as typed in its settings (repository, organization or GitHub App); several while you
   * change it (update the server first with both, then GitHub, then drop the old one).
   */
  secret: string | readonly string[];
}

/**
 * How long a delivery id is remembered by default: GitHub never retries a failed delivery by itself, but it can be
 * redelivered by hand or through the REST API for 3 days on github.com (7 days on GitHub Enterprise Server: set the
 * receiver's `dedupeTtlMs` to that there). A redelivery keeps the original `X-GitHub-Delivery`.
 */
export const GITHUB_REDELIVERY_WINDOW_MS = 3 * 24 * 3_600_000;

const SOURCE = 'github';
const FORM = 'application/x-www-form-urlencoded';


const header = deliveryHeader;
const required = (delivery: WebhookDelivery, name: string): string => requiredDeliveryHeader(delivery, name, SOURCE);

function signatureError(reason: 'missing' | 'malformed' | 'mismatch' | 'unsupported', message: string): WebhookSignatureError {
  return new WebhookSignatureError({ message, source: SOURCE, details: { reason } });
}

/**
 * The payload, from either content type a webhook can be set to: `application/json` (the body is the JSON) or
 * `application/x-www-form-urlencoded` (the JSON is the form's `payload` field). The signature was checked on the
 * raw body before, whichever it is.
 */
function payloadOf(delivery: WebhookDelivery, event: string): unknown {
  const type = (delivery.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM) return delivery.json();
  const field = new URLSearchParams(delivery.text()).get('payload');
  if (field === null) {
    throw new WebhookPayloadError({ message: `The ${FORM} body has no "payload" field (where GitHub puts the JSON payload).`, source: SOURCE, details: { reason: 'form', event } });
  }
  try {
    return JSON.parse(field) as unknown;
  } catch {
    // The parser's message quotes a piece of the payload: not in ours.
    throw new WebhookPayloadError({ message: `The form's "payload" field is not valid JSON (${field.length} characters).`, source: SOURCE, details: { reason: 'json', event } });
  }
}

/**
 * GitHub's rules for the core webhook receiver: `X-Hub-Signature-256` (`sha256=` + hex HMAC-SHA256 of the raw body
 * with the webhook's secret, compared in constant time), the event's payload typed, one event per delivery
 * deduplicated by `X-GitHub-Delivery`.
 *
 * - The legacy `X-Hub-Signature` (HMAC-SHA1) is never accepted, not even alone: GitHub sends it only beside
 *   `X-Hub-Signature-256`, for old integrations, so a delivery with SHA-1 alone was not sent that way by GitHub, and
 *   accepting it would let whoever strips the SHA-256 header downgrade the check to SHA-1.
 * - There is no timestamp check: GitHub signs no time (only the body). Replays are stopped by the delivery id, for
 *   as long as it is remembered (3 days by default, GitHub's redelivery window).
 */
export function githubWebhookSource(options: GitHubWebhookSourceOptions): WebhookSource<GitHubWebhook> {
  const parsed = z.safeParse(signingSecretsSchema, options.secret);
  if (!parsed.success) throw zodToValidationError(parsed.error, 'Invalid GitHub webhook secret', SOURCE);
  const secrets: readonly string[] = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  let keys: Promise<WebCryptoKey[]> | undefined;
  const hmacKeys = () => (keys ??= Promise.all(secrets.map((s) => importHmacKey(s))));
  return {
    name: SOURCE,
    secrets,
    retryWindowMs: GITHUB_REDELIVERY_WINDOW_MS,
    async verify(delivery) {
      const value = header(delivery, 'x-hub-signature-256');
      if (value === undefined) {
        if (header(delivery, 'x-hub-signature') !== undefined) {
          throw signatureError('unsupported', 'The delivery has only the legacy SHA-1 X-Hub-Signature header: X-Hub-Signature-256 is required (GitHub sends it beside the SHA-1 one whenever the webhook has a secret).');
        }
        throw signatureError('missing', 'The X-Hub-Signature-256 header is missing (GitHub signs deliveries only when the webhook has a secret).');
      }
      const digest = parseSignature256(value);
      if (!digest) throw signatureError('malformed', 'The X-Hub-Signature-256 header is not "sha256=" followed by 64 hex digits.');
      if (!(await verifyHmacSha256(await hmacKeys(), delivery.body, digest))) {
        throw signatureError('mismatch', 'The X-Hub-Signature-256 header does not match the raw body (signed with another secret, or the body changed on the way: mount the receiver before any body parser).');
      }
    },
    parse(delivery) {
      const event = required(delivery, 'x-github-event');
      const headers: GitHubWebhookHeaders = {
        deliveryId: required(delivery, 'x-github-delivery'),
        hookId: header(delivery, 'x-github-hook-id'),
        installationTargetType: header(delivery, 'x-github-hook-installation-target-type'),
        installationTargetId: header(delivery, 'x-github-hook-installation-target-id'),
      };
      const body = payloadOf(delivery, event);
      let payload: unknown = body;
      if (isTypedEvent(event)) {
        const result = z.safeParse(EVENT_SCHEMAS[event], body);
        if (!result.success) {
          const { issues, message } = zodToValidationError(result.error, `The body is not a ${event} payload`, SOURCE);
          throw new WebhookPayloadError({ message, source: SOURCE, issues, details: { reason: 'schema', event } });
        }
        payload = result.data;
      } else if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new WebhookPayloadError({ message: `The payload of a ${event.slice(0, 64)} delivery is not a JSON object.`, source: SOURCE, details: { reason: 'schema', event } });
      }
      const action = (payload as { action?: unknown }).action;
      const webhook = { ...headers, event, action: typeof action === 'string' ? action : undefined, payload } as GitHubWebhook;
      return [{ id: `delivery:${headers.deliveryId}`, event: webhook }];
    },
  };
}
