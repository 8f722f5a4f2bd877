import { metadata, ShopifyConnector, type ChangedSinceOptions, type ShopifyOptions, type SyncCheckpoint } from '@cf/connector-shopify';
import type { CallOptions, Paginated } from '@cf/core';
import { conformanceSubject, createShopifyMock } from '@cf/connector-shopify/mocks';
import { defineAdapter, fromPages, type ExtractResource } from './adapter.js';

/** What products, orders and customers share: an incremental read with a Shopify sync checkpoint. */
interface Syncable {
  changedSince(start: SyncCheckpoint | string | null, options: ChangedSinceOptions & { fields?: undefined }, call: CallOptions): Paginated<object, SyncCheckpoint>;
}

/** `--since 2025-02-01` means midnight UTC; a checkpoint from --state wins. */
function start(checkpoint: unknown, since: string | undefined): SyncCheckpoint | string | null {
  if (checkpoint !== undefined) return checkpoint as SyncCheckpoint;
  if (since === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since;
}

/** Nodes updated since the checkpoint, oldest first (`changedSince`, sortKey UPDATED_AT), paced by query cost. */
const changed = (root: string, of: (s: ShopifyConnector) => Syncable): ExtractResource<ShopifyConnector> => ({
  description: `${root} updated since the checkpoint, oldest first (GraphQL ${root}(sortKey: UPDATED_AT)); reruns pick up later changes.`,
  since: 'updated at or after: YYYY-MM-DD or an ISO 8601 date-time (default: everything)',
  params: { query: 'an extra Shopify search filter, e.g. status:active', pageSize: 'nodes per request, 1-250' },
  pages: (shopify, { checkpoint, since, params, signal }) =>
    fromPages(
      of(shopify)
        .changedSince(
          start(checkpoint, since),
          { ...(params.query !== undefined ? { query: params.query } : {}), ...(params.pageSize !== undefined ? { first: Number(params.pageSize) } : {}) },
          { signal },
        )
        .pages(),
    ),
});

/**
 * A sandbox shop with enough products and orders to page through, and a Shopify Plus cost bucket (10,000 points,
 * 500/s, from the legacy limits docs) that the connector adopts from the first response's throttleStatus.
 */
const sandbox = createShopifyMock({ products: 600, orders: 400, bucket: { maximumAvailable: 10_000, restoreRate: 500 } });

/** Shopify Admin GraphQL: SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN; products, orders and customers extract incrementally. */
export const shopify = defineAdapter({
  metadata,
  env: [
    { name: 'SHOPIFY_SHOP', field: 'shop', required: true },
    { name: 'SHOPIFY_ACCESS_TOKEN', field: 'accessToken', required: true },
  ],
  create: (config) => new ShopifyConnector(config as unknown as ShopifyOptions),
  sandbox: { handlers: sandbox.handlers, pathPrefix: '', config: { shop: 'acme-outdoor', accessToken: 'shpat_sandbox_0000' } },
  resources: {
    products: changed('products', (s) => s.products),
    orders: changed('orders', (s) => s.orders),
    customers: changed('customers', (s) => s.customers),
  },
  // The package's own subject (its test/conformance.test.ts runs the same one): every declared operation.
  conformance: conformanceSubject,
});
