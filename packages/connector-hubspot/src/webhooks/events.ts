import * as z from '@cf/core/zod';

/**
 * The events of a HubSpot webhook delivery (Webhooks API: a JSON array of up to 100 events). Fields from HubSpot's
 * "Webhooks API" payload table; loose objects, so fields HubSpot adds later pass through. `eventId`,
 * `subscriptionId`, `portalId`, `occurredAt` and `subscriptionType` are always sent; the rest depend on the type.
 */
const eventShape = () => ({
  /** The event's id. HubSpot documents it as not guaranteed unique on its own (see `hubspotEventKey`). */
  eventId: z.number(),
  subscriptionId: z.number(),
  /** The HubSpot account (hub id). */
  portalId: z.number(),
  appId: z.optional(z.number()),
  /** When the change happened, epoch ms. */
  occurredAt: z.number(),
  /** `contact.creation`, `deal.propertyChange`, … (`<object>.<change>`). */
  subscriptionType: z.string(),
  /** 0 on the first delivery, then 1, 2, … on HubSpot's retries. */
  attemptNumber: z.optional(z.number()),
  /** The record created, changed, deleted or restored. */
  objectId: z.optional(z.number()),
  /** For the generic `object.*` subscriptions: the object type (`0-1` contacts, `2-…` custom objects). */
  objectTypeId: z.optional(z.string()),
  /** `*.propertyChange`: the property and its new value (always a string, as HubSpot stores it). */
  propertyName: z.optional(z.string()),
  propertyValue: z.optional(z.string()),
  /** What made the change: `CRM_UI`, `API`, `IMPORT`, `INTEGRATION`, `WORKFLOWS`, … */
  changeSource: z.optional(z.string()),
  /** `CREATED`, `DELETED`, `MERGED`, `RESTORED`, … */
  changeFlag: z.optional(z.string()),
  sourceId: z.optional(z.string()),
  /** `*.merge`: the record kept, the records merged into it, the new record id. */
  primaryObjectId: z.optional(z.number()),
  mergedObjectIds: z.optional(z.array(z.number())),
  newObjectId: z.optional(z.number()),
  numberOfPropertiesMoved: z.optional(z.number()),
  /** `*.associationChange`. */
  associationType: z.optional(z.string()),
  fromObjectId: z.optional(z.number()),
  toObjectId: z.optional(z.number()),
  associationRemoved: z.optional(z.boolean()),
  isPrimaryAssociation: z.optional(z.boolean()),
  /** `conversation.*`. */
  messageId: z.optional(z.string()),
  messageType: z.optional(z.string()),
});

/**
 * The zod schema of one webhook event (`eventId`, `subscriptionId`, `portalId`, `appId`, `occurredAt`,
 * `subscriptionType`, `attemptNumber`, and each change's fields); unknown fields pass through.
 */
export const hubspotWebhookEventSchema = z.lazySchema(() => z.looseObject(eventShape()));

/** A delivery's body: an array of events. */
export const hubspotWebhookBatchSchema = z.lazySchema(() => z.array(hubspotWebhookEventSchema));

/** CRM objects HubSpot's Webhooks API subscribes to. */
export type HubSpotWebhookObject = 'contact' | 'company' | 'deal' | 'ticket' | 'product' | 'line_item';
/** The changes each object reports. */
export type HubSpotWebhookChange = 'creation' | 'deletion' | 'propertyChange' | 'associationChange' | 'merge' | 'restore' | 'privacyDeletion';
/** `contact.creation`, `deal.propertyChange`, … */
export type HubSpotSubscriptionType = `${HubSpotWebhookObject}.${HubSpotWebhookChange}`;

type KnownEvent = z.infer<z.ZodObject<ReturnType<typeof eventShape>>>;

/** One event of a delivery. `subscriptionType` is a string: HubSpot adds types (conversation.*, object.*). */
export type HubSpotWebhookEvent = KnownEvent & { [key: string]: unknown };

/** The fields each change always carries. */
interface ChangeFields {
  creation: { objectId: number };
  deletion: { objectId: number };
  restore: { objectId: number };
  privacyDeletion: { objectId: number };
  propertyChange: { objectId: number; propertyName: string; propertyValue: string };
  associationChange: { fromObjectId: number; toObjectId: number; associationType: string; associationRemoved: boolean };
  merge: { primaryObjectId: number; mergedObjectIds: number[] };
}

/** The event of one subscription type, with the fields that type always carries. */
export type HubSpotEventOf<T extends HubSpotSubscriptionType> = HubSpotWebhookEvent & {
  /** The subscription type this event is narrowed to. */
  subscriptionType: T;
} & (T extends `${string}.${infer C extends keyof ChangeFields}` ? ChangeFields[C] : object);

/** Narrows an event to one subscription type: `if (isHubSpotEvent(e, 'contact.propertyChange')) e.propertyName`. */
export function isHubSpotEvent<T extends HubSpotSubscriptionType>(event: HubSpotWebhookEvent, type: T): event is HubSpotEventOf<T> {
  return event.subscriptionType === type;
}

/**
 * The id an event is deduplicated by: HubSpot documents `eventId` as not guaranteed unique on its own, so it is
 * qualified by the account, the subscription and the time of the change, which HubSpot's retries of the same event
 * repeat unchanged (only `attemptNumber` grows).
 */
export function hubspotEventKey(event: HubSpotWebhookEvent): string {
  return `${event.portalId}:${event.subscriptionId}:${event.eventId}:${event.occurredAt}`;
}
