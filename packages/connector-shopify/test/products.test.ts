import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { productFixtures } from '../src/mocks/index.js';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('products', () => {
  it('list: pages with first/after, sends the search query and sort, and yields typed products', async () => {
    h = await startShopify();
    const pages = [];
    for await (const page of h.shopify.products.list({ first: 2, query: 'vendor:Acme', sortKey: 'TITLE', reverse: true }).pages()) pages.push(page);
    expect(pages.map((p) => p.items.map((i) => i.title))).toEqual([['Trail Runner Socks', 'Aera']]);
    const product = pages[0]?.items[1];
    expect(product).toEqual({
      id: 'gid://shopify/Product/7608002183224',
      title: 'Aera',
      handle: 'aera-helmet',
      status: 'ACTIVE',
      vendor: 'Acme',
      productType: 'Helmets',
      tags: ['bike', 'safety'],
      createdAt: '2024-12-02T10:11:12Z',
      updatedAt: '2025-01-15T08:00:00Z',
      publishedAt: '2024-12-02T10:15:00Z',
      totalInventory: 19,
      variantsCount: { count: 2 },
    });
    expectGraphqlRequest(h.requests()[0], {
      query: 'products(first: $first, after: $after, query: $query, reverse: $reverse, sortKey: $sortKey)',
      variables: { first: 2, after: null, query: 'vendor:Acme', reverse: true, sortKey: 'TITLE' },
    });
  });

  it('list: follows pageInfo.endCursor as `after` until hasNextPage is false', async () => {
    h = await startShopify();
    const titles = [];
    for await (const p of h.shopify.products.list({ first: 1 })) titles.push(p.title);
    expect(titles).toEqual(productFixtures.map((p) => p.title));
    const cursors = h.bodies().map((b) => b.variables?.after);
    expect(cursors[0]).toBeNull();
    expect(typeof cursors[1]).toBe('string');
    expect(cursors).toHaveLength(3);
  });

  it('list: a custom selection is sent as-is and returned untyped; toArray needs a limit', async () => {
    h = await startShopify();
    const rows = await h.shopify.products.list<{ id: string; variants: { nodes: Array<{ sku: string }> } }>({ fields: 'id variants(first: 5) { nodes { sku } }' }).toArray({ limit: 1 });
    expect(rows[0]).toEqual({ id: 'gid://shopify/Product/7608002183224', variants: { nodes: [{ sku: 'AERA-M' }, { sku: 'AERA-L' }] } });
    // 1 + (2 + 5 × 1) = 8 points per product: the page size stays under 1000 (2 + 124 × 8 = 994).
    expect(h.bodies()[0]?.variables?.first).toBe(124);
    expect(h.bodies()[0]?.query).toContain('nodes { id variants(first: 5) { nodes { sku } } }');
  });

  it('get: by GID or numeric id; NOT_FOUND when Shopify returns null', async () => {
    h = await startShopify();
    const byNumber = await h.shopify.products.get(7608002215992);
    expect(byNumber.handle).toBe('trail-runner-socks');
    expectGraphqlRequest(h.requests()[0], { query: 'product(id: $id) {', variables: { id: 'gid://shopify/Product/7608002215992' } });
    const missing = await h.shopify.products.get('gid://shopify/Product/1').catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { id: 'gid://shopify/Product/1' } });
    const custom = await h.shopify.products.get<{ title: string }>('gid://shopify/Product/7608002183224', { fields: 'title' });
    expect(custom).toEqual({ title: 'Aera' });
  });

  it('create: sends productCreate(product:) and returns the payload', async () => {
    h = await startShopify();
    const payload = await h.shopify.products.create({ title: 'Ridge Gloves', vendor: 'Acme', tags: ['winter'], status: 'DRAFT' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.product).toMatchObject({ title: 'Ridge Gloves', handle: 'ridge-gloves', status: 'DRAFT', tags: ['winter'], createdAt: '2026-01-01T00:00:00Z' });
    expect(payload.product?.id).toMatch(/^gid:\/\/shopify\/Product\/\d+$/);
    expectGraphqlRequest(h.requests()[0], {
      query: 'productCreate(product: $product)',
      variables: { product: { title: 'Ridge Gloves', vendor: 'Acme', tags: ['winter'], status: 'DRAFT' } },
    });
  });

  it('create: userErrors become VALIDATION_ERROR with each field path and message', async () => {
    h = await startShopify();
    const error = await h.shopify.products.create({ title: 'Aera', handle: 'aera-helmet' }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'handle', message: "Handle 'aera-helmet' already in use. Please provide a new handle." }],
      details: { mutation: 'productCreate', userErrors: [{ field: ['handle'], message: "Handle 'aera-helmet' already in use. Please provide a new handle." }] },
    });
    expect((error as Error).message).toBe("productCreate was rejected: handle: Handle 'aera-helmet' already in use. Please provide a new handle.");
    // A rejected mutation is not retried.
    expect(h.requests()).toHaveLength(1);
  });

  it('update and delete: productUpdate(product:) and productDelete(input:)', async () => {
    h = await startShopify();
    h.clock.advance(60_000);
    const updated = await h.shopify.products.update({ id: 'gid://shopify/Product/7608002183224', title: 'Aera II' });
    expect(updated.product).toMatchObject({ title: 'Aera II', updatedAt: '2026-01-01T00:01:00Z' });
    expectGraphqlRequest(h.requests()[0], { query: 'productUpdate(product: $product)', variables: { product: { id: 'gid://shopify/Product/7608002183224', title: 'Aera II' } } });
    const deleted = await h.shopify.products.delete('7608002183224');
    expect(deleted).toEqual({ deletedProductId: 'gid://shopify/Product/7608002183224', userErrors: [] });
    expectGraphqlRequest(h.requests()[1], { query: 'productDelete(input: $input)', variables: { input: { id: 'gid://shopify/Product/7608002183224' } } });
    const again = await h.shopify.products.delete('7608002183224').catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'VALIDATION_ERROR', issues: [{ path: 'id', message: 'Product does not exist' }] });
  });

  it('validates input before the network', async () => {
    h = await startShopify();
    const calls: Array<() => unknown> = [
      () => h!.shopify.products.list({ first: 0 }),
      () => h!.shopify.products.list({ first: 251 }),
      () => h!.shopify.products.list({ sortKey: 'PRICE' as never }),
      () => h!.shopify.products.list({ pageSize: 10 } as never),
      () => h!.shopify.products.list({ fields: 'id { ' }),
      () => h!.shopify.products.get('gid://shopify/Order/1'),
      () => h!.shopify.products.get('abc'),
      () => h!.shopify.products.get(-1),
      () => h!.shopify.products.create({ title: '  ' }),
      () => h!.shopify.products.create({ title: 'x', status: 'LIVE' as never }),
      () => h!.shopify.products.create({ title: 'x', handle: 'Not A Handle' }),
      () => h!.shopify.products.create({ title: 'x', tags: Array.from({ length: 251 }, (_, i) => `t${i}`) }),
      () => h!.shopify.products.update({ id: '123', title: 'x' }),
      () => h!.shopify.products.delete('gid://shopify/Customer/1'),
    ];
    for (const call of calls) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
