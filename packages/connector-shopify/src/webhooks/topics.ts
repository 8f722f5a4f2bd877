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
  /** A product was created: the payload is the product as Shopify's webhook (REST-shaped) JSON. */
  'products/create': ShopifyProductPayload;
  /** A product was updated: the payload is the product as Shopify's webhook (REST-shaped) JSON. */
  'products/update': ShopifyProductPayload;
  /** A product was deleted: the payload holds only its `id` and `admin_graphql_api_id`. */
  'products/delete': ShopifyDeletedPayload;
  /** An order was created: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/create': ShopifyOrderPayload;
  /** An order was updated: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/updated': ShopifyOrderPayload;
  /** An order was paid: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/paid': ShopifyOrderPayload;
  /** An order was cancelled: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/cancelled': ShopifyOrderPayload;
  /** An order was fulfilled: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/fulfilled': ShopifyOrderPayload;
  /** An order was partly fulfilled: the payload is the order as Shopify's webhook (REST-shaped) JSON. */
  'orders/partially_fulfilled': ShopifyOrderPayload;
  /** An order was deleted: the payload holds only its `id` and `admin_graphql_api_id`. */
  'orders/delete': ShopifyDeletedPayload;
  /** A customer was created: the payload is the customer as Shopify's webhook (REST-shaped) JSON. */
  'customers/create': ShopifyCustomerPayload;
  /** A customer was updated: the payload is the customer as Shopify's webhook (REST-shaped) JSON. */
  'customers/update': ShopifyCustomerPayload;
  /** A customer's account was enabled: the payload is the customer as Shopify's webhook (REST-shaped) JSON. */
  'customers/enable': ShopifyCustomerPayload;
  /** A customer's account was disabled: the payload is the customer as Shopify's webhook (REST-shaped) JSON. */
  'customers/disable': ShopifyCustomerPayload;
  /** A customer was deleted: the payload holds only its `id` and `admin_graphql_api_id`. */
  'customers/delete': ShopifyDeletedPayload;
  /** A collection was created: the payload is the collection as Shopify's webhook (REST-shaped) JSON. */
  'collections/create': ShopifyCollectionPayload;
  /** A collection was updated: the payload is the collection as Shopify's webhook (REST-shaped) JSON. */
  'collections/update': ShopifyCollectionPayload;
  /** A collection was deleted: the payload holds only its `id` and `admin_graphql_api_id`. */
  'collections/delete': ShopifyDeletedPayload;
  /** An inventory item was created: the payload is the inventory item as Shopify's webhook (REST-shaped) JSON. */
  'inventory_items/create': ShopifyInventoryItemPayload;
  /** An inventory item was updated: the payload is the inventory item as Shopify's webhook (REST-shaped) JSON. */
  'inventory_items/update': ShopifyInventoryItemPayload;
  /** An inventory item was deleted: the payload holds only its `id` and `admin_graphql_api_id`. */
  'inventory_items/delete': ShopifyDeletedPayload;
  /** Mandatory for App Store apps: a customer asked the shop for their data. */
  'customers/data_request': ShopifyCustomersDataRequestPayload;
  /** Mandatory: erase a customer's data. */
  'customers/redact': ShopifyCustomersRedactPayload;
  /** Mandatory: 48 hours after uninstall, erase the shop's data. */
  'shop/redact': ShopifyShopRedactPayload;
}

/** A topic this package types (a key of `ShopifyTopicPayloads`). */
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

/** The mandatory privacy (GDPR) topics every App Store app must handle. */
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
export type ShopifyWebhookOf<T extends ShopifyTopic> = ShopifyWebhookHeaders & {
  /** `X-Shopify-Topic`. */
  topic: T;
  /** The body, parsed and checked against the topic's schema (unknown fields pass through). */
  payload: ShopifyTopicPayloads[T];
};

/** A delivery of a topic this package does not type (`app/uninstalled`, `themes/publish`, …): a JSON object. */
export type ShopifyOtherWebhook = ShopifyWebhookHeaders & {
  /** `X-Shopify-Topic`. */
  topic: string;
  /** The body, parsed as JSON (not checked further). */
  payload: Record<string, unknown>;
};

/** Any delivery. Narrow one with `isShopifyTopic(webhook, 'products/update')`. */
export type ShopifyWebhook = { [T in ShopifyTopic]: ShopifyWebhookOf<T> }[ShopifyTopic] | ShopifyOtherWebhook;

/** Narrows a delivery to one topic and its payload type. */
export function isShopifyTopic<T extends ShopifyTopic>(webhook: ShopifyWebhook, topic: T): webhook is ShopifyWebhookOf<T> {
  return webhook.topic === topic;
}
