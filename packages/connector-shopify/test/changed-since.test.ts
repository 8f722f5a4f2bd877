import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError, type JsonValue } from '@cf/core';
import { faults } from '@cf/core/testing';
import { ShopifyConnector, type SyncCheckpoint } from '../src/index.js';
import { generateOrders, type MockRecord } from '../src/mocks/index.js';
import { startShopify, TOKEN, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);

describe('orders.changedSince: incremental extraction', () => {
  it('sends sortKey UPDATED_AT ascending with the updated_at bound, and returns typed orders', async () => {
    h = await startShopify({ mock: { orders: generateOrders(10) } });
    const pages = [];
    for await (const page of h.shopify.orders.changedSince('2025-02-01T00:03:00Z', { first: 4 }).pages()) pages.push(page);
    const body = h.bodies()[0];
    expect(body?.query).toMatch(/orders\(first: \$first, after: \$after, query: \$query, reverse: \$reverse, sortKey: \$sortKey\)/);
    expect(body?.variables).toEqual({ first: 4, after: null, query: "updated_at:>='2025-02-01T00:03:00Z'", reverse: false, sortKey: 'UPDATED_AT' });
    const orders = pages.flatMap((p) => p.items);
    // Orders 3..9 were updated at or after 00:03 (one per minute from 00:00, after the two fixtures' January dates).
    expect(orders.map((o) => o.name)).toEqual(['#1004', '#1005', '#1006', '#1007', '#1008', '#1009', '#1010']);
    expect(orders[0]?.currentTotalPriceSet.shopMoney).toEqual({ amount: '25.00', currencyCode: 'USD' });
    expect(pages.map((p) => p.hasMore)).toEqual([true, false]);
    // The last checkpoint starts the next run at the newest change, remembering what it delivered there.
    expect(pages[1]?.checkpoint).toMatchObject({ since: '2025-02-01T00:09:00Z', seen: [orders[6]?.id], after: null });
  });

  it('resumes exactly after a crash mid-run: every order once, in order', async () => {
    h = await startShopify({ mock: { orders: generateOrders(23, { sameTimestampEvery: 3 }) }, connector: { retry: { maxAttempts: 1 } } });
    const delivered: string[] = [];
    let saved: JsonValue | null = null;
    // Fail the 4th page: three pages are processed and checkpointed, then the process "crashes".
    let pagesSeen = 0;
    const crash = await (async () => {
      try {
        for await (const page of h.shopify.orders.changedSince(null, { first: 5 }).pages()) {
          delivered.push(...ids(page.items));
          saved = page.checkpoint;
          pagesSeen += 1;
          if (pagesSeen === 3) h.server.use(faults.serverErrors(1, 503));
        }
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(crash).toBeDefined();
    expect(delivered).toHaveLength(15);
    // A new process restores the saved JSON checkpoint and carries on.
    const restarted = new ShopifyConnector({ shop: 'acme-outdoor', accessToken: TOKEN, baseUrl: h.server.baseUrl, clock: h.clock });
    try {
      const restored = JSON.parse(JSON.stringify(saved)) as SyncCheckpoint;
      expect(restored.after).not.toBeNull();
      for await (const order of restarted.orders.changedSince(restored, { first: 5 })) delivered.push(order.id);
    } finally {
      await restarted.disconnect();
    }
    const expected = ids([...h.mock.store.orders].sort((a, b) => Date.parse(String(a.updatedAt)) - Date.parse(String(b.updatedAt)) || (a.id < b.id ? -1 : 1)));
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toEqual(expected);
  });

  it('loses nothing and repeats nothing at equal timestamps across runs', async () => {
    const at = '2025-03-01T12:00:00Z';
    const order = (n: number, updatedAt = at): MockRecord => ({ ...generateOrders(3)[2], id: `gid://shopify/Order/${7_000 + n}`, name: `#${7000 + n}`, updatedAt });
    h = await startShopify({ mock: { orders: [order(1), order(2), order(3)] } });
    const first = [];
    let checkpoint: SyncCheckpoint | null = null;
    for await (const page of h.shopify.orders.changedSince(null, { first: 2 }).pages()) {
      first.push(...ids(page.items));
      checkpoint = page.checkpoint;
    }
    expect(first).toEqual(['gid://shopify/Order/7001', 'gid://shopify/Order/7002', 'gid://shopify/Order/7003']);
    expect(checkpoint).toMatchObject({ since: at, seen: first });

    // Between runs: two more orders land in the same second, one later, and an old one is updated.
    h.mock.store.orders.push(order(4), order(5), order(6, '2025-03-01T12:00:01Z'));
    const old = h.mock.store.orders[0] as MockRecord;
    old.updatedAt = '2025-03-01T12:00:02Z';
    const second: string[] = [];
    let next: SyncCheckpoint | null = null;
    for await (const page of h.shopify.orders.changedSince(checkpoint, { first: 2 }).pages()) {
      second.push(...ids(page.items));
      next = page.checkpoint;
    }
    expect(second).toEqual(['gid://shopify/Order/7004', 'gid://shopify/Order/7005', 'gid://shopify/Order/7006', 'gid://shopify/Order/7001']);
    expect(h.bodies().at(-1)?.variables?.query).toBe(`updated_at:>='${at}'`);
    expect(next).toMatchObject({ since: '2025-03-01T12:00:02Z', seen: ['gid://shopify/Order/7001'] });

    // Nothing changed: the third run delivers nothing and keeps its checkpoint.
    const third = await h.shopify.orders.changedSince(next).toArray({ limit: 10 });
    expect(third).toEqual([]);
  });

  it('ANDs a user filter, adds id and updatedAt to a custom selection, and fixes an upper bound with lagMs', async () => {
    h = await startShopify({ mock: { orders: generateOrders(5) } });
    const rows = await h.shopify.orders.changedSince('2025-01-01T00:00:00Z', { fields: 'name', query: 'financial_status:paid', lagMs: 60_000 }).toArray({ limit: 10 });
    const body = h.bodies()[0];
    expect(body?.query).toContain('nodes { id updatedAt name }');
    expect(body?.variables?.query).toBe("(financial_status:paid) AND updated_at:>='2025-01-01T00:00:00Z' AND updated_at:<='2025-12-31T23:59:00Z'");
    expect(rows.every((r) => typeof r.id === 'string' && typeof r.updatedAt === 'string')).toBe(true);
  });

  it('works the same for products, customers and collections', async () => {
    h = await startShopify();
    const products = await h.shopify.products.changedSince('2025-01-16T00:00:00Z').toArray({ limit: 10 });
    const customers = await h.shopify.customers.changedSince(new Date('2025-01-19T00:00:00Z')).toArray({ limit: 10 });
    const collections = await h.shopify.collections.changedSince(null).toArray({ limit: 10 });
    expect(products.map((p) => p.handle)).toEqual(['trail-runner-socks', 'summit-down-jacket']);
    expect(customers.map((c) => c.displayName)).toEqual(['Tom Okafor']);
    expect(collections.map((c) => c.title)).toEqual(['Cycling']);
    expect(h.bodies().map((b) => b.variables?.sortKey)).toEqual(['UPDATED_AT', 'UPDATED_AT', 'UPDATED_AT']);
  });

  it('rejects a corrupted checkpoint or bad options before the network', async () => {
    h = await startShopify();
    const bad = [
      () => h!.shopify.orders.changedSince('yesterday'),
      () => h!.shopify.orders.changedSince({ v: 1, since: 'not-a-date', seen: [], until: null, after: null, high: null, highIds: [] } as never),
      () => h!.shopify.orders.changedSince(null, { first: 251 }),
      () => h!.shopify.orders.changedSince(null, { lagMs: -1 }),
      () => h!.shopify.orders.changedSince(null, { fields: 'id {' }).toArray({ limit: 1 }),
    ];
    for (const call of bad) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
