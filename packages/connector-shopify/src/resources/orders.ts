import * as z from '@cf/core/zod';
import type { ShopifyContext } from '../context.js';
import { gidSchema } from '../gid.js';
import { currencyCode, dateTime, moneyBagSchema } from '../schemas.js';
import { SyncableConnectionResource } from './connection-resource.js';

/**
 * https://shopify.dev/docs/api/admin-graphql/2025-07/objects/Order. Money stays a decimal string with its
 * currency (`currentTotalPriceSet.shopMoney.amount`). Without the `read_all_orders` scope Shopify shows
 * only the last 60 days of orders.
 */
export const orderSchema = z.lazySchema(() => z.looseObject({
  id: gidSchema('Order'),
  name: z.string(),
  createdAt: dateTime,
  updatedAt: dateTime,
  processedAt: dateTime,
  cancelledAt: z.nullable(dateTime),
  displayFinancialStatus: z.nullable(z.string()),
  displayFulfillmentStatus: z.string(),
  currencyCode,
  test: z.boolean(),
  currentTotalPriceSet: moneyBagSchema,
  customer: z.nullable(z.looseObject({ id: gidSchema('Customer') })),
}));
/**
 * An order as the default selection reads it: `name`, dates (created, updated, processed, cancelled), financial and
 * fulfillment statuses, `currencyCode`, `test`, `currentTotalPriceSet` (shop and presentment money) and `customer {
 * id }`.
 */
export type Order = z.infer<typeof orderSchema>;

/** Default node selection: 5 points per order, so pages hold 199 orders (997 points). */
export const ORDER_FIELDS =
  'id name createdAt updatedAt processedAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode test ' +
  'currentTotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } customer { id }';

/** The `sortKey` values `orders.list()` accepts (Shopify's `OrderSortKeys`). */
export const ORDER_SORT_KEYS = [
  'CREATED_AT',
  'CUSTOMER_NAME',
  'FINANCIAL_STATUS',
  'FULFILLMENT_STATUS',
  'ID',
  'ORDER_NUMBER',
  'PROCESSED_AT',
  'RELEVANCE',
  'TOTAL_PRICE',
  'UPDATED_AT',
] as const;
/** One of `ORDER_SORT_KEYS`. */
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];

/** Orders: `list`, `get` and `changedSince` (read-only here; order edits go through `graphql()`). */
export class Orders extends SyncableConnectionResource<Order, OrderSortKey> {
  constructor(ctx: ShopifyContext) {
    super(ctx, {
      root: 'orders',
      single: 'order',
      type: 'Order',
      sort: { type: 'OrderSortKeys', keys: ORDER_SORT_KEYS },
      fields: ORDER_FIELDS,
      node: orderSchema,
    });
  }
}
