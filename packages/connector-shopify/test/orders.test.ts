import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { shopifyErrors } from '../src/mocks/index.js';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('orders', () => {
  it('list: typed orders with money as decimal strings and their currency', async () => {
    h = await startShopify();
    const orders = await h.shopify.orders.list({ query: 'created_at:>=2025-01-01', sortKey: 'PROCESSED_AT' }).toArray({ limit: 10 });
    expect(orders.map((o) => o.name)).toEqual(['#1001', '#1002']);
    expect(orders[1]).toMatchObject({
      id: 'gid://shopify/Order/5923473752120',
      displayFinancialStatus: 'PENDING',
      currencyCode: 'EUR',
      currentTotalPriceSet: { shopMoney: { amount: '18.50', currencyCode: 'USD' }, presentmentMoney: { amount: '17.20', currencyCode: 'EUR' } },
      customer: { id: 'gid://shopify/Customer/6884731224160' },
    });
    expect(typeof orders[0]?.currentTotalPriceSet.shopMoney.amount).toBe('string');
    expectGraphqlRequest(h.requests()[0], {
      query: /query OrdersList\(.*\$sortKey: OrderSortKeys\)[\s\S]*currentTotalPriceSet \{ shopMoney \{ amount currencyCode \}/,
      variables: { first: 199, after: null, query: 'created_at:>=2025-01-01', reverse: false, sortKey: 'PROCESSED_AT' },
    });
  });

  it('get: one order by id', async () => {
    h = await startShopify();
    const order = await h.shopify.orders.get('gid://shopify/Order/5923473719352');
    expect(order.name).toBe('#1001');
    expectGraphqlRequest(h.requests()[0], { query: 'order(id: $id)', variables: { id: 'gid://shopify/Order/5923473719352' } });
  });

  it('a missing read_orders scope is AUTH_FAILED naming the scope (GraphQL ACCESS_DENIED on HTTP 200)', async () => {
    h = await startShopify();
    await h.shopify.shop.get(); // the connector has learned the bucket: the next call is the orders page itself
    h.server.use(shopifyErrors.accessDenied('read_orders', { times: 1 }));
    const error = await h.shopify.orders.list().toArray({ limit: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { codes: ['ACCESS_DENIED'], httpStatus: 200 } });
    expect((error as Error).message).toContain('`read_orders` access scope');
    expect(h.requests()).toHaveLength(2);
    expect(h.bodies()[1]?.query).toContain('orders(first: $first');
  });

  it('validates input before the network', async () => {
    h = await startShopify();
    for (const call of [() => h!.shopify.orders.get('#1001'), () => h!.shopify.orders.list({ sortKey: 'TITLE' as never }), () => h!.shopify.orders.list({ maxPages: 0 })]) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
