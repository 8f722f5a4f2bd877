import { ShopifyConnector } from '@cf/connector-shopify';
import { handlers } from '@cf/connector-shopify/mocks';
import { startMockServer } from '@cf/core/testing';

/** The README quickstart, runnable offline: `npx tsx examples/quickstart.ts`. */
export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = await startMockServer(handlers); // a mock shop on loopback; drop it and baseUrl for a real shop
  const shopify = new ShopifyConnector({ shop: 'acme-outdoor', accessToken: 'shpat_demo_token', baseUrl: server.baseUrl });
  try {
    for await (const product of shopify.products.list()) log(`${product.title}: ${product.totalInventory} in stock`);
    const { product } = await shopify.products.create({ title: 'Ridge Gloves', tags: ['winter'] });
    log(`created ${product?.id} (${product?.handle})`);
    for await (const order of shopify.orders.changedSince('2025-01-15T00:00:00Z')) log(`${order.name} ${order.currentTotalPriceSet.shopMoney.amount} ${order.currentTotalPriceSet.shopMoney.currencyCode}`);
  } finally {
    await shopify.disconnect();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
