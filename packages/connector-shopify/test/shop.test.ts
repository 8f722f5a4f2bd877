import { afterEach, describe, expect, it } from 'vitest';
import { ShopifyConnector } from '../src/index.js';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('shop and connector lifecycle', () => {
  it('shop.get() reads the shop (and ping() uses it)', async () => {
    h = await startShopify();
    const shop = await h.shopify.shop.get();
    expect(shop).toEqual({
      id: 'gid://shopify/Shop/68817551630',
      name: 'Acme Outdoor',
      myshopifyDomain: 'acme-outdoor.myshopify.com',
      currencyCode: 'USD',
      ianaTimezone: 'America/New_York',
      plan: { partnerDevelopment: false, shopifyPlus: false },
    });
    expectGraphqlRequest(h.requests()[0], { query: 'shop { id name myshopifyDomain currencyCode ianaTimezone plan { partnerDevelopment shopifyPlus } }' });
    await h.shopify.connect({ verify: true });
    expect(h.requests()).toHaveLength(2);
  });

  it('keeps a baseUrl path prefix (a proxy) and appends /admin/api/{version}/graphql.json', async () => {
    h = await startShopify();
    const proxied = new ShopifyConnector({ shop: 'acme-outdoor.myshopify.com', accessToken: 'shpat_x_0123456789', baseUrl: `${h.server.baseUrl}/shopify-proxy/` });
    try {
      // The handlers match any prefix before /admin/api, so this reaches the mock.
      const shop = await proxied.shop.get();
      expect(shop.name).toBe('Acme Outdoor');
      expect(h.requests()[0]?.path).toBe('/shopify-proxy/admin/api/2025-07/graphql.json');
    } finally {
      await proxied.disconnect();
    }
  });

  it('exposes shop domain and version, and works again after disconnect/connect', async () => {
    h = await startShopify();
    expect(h.shopify.shopDomain).toBe('acme-outdoor.myshopify.com');
    expect(h.shopify.apiVersion).toBe('2025-07');
    await h.shopify.disconnect();
    await expect(h.shopify.shop.get()).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await h.shopify.connect();
    expect((await h.shopify.shop.get()).name).toBe('Acme Outdoor');
  });
});
