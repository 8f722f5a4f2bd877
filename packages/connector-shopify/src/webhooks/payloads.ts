import * as z from '@cf/core/zod';

/**
 * Webhook payloads are REST resources (snake_case, numeric ids, money as decimal strings), not the GraphQL nodes
 * the connector's resources read: `admin_graphql_api_id` is the record's GID, the `id` streams and resources use.
 * From Shopify's webhook reference. Loose objects; only `id` is required on resource topics (a subscription's
 * `include_fields` may leave the rest out). Ids are JSON numbers, as Shopify sends them.
 */

const nullableString = () => z.optional(z.nullable(z.string()));
const gid = () => z.optional(z.string());

const variantShape = () => ({
  id: z.number(),
  product_id: z.optional(z.number()),
  title: z.optional(z.string()),
  price: z.optional(z.string()),
  sku: nullableString(),
  inventory_item_id: z.optional(z.nullable(z.number())),
  inventory_quantity: z.optional(z.nullable(z.number())),
  updated_at: z.optional(z.string()),
  admin_graphql_api_id: gid(),
});

const productShape = () => ({
  id: z.number(),
  admin_graphql_api_id: gid(),
  title: z.optional(z.string()),
  handle: z.optional(z.string()),
  /** `active`, `archived` or `draft`. */
  status: z.optional(z.string()),
  vendor: z.optional(z.string()),
  product_type: z.optional(z.string()),
  body_html: nullableString(),
  /** Comma-separated. */
  tags: z.optional(z.string()),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
  published_at: nullableString(),
  variants: z.optional(z.array(z.looseObject(variantShape()))),
});

const lineItemShape = () => ({
  id: z.number(),
  title: z.optional(z.string()),
  quantity: z.optional(z.number()),
  sku: nullableString(),
  price: z.optional(z.string()),
  product_id: z.optional(z.nullable(z.number())),
  variant_id: z.optional(z.nullable(z.number())),
  admin_graphql_api_id: gid(),
});

const customerShape = () => ({
  id: z.number(),
  admin_graphql_api_id: gid(),
  email: nullableString(),
  first_name: nullableString(),
  last_name: nullableString(),
  phone: nullableString(),
  /** `enabled`, `disabled`, `invited`, `declined`. */
  state: z.optional(z.string()),
  tags: z.optional(z.string()),
  verified_email: z.optional(z.boolean()),
  currency: z.optional(z.string()),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
});

const orderShape = () => ({
  id: z.number(),
  admin_graphql_api_id: gid(),
  /** `#1001`. */
  name: z.optional(z.string()),
  order_number: z.optional(z.number()),
  email: nullableString(),
  currency: z.optional(z.string()),
  total_price: z.optional(z.string()),
  subtotal_price: z.optional(z.string()),
  total_tax: z.optional(z.string()),
  financial_status: nullableString(),
  fulfillment_status: nullableString(),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
  processed_at: nullableString(),
  cancelled_at: nullableString(),
  closed_at: nullableString(),
  customer: z.optional(z.nullable(z.looseObject({ id: z.number(), email: nullableString(), admin_graphql_api_id: gid() }))),
  line_items: z.optional(z.array(z.looseObject(lineItemShape()))),
});

const collectionShape = () => ({
  id: z.number(),
  admin_graphql_api_id: gid(),
  handle: z.optional(z.string()),
  title: z.optional(z.string()),
  body_html: nullableString(),
  sort_order: z.optional(z.string()),
  published_scope: z.optional(z.string()),
  published_at: nullableString(),
  updated_at: z.optional(z.string()),
});

const inventoryItemShape = () => ({
  id: z.number(),
  admin_graphql_api_id: gid(),
  sku: nullableString(),
  /** Unit cost, a decimal string. */
  cost: nullableString(),
  tracked: z.optional(z.boolean()),
  requires_shipping: z.optional(z.boolean()),
  country_code_of_origin: nullableString(),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
});

/** The delete topics (`products/delete`, …) send the id (and, for some, the GID) of what is gone. */
const deletedShape = () => ({ id: z.number(), admin_graphql_api_id: gid() });

/** The customer a privacy request is about. */
const privacyCustomerShape = () => ({ id: z.number(), email: nullableString(), phone: nullableString() });

const dataRequestShape = () => ({
  shop_id: z.number(),
  shop_domain: z.string(),
  customer: z.looseObject(privacyCustomerShape()),
  orders_requested: z.optional(z.array(z.number())),
  data_request: z.optional(z.looseObject({ id: z.number() })),
});

const customerRedactShape = () => ({
  shop_id: z.number(),
  shop_domain: z.string(),
  customer: z.looseObject(privacyCustomerShape()),
  orders_to_redact: z.optional(z.array(z.number())),
});

const shopRedactShape = () => ({ shop_id: z.number(), shop_domain: z.string() });

/** The zod schema of a `products/*` webhook payload (REST-shaped product); unknown fields pass through. */
export const productPayloadSchema = z.lazySchema(() => z.looseObject(productShape()));
/** The zod schema of an `orders/*` webhook payload (REST-shaped order); unknown fields pass through. */
export const orderPayloadSchema = z.lazySchema(() => z.looseObject(orderShape()));
/** The zod schema of a `customers/*` webhook payload (REST-shaped customer); unknown fields pass through. */
export const customerPayloadSchema = z.lazySchema(() => z.looseObject(customerShape()));
/** The zod schema of a `collections/*` webhook payload (REST-shaped collection); unknown fields pass through. */
export const collectionPayloadSchema = z.lazySchema(() => z.looseObject(collectionShape()));
/** The zod schema of an `inventory_items/*` webhook payload; unknown fields pass through. */
export const inventoryItemPayloadSchema = z.lazySchema(() => z.looseObject(inventoryItemShape()));
/** The zod schema of a `<resource>/delete` webhook payload: the numeric `id` and `admin_graphql_api_id`. */
export const deletedPayloadSchema = z.lazySchema(() => z.looseObject(deletedShape()));
/** The zod schema of the `customers/data_request` privacy webhook payload. */
export const customersDataRequestPayloadSchema = z.lazySchema(() => z.looseObject(dataRequestShape()));
/**
 * The zod schema of the `customers/redact` privacy webhook payload: `shop_id`, `shop_domain`, the `customer`, and
 * `orders_to_redact`.
 */
export const customersRedactPayloadSchema = z.lazySchema(() => z.looseObject(customerRedactShape()));
/** The zod schema of the `shop/redact` privacy webhook payload: `shop_id` and `shop_domain`. */
export const shopRedactPayloadSchema = z.lazySchema(() => z.looseObject(shopRedactShape()));

/** A `products/create` or `products/update` payload. */
export type ShopifyProductPayload = z.infer<typeof productPayloadSchema>;
/** An `orders/*` payload (create, updated, paid, cancelled, fulfilled, partially_fulfilled). */
export type ShopifyOrderPayload = z.infer<typeof orderPayloadSchema>;
/** A `customers/*` payload (create, update, enable, disable). */
export type ShopifyCustomerPayload = z.infer<typeof customerPayloadSchema>;
/** A `collections/create` or `collections/update` payload. */
export type ShopifyCollectionPayload = z.infer<typeof collectionPayloadSchema>;
/** An `inventory_items/create` or `inventory_items/update` payload. */
export type ShopifyInventoryItemPayload = z.infer<typeof inventoryItemPayloadSchema>;
/** A `<resource>/delete` payload: the deleted record's numeric `id` and `admin_graphql_api_id` (its GID). */
export type ShopifyDeletedPayload = z.infer<typeof deletedPayloadSchema>;
/** The `customers/data_request` payload: the shop, the customer, and the orders requested. */
export type ShopifyCustomersDataRequestPayload = z.infer<typeof customersDataRequestPayloadSchema>;
/** The `customers/redact` payload: the shop, the customer to erase, and `orders_to_redact`. */
export type ShopifyCustomersRedactPayload = z.infer<typeof customersRedactPayloadSchema>;
/** The `shop/redact` payload: `shop_id` and `shop_domain`. */
export type ShopifyShopRedactPayload = z.infer<typeof shopRedactPayloadSchema>;
