import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { http, HttpResponse } from 'msw';
import { generateProducts, GRAPHQL_PATH } from '../src/mocks/index.js';
import { startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('cost-aware pacing against a cost-limited mock (bucket 1000, restore 50/s, one FakeClock)', () => {
  it('iterates 5,000 products in pages of 250 without a single THROTTLED', async () => {
    h = await startShopify({ mock: { products: generateProducts(5000), bucket: { maximumAvailable: 1000, restoreRate: 50 } } });
    const throttles: unknown[] = [];
    h.shopify.on('retry', (e) => throttles.push(e));
    let count = 0;
    const waits: number[] = [];
    h.shopify.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    for await (const page of h.shopify.products.list({ first: 250 }).pages()) count += page.items.length;

    expect(count).toBe(5000);
    expect(h.mock.stats.throttled).toBe(0);
    expect(throttles).toEqual([]);
    const bodies = h.bodies();
    expect(bodies).toHaveLength(20);
    expect(bodies.every((b) => b.variables?.first === 250)).toBe(true);
    // Each page costs 2 + 250 × 2 = 502 points: after the first two, the client waits for the bucket itself.
    expect(waits.length).toBeGreaterThan(10);
    // Steady state is the restore rate: 18 more pages of 502 points at 50/s need at least ~170 s of (fake) time.
    expect(h.clock.now() - Date.UTC(2026, 0, 1)).toBeGreaterThan(170_000);
  });

  it('picks the largest page under the 1000-point single-query limit when first is not given', async () => {
    h = await startShopify({ mock: { products: generateProducts(600) } });
    const items = await h.shopify.orders.list().toArray({ limit: 1 });
    expect(items).toHaveLength(1);
    await h.shopify.products.list().toArray({ limit: 1 });
    const [orders, products] = h.bodies();
    // Orders' default selection costs 5 per node: 2 + 199 × 5 = 997.
    expect(orders?.variables?.first).toBe(199);
    expect(products?.variables?.first).toBe(250);
    expect(h.mock.stats.throttled).toBe(0);
  });

  it('waits out a forced THROTTLED ((requested - available) / restoreRate) and retries it', async () => {
    h = await startShopify({ mock: { products: generateProducts(300) } });
    const retries: Array<{ delayMs: number; reason: string }> = [];
    h.shopify.on('retry', (e) => retries.push(e));
    h.mock.throttleNext(1);
    const items = await h.shopify.products.list({ first: 100 }).toArray({ limit: 100 });
    expect(items).toHaveLength(100);
    expect(h.mock.stats.throttled).toBe(1);
    expect(h.bodies()).toHaveLength(2);
    // requested 2 + 100 × 2 = 202; the mock drained the bucket to 102: (202 - 102) / 50 = 2 s.
    expect(retries).toHaveLength(1);
    expect(retries[0]?.delayMs).toBe(2000);
    expect(retries[0]?.reason).toBe('RATE_LIMIT (429)');
  });

  it('shares the bucket between concurrent calls: three parallel iterations meet no THROTTLED', async () => {
    h = await startShopify({ mock: { products: generateProducts(1500) } });
    const runs = await Promise.all([
      h.shopify.products.list({ first: 250 }).toArray({ limit: 1500 }),
      h.shopify.products.list({ first: 250, sortKey: 'UPDATED_AT' }).toArray({ limit: 1500 }),
      h.shopify.products.list({ first: 250, reverse: true }).toArray({ limit: 1500 }),
    ]);
    expect(runs.map((r) => r.length)).toEqual([1500, 1500, 1500]);
    expect(h.mock.stats.throttled).toBe(0);
  });

  it('learns the real cost of an operation from requestedQueryCost and takes exactly that next time', async () => {
    h = await startShopify();
    const query = 'query { products(first: 5) { nodes { id variants(first: 3) { nodes { id sku } } } } }';
    const first = await h.shopify.graphql(query);
    const second = await h.shopify.graphql(query);
    // 2 + 5 × (1 + 2 + 3) = 32 by the documented rules, estimated and then confirmed by the server.
    expect(first.meta.cost?.requestedQueryCost).toBe(32);
    expect(first.meta.expectedCost).toBe(32);
    expect(second.meta.expectedCost).toBe(32);
    expect(second.meta.cost?.throttleStatus?.maximumAvailable).toBe(1000);
  });

  it('prefers what the server charged over the static estimate (custom field costs the rules do not know)', async () => {
    h = await startShopify();
    const query = '{ shop { id } }';
    h.server.use(
      http.post(GRAPHQL_PATH, () =>
        HttpResponse.json({
          data: { shop: { id: 'gid://shopify/Shop/1' } },
          extensions: { cost: { requestedQueryCost: 77, actualQueryCost: 5, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 995, restoreRate: 50 } } },
        }),
      ),
    );
    const first = await h.shopify.graphql(query);
    const second = await h.shopify.graphql(query);
    expect(first.meta.expectedCost).toBe(1);
    expect(second.meta.expectedCost).toBe(77);
  });

  it('adopts the shop bucket size and restore rate from throttleStatus (a Plus shop)', async () => {
    h = await startShopify({ mock: { products: generateProducts(2000), bucket: { maximumAvailable: 10_000, restoreRate: 500 } } });
    const waits: number[] = [];
    h.shopify.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    const items = await h.shopify.products.list({ first: 250 }).toArray({ limit: 2000 });
    expect(items).toHaveLength(2000);
    // 8 pages × 502 points fit in a 10,000-point bucket: once the mirror has learned it, nobody waits.
    expect(waits).toEqual([]);
    expect(h.mock.stats.throttled).toBe(0);
  });

  it('MAX_COST_EXCEEDED is a VALIDATION_ERROR and is never retried', async () => {
    h = await startShopify();
    const error = await h.shopify.products
      .list({ first: 250, fields: 'id variants(first: 10) { nodes { id } }' })
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/would cost 3252 points; Shopify refuses any single query over 1000/);
    expect(h.bodies()).toHaveLength(1);
  });
});
