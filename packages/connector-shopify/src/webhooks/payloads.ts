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

export const productPayloadSchema = z.lazySchema(() => z.looseObject(productShape()));
export const orderPayloadSchema = z.lazySchema(() => z.looseObject(orderShape()));
export const customerPayloadSchema = z.lazySchema(() => z.looseObject(customerShape()));
export const collectionPayloadSchema = z.lazySchema(() => z.looseObject(collectionShape()));
export const inventoryItemPayloadSchema = z.lazySchema(() => z.looseObject(inventoryItemShape()));
export const deletedPayloadSchema = z.lazySchema(() => z.looseObject(deletedShape()));
export const customersDataRequestPayloadSchema = z.lazySchema(() => z.looseObject(dataRequestShape()));
export const customersRedactPayloadSchema = z.lazySchema(() => z.looseObject(customerRedactShape()));
export const shopRedactPayloadSchema = z.lazySchema(() => z.looseObject(shopRedactShape()));

export type ShopifyProductPayload = z.infer<typeof productPayloadSchema>;
export type ShopifyOrderPayload = z.infer<typeof orderPayloadSchema>;
export type ShopifyCustomerPayload = z.infer<typeof customerPayloadSchema>;
export type ShopifyCollectionPayload = z.infer<typeof collectionPayloadSchema>;
export type ShopifyInventoryItemPayload = z.infer<typeof inventoryItemPayloadSchema>;
export type ShopifyDeletedPayload = z.infer<typeof deletedPayloadSchema>;
export type ShopifyCustomersDataRequestPayload = z.infer<typeof customersDataRequestPayloadSchema>;
export type ShopifyCustomersRedactPayload = z.infer<typeof customersRedactPayloadSchema>;
export type ShopifyShopRedactPayload = z.infer<typeof shopRedactPayloadSchema>;
