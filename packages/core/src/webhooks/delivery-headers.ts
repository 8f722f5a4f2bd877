import { WebhookPayloadError } from '../errors/webhook-errors.js';
import * as z from '../schema/zod.js';
import type { WebhookDelivery } from './webhook-delivery.js';

/** A delivery's header, trimmed; undefined when absent or blank. */
export function deliveryHeader(delivery: WebhookDelivery, name: string): string | undefined {
  const value = delivery.headers.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A header the API always sends: its absence is a 400 (`WEBHOOK_PAYLOAD_INVALID`, reason `header`), never a default. */
export function requiredDeliveryHeader(delivery: WebhookDelivery, name: string, source: string): string {
  const value = deliveryHeader(delivery, name);
  if (value === undefined) {
    throw new WebhookPayloadError({ message: `The ${name} header is missing.`, source, issues: [{ path: name, message: 'is required' }], details: { reason: 'header' } });
  }
  return value;
}

/** One signing secret, or several while rotating: none empty. */
export const signingSecretsSchema = z.lazySchema(() =>
  z.union([z.string().check(z.minLength(1, 'must not be empty')), z.array(z.string().check(z.minLength(1, 'must not be empty'))).check(z.minLength(1, 'give at least one secret'))]),
);
