import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { http, HttpResponse } from 'msw';
import { generateProducts, GRAPHQL_PATH, shopifyErrors } from '../src/mocks/index.js';
import { startShopify, TOKEN, type Harness } from './helpers.js';

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
    // A new connector learned the bucket with one 1-point probe before its first 502-point page.
    expect(h.probes()).toBe(1);
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
    await h.shopify.shop.get(); // the connector has learned the bucket (no probe before the page)
    h.shopify.on('retry', (e) => retries.push(e));
    h.mock.throttleNext(1);
    const items = await h.shopify.products.list({ first: 100 }).toArray({ limit: 100 });
    expect(items).toHaveLength(100);
    expect(h.mock.stats.throttled).toBe(1);
    expect(h.bodies()).toHaveLength(3);
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

  it('a query whose own estimate exceeds the 1000-point maximum is refused before the network (VALIDATION_ERROR naming both)', async () => {
    h = await startShopify();
    const error = await h.shopify.products
      .list({ first: 250, fields: 'id variants(first: 10) { nodes { id } }' })
      .toArray({ limit: 1 })
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ issues: [{ path: 'query' }], details: { estimatedCost: 3252, maxCost: 1000 } });
    expect((error as Error).message).toMatch(/estimated at 3252 points.*single-query maximum of 1000/);
    expect(h.requests()).toHaveLength(0);
    const raw = await h.shopify.graphql('{ products(first: 250) { nodes { id variants(first: 10) { nodes { id } } } } }').catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: 'VALIDATION_ERROR', details: { estimatedCost: 3252, maxCost: 1000 } });
    expect(h.requests()).toHaveLength(0);
  });
});

describe('a refused query is not charged to the local bucket (Shopify charges nothing for it)', () => {
  const EXPENSIVE = '{ products(first: 249) { nodes { id variants(first: 1) { nodes { id } } } } }'; // 2 + 249 × (1 + 2 + 1) = 998
  const PAGE_252 = { first: 125 }; // 2 + 125 × 2 = 252

  it.each([
    ['MAX_COST_EXCEEDED (the server counted custom costs the estimate did not)', () => shopifyErrors.maxCostExceeded(1200, { times: 1 })],
    ['a validation error (unknown field)', () => shopifyErrors.graphqlError("Field 'nope' doesn't exist on type 'Product'", 'undefinedField', { times: 1 })],
  ])('%s: its points come back at once, the next 252-point call does not wait', async (_name, refusal) => {
    h = await startShopify({ mock: { products: generateProducts(300) } });
    await h.shopify.shop.get(); // the bucket's state is known
    h.server.use(refusal());
    const refused = await h.shopify.graphql(EXPENSIVE).catch((e: unknown) => e);
    expect(refused).toMatchObject({ details: { httpStatus: 200 } });
    const waits: number[] = [];
    h.shopify.on('rateLimitWait', (w) => waits.push(w.waitedMs));
    const page = await h.shopify.products.list(PAGE_252).pages().next();
    expect(page.value?.items).toHaveLength(125);
    expect(waits).toEqual([]);
    expect(h.mock.stats.throttled).toBe(0);
  });
});

describe('a new process does not trust its full local bucket before Shopify has said how full it is', () => {
  it('another process left the bucket nearly empty: three parallel iterations meet zero THROTTLED', async () => {
    h = await startShopify({ mock: { products: generateProducts(1500), bucket: { maximumAvailable: 1000, restoreRate: 50, currentlyAvailable: 30 } } });
    const runs = await Promise.all([
      h.shopify.products.list({ first: 250 }).toArray({ limit: 1500 }),
      h.shopify.products.list({ first: 250, sortKey: 'UPDATED_AT' }).toArray({ limit: 1500 }),
      h.shopify.products.list({ first: 250, reverse: true }).toArray({ limit: 1500 }),
    ]);
    expect(runs.map((r) => r.length)).toEqual([1500, 1500, 1500]);
    expect(h.mock.stats.throttled).toBe(0);
    // One 1-point probe (`shop { id }`) went first, alone; then the pages, paced by what it reported.
    expect(h.server.requests[0]?.json).toEqual({ query: 'query CostProbe { shop { id } }' });
    expect(h.server.requests[0]?.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(h.probes()).toBe(1);
    expect(h.bodies()).toHaveLength(18);
  });

  it('cheap first calls in parallel (a mutation and two reads) against a nearly empty bucket: zero THROTTLED, no probe', async () => {
    h = await startShopify({ mock: { bucket: { maximumAvailable: 1000, restoreRate: 50, currentlyAvailable: 4 } } });
    const [created, shop] = await Promise.all([h.shopify.products.create({ title: 'Ridge Gloves' }), h.shopify.shop.get(), h.shopify.shop.get()]);
    expect(created.product?.title).toBe('Ridge Gloves');
    expect(shop.name).toBe('Acme Outdoor');
    expect(h.mock.stats.throttled).toBe(0);
    expect(h.bodies()).toHaveLength(3);
    expect(h.bodies()[0]?.query).toContain('productCreate');
  });

  const PAGE = '{ products(first: 250) { nodes { id } } }'; // 2 + 250 = 252 points: probed first

  it('a call waiting for the first answer ends at once with CANCELLED when its signal aborts; nothing is sent for it', async () => {
    h = await startShopify({ mock: { products: generateProducts(300) } });
    const first = h.shopify.graphql(PAGE);
    const controller = new AbortController();
    const second = h.shopify.graphql('{ shop { name } }', undefined, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await second).toMatchObject({ code: 'CANCELLED' });
    expect((await first).data).toMatchObject({ products: { nodes: expect.any(Array) } });
    expect(h.bodies().map((b) => b.query)).toEqual([PAGE]);
  });

  it('a probe that fails leaves the first call to go alone (it meets the failure itself, or succeeds)', async () => {
    h = await startShopify({ mock: { products: generateProducts(300) } });
    h.server.use(shopifyErrors.serverError(503, { times: 3 }));
    const result = await h.shopify.graphql(PAGE);
    expect(result.meta.cost?.throttleStatus).toBeDefined();
    expect(h.probes()).toBe(3);
    expect(h.bodies().map((b) => b.query)).toEqual([PAGE]);
    expect(h.mock.stats.throttled).toBe(0);
  });

  it('a new client after disconnect() and connect() learns the bucket again', async () => {
    h = await startShopify({ mock: { products: generateProducts(300) } });
    await h.shopify.graphql(PAGE);
    await h.shopify.graphql(PAGE);
    expect(h.probes()).toBe(1);
    await h.shopify.disconnect();
    await h.shopify.connect();
    await h.shopify.graphql(PAGE);
    expect(h.probes()).toBe(2);
  });

  it('with rateLimit: false there is no bucket to learn: no probe, no waiting for a first answer', async () => {
    h = await startShopify({ mock: { products: generateProducts(300) }, connector: { rateLimit: false } });
    await Promise.all([h.shopify.graphql(PAGE), h.shopify.graphql(PAGE)]);
    expect(h.probes()).toBe(0);
    expect(h.bodies()).toHaveLength(2);
  });
});
