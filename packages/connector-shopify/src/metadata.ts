import { defineMetadata } from '@cf/core';
import { DEFAULT_API_VERSION } from './config.js';

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
});
