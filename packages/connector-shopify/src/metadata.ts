import { defineMetadata, type ConnectorMetadata } from '@cf/core';
import { DEFAULT_API_VERSION } from './config.js';

type OperationDeclaration = NonNullable<ConnectorMetadata['operations']>[number];

const read = (name: string, shape: OperationDeclaration['shape'] = 'single'): OperationDeclaration => ({ name, kind: 'read', idempotent: true, shape });
/** A mutation: never resent after its answer was lost (the Admin GraphQL endpoint ignores Idempotency-Key). */
const mutation = (name: string): OperationDeclaration => ({ name, kind: 'write', idempotent: false, shape: 'single' });
/** The reads every connection resource has. */
const connection = (root: string, syncable = true): OperationDeclaration[] => [
  read(`${root}.list`, 'paginated'),
  read(`${root}.get`),
  ...(syncable ? [read(`${root}.changedSince`, 'paginated')] : []),
];

type StreamDeclaration = NonNullable<ConnectorMetadata['streams']>[number];

/**
 * A connection read incrementally (`changedSince`: sortKey UPDATED_AT, the `updated_at` search filter). Shopify's
 * connections list only records that exist: a deleted product, order, customer or collection is not reported (no
 * deletedField), so its row stays in the table as last synced.
 */
const incremental = (name: string, what: string): StreamDeclaration => ({
  name,
  description: `${what} updated since the last sync, oldest first (GraphQL ${name}(sortKey: UPDATED_AT)); changes of the last 30 s are left for the next sync. Deletions are not reported.`,
  primaryKey: ['id'],
  syncMode: 'incremental',
  cursorField: 'updatedAt',
  operation: `${name}.changedSince`,
});

/** What `cf sync shopify` and `sync()` land in tables. */
const streams: StreamDeclaration[] = [
  incremental('products', 'Products'),
  incremental('orders', 'Orders'),
  incremental('customers', 'Customers'),
  incremental('collections', 'Collections'),
  {
    name: 'inventory_items',
    description: 'Every inventory item (SKU, unit cost, tracking), read in full each sync: inventoryItems takes no UPDATED_AT sort to read it incrementally.',
    primaryKey: ['id'],
    syncMode: 'full-refresh',
    operation: 'inventory.list',
  },
];

/** The registry record of this connector. */
export const metadata = defineMetadata({
  name: 'shopify',
  displayName: 'Shopify Admin GraphQL API',
  packageName: '@cf/connector-shopify',
  description: 'Products, orders, customers, inventory and collections from the Shopify Admin GraphQL API, paced by query cost, with incremental sync and bulk operations.',
  apiVersion: DEFAULT_API_VERSION,
  docsUrl: 'https://shopify.dev/docs/api/admin-graphql',
  baseUrl: `https://example.myshopify.com/admin/api/${DEFAULT_API_VERSION}/graphql.json`,
  auth: ['api-key'],
  envVars: ['SHOPIFY_SHOP', 'SHOPIFY_ACCESS_TOKEN'],
  resources: ['shop', 'products', 'orders', 'customers', 'inventoryItems', 'inventoryLevels', 'collections', 'bulkOperations'],
  limits: [
    {
      name: 'cost bucket (Standard plan, legacy docs; adopted from each response)',
      limit: 1000,
      intervalMs: 20_000,
      source: 'https://shopify.dev/docs/api/usage/limits',
    },
    {
      name: 'single query maximum cost',
      limit: 1000,
      intervalMs: 1,
      source: 'https://shopify.dev/docs/api/usage/limits#rate-limits',
    },
  ],
  maintainers: ['connector-factory'],
  operations: [
    // Any document, a mutation included: declared as the write it may be.
    mutation('graphql'),
    read('shop.get'),
    ...connection('products'),
    mutation('products.create'),
    mutation('products.update'),
    mutation('products.delete'),
    ...connection('orders'),
    ...connection('customers'),
    mutation('customers.create'),
    mutation('customers.update'),
    ...connection('collections'),
    mutation('collections.create'),
    ...connection('inventory', false),
    read('inventory.levels', 'paginated'),
    mutation('inventory.adjustQuantities'),
    // Starts a bulk operation, then streams its result; safe to repeat: after an unknown outcome it adopts the
    // operation already running the same query, or starts again (a bulk query only reads).
    { name: 'bulk.run', kind: 'write', idempotent: true, shape: 'stream' },
    mutation('bulk.start'),
    read('bulk.status'),
    read('bulk.current'),
    read('bulk.wait'),
    mutation('bulk.cancel'),
    read('bulk.download', 'stream'),
  ],
  limitModel: {
    // A leaky bucket of cost points per app and shop (Standard plan in the legacy docs: 1000 points, restoring
    // 50/s; the connector adopts the shop's real figures from each response's throttleStatus).
    windows: [{ name: 'cost bucket', limit: 1000, intervalMs: 20_000, algorithm: 'token-bucket', unit: 'points' }],
    // THROTTLED is an HTTP 200 with the bucket in the body and no Retry-After (the wait is computed from it).
    rateLimitedAnswer: {
      status: 200,
      body: {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: 202, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 57, restoreRate: 50 } } },
      },
      retryAfter: false,
    },
    source: 'https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits',
  },
  credential: { in: 'header', name: 'x-shopify-access-token' },
  streams,
});
