import { describe, expect, it } from 'vitest';
import { PRODUCTS_QUERY } from '../src/extractors/product-query.js';
import { costBucketFloorMs, rollingWindowFloorMs, steadyRateFloorMs } from '../src/parts/floors.js';
import { MockCostBucket } from '@cf/connector-shopify/mocks';
import { parseOperation, selectionCost } from '../src/servers/graphql-cost.js';
import { RollingWindow } from '../src/servers/rolling-window.js';

/** The limit models the fake servers enforce, on a hand-moved clock. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RollingWindow (HubSpot ten-secondly)', () => {
  it('accepts `limit` requests per window, refuses the next without counting it, and frees each slot a window later', () => {
    const c = clock();
    const window = new RollingWindow(3, 1000, c.now);
    const taken = [window.take(), (c.advance(100), window.take()), (c.advance(100), window.take())];
    expect(taken.map((t) => t.remaining)).toEqual([2, 1, 0]);
    c.advance(799); // t = 999: the request from t = 0 is still in the window
    expect(window.take()).toEqual({ accepted: false, remaining: 0 });
    c.advance(1); // t = 1000: it left
    expect(window.take()).toEqual({ accepted: true, remaining: 0 });
  });
});

describe('the Shopify leaky bucket the fake server uses (MockCostBucket)', () => {
  it('takes the requested cost, refuses what does not fit, restores at restoreRate and refunds unused points', () => {
    const c = clock();
    const bucket = new MockCostBucket(c.now, { maximumAvailable: 1000, restoreRate: 50 });
    expect(bucket.charge(502)).toBe(true);
    expect(bucket.charge(502)).toBe(false);
    expect(bucket.status()).toEqual({ maximumAvailable: 1000, currentlyAvailable: 498, restoreRate: 50 });
    c.advance(80);
    expect(bucket.charge(502)).toBe(true);
    bucket.refund(100);
    expect(bucket.status().currentlyAvailable).toBe(100);
  });
});

describe('selectionCost (Shopify static query cost)', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => selectionCost(parseOperation(query), variables);

  it('charges a connection 2 + first × node, with objects 1 and scalars 0', () => {
    expect(cost(PRODUCTS_QUERY, { first: 250, after: null })).toBe(502);
    expect(cost('{ products(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage } } }')).toBe(12);
  });

  it('multiplies nested connections and adds plain objects', () => {
    expect(cost('query Q($n: Int!) { shop { id } products(first: $n) { nodes { id variants(first: 5) { nodes { sku } } } } }', { n: 250 })).toBe(1 + 2 + 250 * (1 + 2 + 5));
  });
});

describe('quota floors', () => {
  it('rolling window: the first window is spent at once, then one window per `limit` pages', () => {
    expect(rollingWindowFloorMs(400, 100, 10_000)).toBe(30_000);
    expect(rollingWindowFloorMs(100, 100, 10_000)).toBe(0);
    expect(steadyRateFloorMs(400, 100, 10_000)).toBe(40_000);
  });

  it('cost bucket: starts full, then waits for each page’s requested cost to restore', () => {
    const requested = Array.from({ length: 6 }, () => 502);
    expect(costBucketFloorMs(requested, requested, 1000, 50)).toBeCloseTo(80 + 4 * 10_040, 6);
  });
});
