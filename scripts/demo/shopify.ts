import { ShopifyConnector } from '@cf/connector-shopify';
import { handlers } from '@cf/connector-shopify/mocks';
import type { Tour } from './tour.js';

export const shopifyTour: Tour<ShopifyConnector> = {
  name: 'Shopify Admin GraphQL: cost-paced pagination',
  live: (env) =>
    env.SHOPIFY_SHOP && env.SHOPIFY_ACCESS_TOKEN ? new ShopifyConnector({ shop: env.SHOPIFY_SHOP, accessToken: env.SHOPIFY_ACCESS_TOKEN }) : undefined,
  sandbox: (url) => new ShopifyConnector({ shop: 'acme-outdoor', accessToken: 'shpat_sandbox_token', baseUrl: url }),
  handlers,
  async run(shopify, log) {
    const products = await shopify.products.list().toArray({ limit: 3 });
    for (const p of products) log(`${p.title}: ${p.totalInventory} in stock`);
    let orders = 0;
    for await (const order of shopify.orders.changedSince('2025-01-15T00:00:00Z')) {
      orders += 1;
      if (orders <= 2) log(`order ${order.name}: ${order.currentTotalPriceSet.shopMoney.amount} ${order.currentTotalPriceSet.shopMoney.currencyCode}`);
    }
    log(`${orders} orders changed since 2025-01-15, each page paced by the query-cost bucket`);
  },
};
