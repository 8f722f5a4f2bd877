import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('collections', () => {
  it('list, get and create', async () => {
    h = await startShopify();
    const [cycling] = await h.shopify.collections.list({ sortKey: 'TITLE' }).toArray({ limit: 5 });
    expect(cycling).toEqual({
      id: 'gid://shopify/Collection/482865238328',
      title: 'Cycling',
      handle: 'cycling',
      updatedAt: '2025-01-15T08:00:00Z',
      sortOrder: 'BEST_SELLING',
      productsCount: { count: 1 },
    });
    expectGraphqlRequest(h.requests()[0], {
      query: 'collections(first: $first, after: $after, query: $query, reverse: $reverse, sortKey: $sortKey)',
      variables: { first: 250, after: null, query: null, reverse: false, sortKey: 'TITLE' },
    });
    expect((await h.shopify.collections.get(482865238328)).title).toBe('Cycling');
    const { collection } = await h.shopify.collections.create({ title: 'Winter', products: ['gid://shopify/Product/7608002248760'] });
    expect(collection).toMatchObject({ title: 'Winter', handle: 'winter', productsCount: { count: 1 } });
    expectGraphqlRequest(h.requests()[2], { query: 'collectionCreate(input: $input)', variables: { input: { title: 'Winter', products: ['gid://shopify/Product/7608002248760'] } } });
  });

  it('validates input before the network', async () => {
    h = await startShopify();
    for (const call of [() => h!.shopify.collections.create({ title: '' }), () => h!.shopify.collections.create({ title: 'x', products: ['42'] })]) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
