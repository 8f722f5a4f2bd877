import { WebhookReceiver, type WebhookReceiverOptions } from '@cf/core';
import type { HubSpotWebhookEvent } from './events.js';
import { hubspotWebhookSource, type HubSpotWebhookSourceOptions } from './source.js';

/**
 * Options of `hubspotWebhookReceiver`: the source's (client secret, URL, timestamp tolerance) and the receiver's
 * (handler, dedupe store…).
 */
export type HubSpotWebhookReceiverOptions = HubSpotWebhookSourceOptions & Omit<WebhookReceiverOptions<HubSpotWebhookEvent>, 'source'>;

/**
 * A receiver for HubSpot's webhooks: `receiver.fetch(request)` (Hono, Bun, Deno, workers) or
 * `toNodeListener(receiver)` (Node's http, Express). Verifies signature v3 and its 5-minute timestamp on the raw
 * body, then hands the handler the batch's events not handled before (each event deduplicated on its own).
 *
 * ```ts
 * const receiver = hubspotWebhookReceiver({
 *   clientSecret: process.env.HUBSPOT_CLIENT_SECRET!,
 *   url: 'https://hooks.example.com/webhooks/hubspot', // as set in the app's webhook settings
 *   handler: async (events) => { for (const e of events) if (isHubSpotEvent(e, 'contact.propertyChange')) ... },
 * });
 * ```
 */
export function hubspotWebhookReceiver(options: HubSpotWebhookReceiverOptions): WebhookReceiver<HubSpotWebhookEvent> {
  const { clientSecret, url, timestampToleranceMs, legacySignatures, eventKey, ...receiver } = options;
  const source = hubspotWebhookSource({
    clientSecret,
    ...(url === undefined ? {} : { url }),
    ...(timestampToleranceMs === undefined ? {} : { timestampToleranceMs }),
    ...(legacySignatures === undefined ? {} : { legacySignatures }),
    ...(eventKey === undefined ? {} : { eventKey }),
  });
  return new WebhookReceiver({ ...receiver, source });
}
