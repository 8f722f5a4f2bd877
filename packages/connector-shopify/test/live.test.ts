import { describe, expect, it } from 'vitest';
import { ShopifyConnector } from '../src/index.js';

const shop = process.env.SHOPIFY_SHOP;
const accessToken = process.env.SHOPIFY_ACCESS_TOKEN;

/** Opt-in: set SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN (a development store and a read-only token) to run. */
describe.skipIf(!shop || !accessToken)('live Shopify Admin API', () => {
  const connect = () => new ShopifyConnector({ shop: shop as string, accessToken: accessToken as string });

  it('reads the shop and reports the bucket from throttleStatus', async () => {
    const shopify = connect();
    try {
      const result = await shopify.graphql<{ shop: { myshopifyDomain: string } }>('{ shop { myshopifyDomain } }');
      expect(result.data.shop.myshopifyDomain).toBe(shopify.shopDomain);
      expect(result.meta.cost?.throttleStatus?.maximumAvailable).toBeGreaterThanOrEqual(1000);
      expect(result.meta.apiVersion.served).toBe(shopify.apiVersion);
    } finally {
      await shopify.disconnect();
    }
  });

  it('pages through products with typed results', async () => {
    const shopify = connect();
    try {
      const products = await shopify.products.list({ first: 5 }).toArray({ limit: 10 });
      for (const p of products) expect(p.id).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    } finally {
      await shopify.disconnect();
    }
  });
});
