import * as z from '@cf/core/zod';
import { defineStreams, validateInput, ValidationError, type JsonValue, type StreamImplementation, type StreamReadArgs } from '@cf/core';
import type { ShopifyConnector } from './connector.js';
import { metadata } from './metadata.js';
import type { SyncableConnectionResource, SyncNode } from './resources/connection-resource.js';
import { COLLECTION_FIELDS, collectionSchema } from './resources/collections.js';
import { CUSTOMER_FIELDS, customerSchema } from './resources/customers.js';
import { INVENTORY_ITEM_FIELDS, inventoryItemSchema } from './resources/inventory.js';
import { ORDER_FIELDS, orderSchema } from './resources/orders.js';
import { PRODUCT_FIELDS, productSchema } from './resources/products.js';
import type { SyncCheckpoint } from './sync-checkpoint.js';

/**
 * The streams `sync()` (in `@cf/load`) and `cf sync shopify` land in tables, as declared in `metadata.streams`.
 *
 * Each reads its connection with the resource's default selection, but as a custom selection (`fields`): only what
 * the checkpoint is made of (`id`, `updatedAt`) is validated here, and each node reaches the sync as Shopify sent it.
 * The sync validates it against the stream's `schema()`, so one node that does not match is set aside in the rejects
 * table while the rest of its page lands.
 */

/** Changes newer than this are left for the next sync, so one Shopify has not indexed for search yet is not skipped. */
export const STREAM_LAG_MS = 30_000;

const noParamsSchema = z.lazySchema(() => z.strictObject({}));
const listCheckpointSchema = z.lazySchema(() => z.strictObject({ after: z.string().check(z.minLength(1)) }));

function checkParams(stream: string, params: StreamReadArgs['params']): void {
  validateInput(noParamsSchema, params ?? {}, `Invalid params of the shopify ${stream} stream (it takes none)`);
}

/** A stream checkpoint is the object a page carried; `changedSince`'s other starts (a date) are not one. */
function syncCheckpoint(stream: string, checkpoint: JsonValue | null): SyncCheckpoint | null {
  if (checkpoint === null || (typeof checkpoint === 'object' && !Array.isArray(checkpoint))) return checkpoint as SyncCheckpoint | null;
  throw new ValidationError({
    message: `Invalid checkpoint of the shopify ${stream} stream: save and pass back the object a page carried (or null to start over).`,
    issues: [{ path: 'checkpoint', message: 'must be an object saved from a page, or null' }],
  });
}

/**
 * A connection read incrementally: `changedSince` (sortKey UPDATED_AT, oldest first) from the saved checkpoint.
 * Within a sync each page's checkpoint holds Shopify's cursor; the last one starts the next sync at the newest
 * `updatedAt` delivered, skipping the ids already delivered there, so a record is neither lost nor repeated.
 */
function incremental(stream: string, of: (shopify: ShopifyConnector) => SyncableConnectionResource<SyncNode, string>, fields: string, schema: () => z.ZodType): StreamImplementation<ShopifyConnector> {
  return {
    schema,
    async *read(shopify, { checkpoint, params, signal }) {
      checkParams(stream, params);
      const start = syncCheckpoint(stream, checkpoint);
      // `toCheckpoint` validates a saved checkpoint (VALIDATION_ERROR naming the field) before the first request.
      const pages = of(shopify).changedSince(start, { fields, lagMs: STREAM_LAG_MS }, signal ? { signal } : {}).pages();
      for await (const page of pages) yield { items: page.items, checkpoint: page.checkpoint, hasMore: page.hasMore };
    },
  };
}

/**
 * Inventory items, read in full each sync (`inventoryItems` cannot be sorted by UPDATED_AT). Within a sync each
 * page's checkpoint holds Shopify's cursor; the last one is null: the next sync starts over.
 */
const inventoryItems: StreamImplementation<ShopifyConnector> = {
  schema: () => inventoryItemSchema,
  async *read(shopify, { checkpoint, params, signal }) {
    checkParams('inventory_items', params);
    const from = checkpoint === null ? undefined : validateInput(listCheckpointSchema, checkpoint, 'Invalid checkpoint of the shopify inventory_items stream');
    const list = shopify.inventory.list({ fields: INVENTORY_ITEM_FIELDS, ...(from ? { after: from.after } : {}) }, signal ? { signal } : {});
    for await (const page of list.pages()) {
      if (page.hasMore && page.checkpoint !== null) yield { items: page.items, checkpoint: { after: page.checkpoint }, hasMore: true };
      else yield { items: page.items, checkpoint: null, hasMore: false };
    }
  },
};

/** Binds `metadata.streams` to their implementations, for `ShopifyConnector.streams()`. */
export const shopifyStreams = defineStreams<ShopifyConnector>(metadata.streams, {
  products: incremental('products', (s) => s.products, PRODUCT_FIELDS, () => productSchema),
  orders: incremental('orders', (s) => s.orders, ORDER_FIELDS, () => orderSchema),
  customers: incremental('customers', (s) => s.customers, CUSTOMER_FIELDS, () => customerSchema),
  collections: incremental('collections', (s) => s.collections, COLLECTION_FIELDS, () => collectionSchema),
  inventory_items: inventoryItems,
});
