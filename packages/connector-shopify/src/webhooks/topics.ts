import type * as z from '@cf/core/zod';
import {
  collectionPayloadSchema,
  customerPayloadSchema,
  customersDataRequestPayloadSchema,
  customersRedactPayloadSchema,
  deletedPayloadSchema,
  inventoryItemPayloadSchema,
  orderPayloadSchema,
  productPayloadSchema,
  shopRedactPayloadSchema,
  type ShopifyCollectionPayload,
  type ShopifyCustomerPayload,
  type ShopifyCustomersDataRequestPayload,
  type ShopifyCustomersRedactPayload,
  type ShopifyDeletedPayload,
  type ShopifyInventoryItemPayload,
  type ShopifyOrderPayload,
  type ShopifyProductPayload,
  type ShopifyShopRedactPayload,
} from './payloads.js';

/** The payload of each topic this package types: the connector's resources and the mandatory privacy topics. */
export interface ShopifyTopicPayloads {
  'products/create': ShopifyProductPayload;
  'products/update': ShopifyProductPayload;
  'products/delete': ShopifyDeletedPayload;
  'orders/create': ShopifyOrderPayload;
  'orders/updated': ShopifyOrderPayload;
  'orders/paid': ShopifyOrderPayload;
  'orders/cancelled': ShopifyOrderPayload;
  'orders/fulfilled': ShopifyOrderPayload;
  'orders/partially_fulfilled': ShopifyOrderPayload;
  'orders/delete': ShopifyDeletedPayload;
  'customers/create': ShopifyCustomerPayload;
  'customers/update': ShopifyCustomerPayload;
  'customers/enable': ShopifyCustomerPayload;
  'customers/disable': ShopifyCustomerPayload;
  'customers/delete': ShopifyDeletedPayload;
  'collections/create': ShopifyCollectionPayload;
  'collections/update': ShopifyCollectionPayload;
  'collections/delete': ShopifyDeletedPayload;
  'inventory_items/create': ShopifyInventoryItemPayload;
  'inventory_items/update': ShopifyInventoryItemPayload;
  'inventory_items/delete': ShopifyDeletedPayload;
  /** Mandatory for App Store apps: a customer asked the shop for their data. */
  'customers/data_request': ShopifyCustomersDataRequestPayload;
  /** Mandatory: erase a customer's data. */
  'customers/redact': ShopifyCustomersRedactPayload;
  /** Mandatory: 48 hours after uninstall, erase the shop's data. */
  'shop/redact': ShopifyShopRedactPayload;
}

export type ShopifyTopic = keyof ShopifyTopicPayloads;

/** The schema each typed topic's payload is checked against (built on first use). */
export const TOPIC_SCHEMAS: Readonly<Record<ShopifyTopic, z.ZodType>> = {
  'products/create': productPayloadSchema,
  'products/update': productPayloadSchema,
  'products/delete': deletedPayloadSchema,
  'orders/create': orderPayloadSchema,
  'orders/updated': orderPayloadSchema,
  'orders/paid': orderPayloadSchema,
  'orders/cancelled': orderPayloadSchema,
  'orders/fulfilled': orderPayloadSchema,
  'orders/partially_fulfilled': orderPayloadSchema,
  'orders/delete': deletedPayloadSchema,
  'customers/create': customerPayloadSchema,
  'customers/update': customerPayloadSchema,
  'customers/enable': customerPayloadSchema,
  'customers/disable': customerPayloadSchema,
  'customers/delete': deletedPayloadSchema,
  'collections/create': collectionPayloadSchema,
  'collections/update': collectionPayloadSchema,
  'collections/delete': deletedPayloadSchema,
  'inventory_items/create': inventoryItemPayloadSchema,
  'inventory_items/update': inventoryItemPayloadSchema,
  'inventory_items/delete': deletedPayloadSchema,
  'customers/data_request': customersDataRequestPayloadSchema,
  'customers/redact': customersRedactPayloadSchema,
  'shop/redact': shopRedactPayloadSchema,
};

export const PRIVACY_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const satisfies readonly ShopifyTopic[];

export function isTypedTopic(topic: string): topic is ShopifyTopic {
  return Object.hasOwn(TOPIC_SCHEMAS, topic);
}

/** What every delivery carries besides the payload (from its `X-Shopify-*` headers). */
export interface ShopifyWebhookHeaders {
  /** `X-Shopify-Shop-Domain`: `name.myshopify.com`. */
  shop: string;
  /** `X-Shopify-Webhook-Id`: one delivery, the same on Shopify's retries of it (the dedupe id). */
  webhookId: string;
  /** `X-Shopify-Event-Id`: the event; the same on every subscription's delivery of it. */
  eventId: string | undefined;
  /** `X-Shopify-API-Version`: the version the payload is shaped by. */
  apiVersion: string | undefined;
  /** `X-Shopify-Triggered-At`: when the event happened (ISO 8601; not signed). */
  triggeredAt: string | undefined;
  /** `X-Shopify-Sub-Topic` (some topics). */
  subTopic: string | undefined;
  /** `X-Shopify-Name`: the subscription's name, when it has one. */
  name: string | undefined;
}

/** A delivery of one typed topic. */
export type ShopifyWebhookOf<T extends ShopifyTopic> = ShopifyWebhookHeaders & { topic: T; payload: ShopifyTopicPayloads[T] };

/** A delivery of a topic this package does not type (`app/uninstalled`, `themes/publish`, …): a JSON object. */
export type ShopifyOtherWebhook = ShopifyWebhookHeaders & { topic: string; payload: Record<string, unknown> };

/** Any delivery. Narrow one with `isShopifyTopic(webhook, 'products/update')`. */
export type ShopifyWebhook = { [T in ShopifyTopic]: ShopifyWebhookOf<T> }[ShopifyTopic] | ShopifyOtherWebhook;

/** Narrows a delivery to one topic and its payload type. */
export function isShopifyTopic<T extends ShopifyTopic>(webhook: ShopifyWebhook, topic: T): webhook is ShopifyWebhookOf<T> {
  return webhook.topic === topic;
}
