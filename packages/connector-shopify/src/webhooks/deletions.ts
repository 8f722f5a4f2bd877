import { isGid, toGid, type Gid } from '../gid.js';
import type { ShopifyWebhook } from './topics.js';

/** A record a delete delivery (`products/delete`, …) says is gone, keyed like the connector's stream of it. */
export interface ShopifyDeletion {
  /** The stream (and `sync()` table suffix) the record belongs to: `products` → `shopify_products`. */
  stream: 'products' | 'orders' | 'customers' | 'collections' | 'inventory_items';
  /** The record's GID: the streams' primary key (`id`). */
  id: Gid;
  /** When Shopify says it happened (`X-Shopify-Triggered-At`), if it said. */
  deletedAt: string | undefined;
  /** The shop's domain (`X-Shopify-Shop-Domain`). */
  shop: string;
}

const DELETE_TOPICS = {
  'products/delete': { stream: 'products', type: 'Product' },
  'orders/delete': { stream: 'orders', type: 'Order' },
  'customers/delete': { stream: 'customers', type: 'Customer' },
  'collections/delete': { stream: 'collections', type: 'Collection' },
  'inventory_items/delete': { stream: 'inventory_items', type: 'InventoryItem' },
} as const;

/**
 * The record a delete delivery removes, or undefined for any other topic. Shopify's connections never list a
 * deleted record, so a sync keeps its last row; these deliveries are how deletions reach you. Mark the row:
 * `UPDATE shopify_products SET _deleted = true WHERE id = $1` (the streams' tables are keyed by the GID).
 */
export function shopifyDeletion(webhook: ShopifyWebhook): ShopifyDeletion | undefined {
  const known = (DELETE_TOPICS as Partial<Record<string, (typeof DELETE_TOPICS)[keyof typeof DELETE_TOPICS]>>)[webhook.topic];
  if (!known) return undefined;
  const payload = webhook.payload as { id?: unknown; admin_graphql_api_id?: unknown };
  const id = isGid(payload.admin_graphql_api_id, known.type) ? payload.admin_graphql_api_id : toGid(known.type, String(payload.id));
  return { stream: known.stream, id, deletedAt: webhook.triggeredAt, shop: webhook.shop };
}
