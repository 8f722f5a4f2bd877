import { expect, it } from 'vitest';
import { ShopifyConnector } from '../src/index.js';
import { createShopifyMock, generateProducts, shopifyErrors } from '../src/mocks/index.js';
import { FakeClock, startMockServer } from '@cf/core/testing';

// The README's "Testing your code with the mocks" example, as written.
it('my sync survives throttling and a frozen shop', async () => {
  const clock = new FakeClock();
  const mock = createShopifyMock({ clock, products: generateProducts(600), bucket: { maximumAvailable: 1000, restoreRate: 50 } });
  const server = await startMockServer(mock.handlers);
  const shopify = new ShopifyConnector({ shop: 'acme', accessToken: 'shpat_test', baseUrl: server.baseUrl, clock });
  mock.throttleNext(1); // as if another app drained the bucket
  expect(await shopify.products.list().toArray({ limit: 600 })).toHaveLength(600);
  server.use(shopifyErrors.frozenShop());
  await expect(shopify.shop.get()).rejects.toMatchObject({ code: 'INVALID_REQUEST', status: 402 });
  expect(server.requests.at(-1)?.path).toBe('/admin/api/2025-07/graphql.json');
  expect(mock.stats.throttled).toBe(1);
  await shopify.disconnect();
  await server.close();
});
