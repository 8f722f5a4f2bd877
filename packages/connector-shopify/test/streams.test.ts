import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue, Stream, StreamPage } from '@cf/core';
import { safeParse } from '@cf/core/zod';
import { metadata } from '../src/index.js';
import { collectionFixtures, customerFixtures, generateOrders, generateProducts, inventoryItemFixtures, type MockRecord } from '../src/mocks/index.js';
import { startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** `count` copies of a fixture with their own ids, `updatedAt` a minute apart from 2025-03-01 (`group` sharing one). */
function copies(fixture: MockRecord, type: string, count: number, group = 1): MockRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2025, 2, 1) + Math.floor(i / group) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { ...structuredClone(fixture), id: `gid://shopify/${type}/${5_000_000_000_000 + i}`, updatedAt: at };
  });
}

/** More records than three pages hold (products 250, orders 199, customers 249, collections 250 per page), some sharing a timestamp. */
const shop = () =>
  startShopify({
    mock: {
      bucket: false,
      products: generateProducts(620, { sameTimestampEvery: 7 }),
      orders: generateOrders(450, { sameTimestampEvery: 4 }),
      customers: copies(customerFixtures[0]!, 'Customer', 560, 3),
      collections: copies(collectionFixtures[0]!, 'Collection', 540, 5),
      inventoryItems: copies(inventoryItemFixtures[0]!, 'InventoryItem', 300),
    },
  });

const INCREMENTAL = ['products', 'orders', 'customers', 'collections'] as const;

const streamOf = (name: string): Stream => {
  const stream = h!.shopify.streams().find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  return stream;
};

/** A checkpoint as a destination keeps it: through JSON. */
const saved = (checkpoint: JsonValue | null): JsonValue | null => JSON.parse(JSON.stringify(checkpoint)) as JsonValue | null;

async function readAll(stream: Stream, checkpoint: JsonValue | null = null): Promise<StreamPage[]> {
  const pages: StreamPage[] = [];
  for await (const page of stream.read({ checkpoint })) pages.push({ ...page, checkpoint: saved(page.checkpoint) });
  return pages;
}

/** One page from a checkpoint, as a sync that is killed after committing each page reads it. */
async function firstPage(stream: Stream, checkpoint: JsonValue | null, params?: Record<string, string>): Promise<StreamPage> {
  for await (const page of stream.read({ checkpoint, params })) return { ...page, checkpoint: saved(page.checkpoint) };
  throw new Error(`${stream.name}: no page`);
}

const ids = (pages: StreamPage[]): string[] => pages.flatMap((p) => p.items.map((r) => (r as { id: string }).id));

async function resumeAfterEveryPage(stream: Stream): Promise<{ ids: string[]; checkpoint: JsonValue | null }> {
  const out: string[] = [];
  let checkpoint: JsonValue | null = null;
  for (let runs = 0; ; runs += 1) {
    expect(runs).toBeLessThan(50);
    const page = await firstPage(stream, checkpoint);
    out.push(...page.items.map((r) => (r as { id: string }).id));
    checkpoint = page.checkpoint;
    if (!page.hasMore) return { ids: out, checkpoint };
  }
}

describe('streams', () => {
  it('declares products, orders, customers, collections (incremental) and inventory_items (full refresh), through declared operations', () => {
    expect((metadata.streams ?? []).map((s) => [s.name, s.syncMode, s.primaryKey, s.cursorField, s.deletedField])).toEqual([
      ['products', 'incremental', ['id'], 'updatedAt', undefined],
      ['orders', 'incremental', ['id'], 'updatedAt', undefined],
      ['customers', 'incremental', ['id'], 'updatedAt', undefined],
      ['collections', 'incremental', ['id'], 'updatedAt', undefined],
      ['inventory_items', 'full-refresh', ['id'], undefined, undefined],
    ]);
    const operations = new Set((metadata.operations ?? []).map((o) => o.name));
    for (const stream of metadata.streams ?? []) expect(operations.has(stream.operation), stream.operation).toBe(true);
  });

  it.each(INCREMENTAL)('%s: every record once, oldest first, from the start, resumed after every page, and from mid-way', async (name) => {
    h = await shop();
    const stream = streamOf(name);
    const pages = await readAll(stream);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((p) => p.hasMore)).toEqual([...pages.slice(1).map(() => true), false]);
    const all = ids(pages);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(h.mock.store[name].length);
    const records = pages.flatMap((p) => p.items) as Array<{ id: string; updatedAt: string }>;
    for (const record of records) expect(safeParse(stream.schema(), record).success, record.id).toBe(true);
    const times = records.map((r) => Date.parse(r.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Records as Shopify sent them: plain JSON.
    expect(JSON.parse(JSON.stringify(records[0]))).toEqual(records[0]);

    const resumed = await resumeAfterEveryPage(stream);
    expect(resumed.ids).toEqual(all);

    const rest = await readAll(stream, pages[0]!.checkpoint);
    expect(ids(rest)).toEqual(ids(pages.slice(1)));

    // Nothing changed since: the next sync delivers nothing, from either final checkpoint.
    for (const checkpoint of [pages.at(-1)!.checkpoint, resumed.checkpoint]) {
      const next = await readAll(stream, checkpoint);
      expect(ids(next)).toEqual([]);
      expect(next.at(-1)!.hasMore).toBe(false);
    }
  });

  it('a later sync delivers what changed since, once, after the 30 s lag', async () => {
    h = await startShopify();
    const stream = streamOf('products');
    const first = await readAll(stream);
    expect(ids(first)).toHaveLength(3);
    const product = h.mock.store.products[0]!;
    await h.shopify.products.update({ id: product.id, title: 'Aera II' });
    // Changed just now: left for a later sync while Shopify's search index catches up.
    expect(ids(await readAll(stream, first.at(-1)!.checkpoint))).toEqual([]);
    h.clock.advance(31_000);
    const later = await readAll(stream, first.at(-1)!.checkpoint);
    expect(later.flatMap((p) => p.items)).toMatchObject([{ id: product.id, title: 'Aera II' }]);
    expect(ids(await readAll(stream, later.at(-1)!.checkpoint))).toEqual([]);
  });

  it('delivers a node that does not match the schema with the rest of its page, for the sync to set aside', async () => {
    h = await startShopify();
    const bad = h.mock.store.products[1]!;
    bad.title = 42;
    delete bad.handle;
    const stream = streamOf('products');
    const page = await firstPage(stream, null);
    expect(page.items).toHaveLength(3);
    const valid = Object.fromEntries(page.items.map((r) => [(r as { id: string }).id, safeParse(stream.schema(), r).success]));
    expect(valid).toEqual(Object.fromEntries(h.mock.store.products.map((p) => [p.id, p.id !== bad.id])));
    expect(page.items.find((r) => (r as { id: string }).id === bad.id)).toMatchObject({ title: 42 });
    // The typed method validates every node: there, the same answer fails the call.
    await expect(h.shopify.products.changedSince(null).toArray({ limit: 10 })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('inventory_items: every item once, resumable within a sync, starting over after the last page', async () => {
    h = await shop();
    const stream = streamOf('inventory_items');
    const pages = await readAll(stream);
    expect(pages.map((p) => [p.items.length, p.hasMore])).toEqual([
      [250, true],
      [50, false],
    ]);
    expect(pages[0]!.checkpoint).toMatchObject({ after: expect.any(String) });
    expect(pages[1]!.checkpoint).toBeNull();
    const all = ids(pages);
    expect(new Set(all).size).toBe(300);
    for (const item of pages.flatMap((p) => p.items)) expect(safeParse(stream.schema(), item).success).toBe(true);
    expect((await resumeAfterEveryPage(stream)).ids).toEqual(all);
    expect(ids(await readAll(stream, pages[0]!.checkpoint))).toEqual(ids(pages.slice(1)));
  });

  it('rejects params (none is declared) and bad checkpoints with VALIDATION_ERROR, before the network', async () => {
    h = await startShopify();
    const fails = async (name: string, checkpoint: JsonValue | null, params?: Record<string, string>) => {
      const error = await firstPage(streamOf(name), checkpoint, params).then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error?.code, error?.message).toBe('VALIDATION_ERROR');
      return error!;
    };
    expect((await fails('products', null, { query: 'status:active' })).message).toContain('query');
    expect((await fails('inventory_items', null, { pageSize: '10' })).message).toContain('pageSize');
    await fails('orders', '2025-01-01T00:00:00Z');
    await fails('orders', { v: 2, since: null });
    await fails('customers', { v: 1, since: 'yesterday', seen: [], until: null, after: null, high: null, highIds: [] });
    await fails('inventory_items', { after: '' });
    await fails('inventory_items', 'cursor');
    expect(h.requests()).toHaveLength(0);
  });
});
