import {
  collectionFixtures,
  customerFixtures,
  generateOrders,
  generateProducts,
  inventoryItemFixtures,
  orderFixtures,
  productFixtures,
  shopFixture,
  type MockRecord,
} from './fixtures.js';

/** The records a mock shop serves, by resource. Edit them between calls to script a test. */
export interface MockStore {
  /** The shop (`query { shop }`). */
  shop: Record<string, unknown>;
  /** Products, in id order. */
  products: MockRecord[];
  /** Orders. */
  orders: MockRecord[];
  /** Customers. */
  customers: MockRecord[];
  /** Collections. */
  collections: MockRecord[];
  /** Inventory items. */
  inventoryItems: MockRecord[];
}

export type MockCollectionName = keyof Omit<MockStore, 'shop'>;

/** The records a mock shop starts with (the fixtures by default). */
export interface MockStoreOptions {
  /** A number of products to generate (fixtures first) or the records. @default the 3 fixtures */
  products?: number | MockRecord[];
  /** A number of orders to generate (fixtures first) or the records. @default the 2 fixtures */
  orders?: number | MockRecord[];
  /** The customers. @default the fixtures */
  customers?: MockRecord[];
  /** The collections. @default the fixtures */
  collections?: MockRecord[];
  /** The inventory items. @default the fixtures */
  inventoryItems?: MockRecord[];
}

/** List fields on QueryRoot and the single-object fields, mapped to the store. */
export const CONNECTION_ROOTS: Record<string, MockCollectionName> = {
  products: 'products',
  orders: 'orders',
  customers: 'customers',
  collections: 'collections',
  inventoryItems: 'inventoryItems',
};
export const SINGLE_ROOTS: Record<string, MockCollectionName> = {
  product: 'products',
  order: 'orders',
  customer: 'customers',
  collection: 'collections',
  inventoryItem: 'inventoryItems',
};

/** A GraphQL error the mock answers with (HTTP 200, in `errors[]`). */
export class MockGraphqlError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly path?: string[],
  ) {
    super(message);
  }
}

/** Shopify's DateTime format: UTC, whole seconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function records(value: number | MockRecord[] | undefined, fixtures: MockRecord[], generate?: (n: number) => MockRecord[]): MockRecord[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number' && generate) return generate(value);
  return fixtures.map((r) => structuredClone(r));
}

export function createStore(options: MockStoreOptions): MockStore {
  return {
    shop: structuredClone(shopFixture),
    products: records(options.products, productFixtures, (n) => generateProducts(n)),
    orders: records(options.orders, orderFixtures, (n) => generateOrders(n)),
    customers: records(options.customers, customerFixtures),
    collections: records(options.collections, collectionFixtures),
    inventoryItems: records(options.inventoryItems, inventoryItemFixtures),
  };
}
