import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError } from '@cf/core';
import { expectGraphqlRequest, startShopify, type Harness } from './helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ITEM = 'gid://shopify/InventoryItem/44721110270008';
const LOCATION = 'gid://shopify/Location/76412649528';

describe('inventory', () => {
  it('list and get inventory items (unit cost as money)', async () => {
    h = await startShopify();
    const items = await h.shopify.inventory.list({ query: 'sku:AERA-M' }).toArray({ limit: 5 });
    expect(items).toEqual([
      {
        id: ITEM,
        sku: 'AERA-M',
        tracked: true,
        requiresShipping: true,
        createdAt: '2024-12-02T10:11:12Z',
        updatedAt: '2025-01-15T08:00:00Z',
        unitCost: { amount: '61.00', currencyCode: 'USD' },
        countryCodeOfOrigin: 'IT',
      },
    ]);
    // inventoryItems takes no sortKey.
    expectGraphqlRequest(h.requests()[0], {
      query: 'inventoryItems(first: $first, after: $after, query: $query, reverse: $reverse)',
      variables: { first: 250, after: null, query: 'sku:AERA-M', reverse: false },
    });
    expect((await h.shopify.inventory.get(ITEM)).sku).toBe('AERA-M');
  });

  it('levels: quantities per location, paginated under the item', async () => {
    h = await startShopify();
    const levels = await h.shopify.inventory.levels(ITEM).toArray({ limit: 10 });
    expect(levels).toHaveLength(1);
    expect(levels[0]?.location).toEqual({ id: LOCATION, name: 'Main warehouse' });
    expect(levels[0]?.quantities.find((q) => q.name === 'available')?.quantity).toBe(7);
    expectGraphqlRequest(h.requests()[0], {
      query: 'inventoryItem(id: $id) { inventoryLevels(first: $first, after: $after)',
      variables: { id: ITEM, first: 250, after: null },
    });
  });

  it('adjustQuantities: inventoryAdjustQuantities(input:) and its userErrors with codes', async () => {
    h = await startShopify();
    const input = { reason: 'correction', name: 'available' as const, changes: [{ delta: -2, inventoryItemId: ITEM, locationId: LOCATION }] };
    const payload = await h.shopify.inventory.adjustQuantities(input);
    expect(payload.inventoryAdjustmentGroup).toMatchObject({ reason: 'correction', changes: [{ name: 'available', delta: -2 }] });
    expectGraphqlRequest(h.requests()[0], { query: 'inventoryAdjustQuantities(input: $input)', variables: { input } });
    const error = await h.shopify.inventory
      .adjustQuantities({ ...input, changes: [{ delta: 1, inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: LOCATION }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'input.changes.0.inventoryItemId', message: 'The specified inventory item could not be found.' }],
      details: { userErrors: [{ code: 'INVALID_INVENTORY_ITEM' }] },
    });
  });

  it('validates input before the network', async () => {
    h = await startShopify();
    for (const call of [
      () => h!.shopify.inventory.levels('gid://shopify/Product/1'),
      () => h!.shopify.inventory.levels(ITEM, { first: 500 }),
      () => h!.shopify.inventory.adjustQuantities({ reason: 'correction', name: 'available', changes: [] }),
      () => h!.shopify.inventory.adjustQuantities({ reason: 'correction', name: 'available', changes: [{ delta: 0, inventoryItemId: ITEM, locationId: LOCATION }] }),
      () => h!.shopify.inventory.adjustQuantities({ reason: 'correction', name: 'sold' as never, changes: [{ delta: 1, inventoryItemId: ITEM, locationId: LOCATION }] }),
      () => h!.shopify.inventory.list({ sortKey: 'ID' as never }),
    ]) {
      const error = await (async () => call())().catch((e: unknown) => e);
      expect(isValidationError(error), String(error)).toBe(true);
    }
    expect(h.requests()).toHaveLength(0);
  });
});
