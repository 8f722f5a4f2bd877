import type { ConformanceSubject } from '@cf/core/testing';
import { ShopifyConnector } from '../connector.js';
import { metadata } from '../metadata.js';
import { iso } from './store.js';
import type { MockBulkOperation } from './bulk-mock.js';
import { customerFixtures, inventoryItemFixtures, orderFixtures, productFixtures, collectionFixtures } from './fixtures.js';
import { cycleHandlers } from './cycle-handlers.js';
import { createShopifyMock } from './shopify-mock.js';

/** The conformance suite's token: it must reach the mock in `X-Shopify-Access-Token` and nowhere else. */
const TOKEN = 'shpat_conformance_secret_0123456789';

/**
 * The kit builds each rule's connectors on a fresh FakeClock. The mock's cost bucket follows that clock, so a
 * THROTTLED the mock answers is waited out on the same fake time it refills by; when a rule starts (a new clock),
 * the mock's time goes on from where it was plus a full refill, so each rule meets a full bucket, as after a pause.
 */
class FollowingClock {
  private clock: { now(): number } = { now: () => Date.now() };
  private offset = 0;

  now(): number {
    return this.clock.now() + this.offset;
  }

  follow(clock: { now(): number } | undefined): void {
    if (!clock || clock === this.clock) return;
    const resumeAt = this.now() + FULL_REFILL_MS;
    this.clock = clock;
    this.offset = resumeAt - clock.now();
  }
}

/** 1000 points at 50 per second. */
const FULL_REFILL_MS = 20_000;

const clock = new FollowingClock();
/** A shop of its own (not the default `handlers`' shop): the samples below create, change and delete records. */
const mock = createShopifyMock({ clock });
let serverUrl = 'http://127.0.0.1';
let sequence = 0;

const first = <T>(records: readonly T[]): T => records[0] as T;
const product = first(productFixtures);
const order = first(orderFixtures);
const customer = first(customerFixtures);
const collection = first(collectionFixtures);
const inventoryItem = first(inventoryItemFixtures);
const location = first((inventoryItem.inventoryLevels as Array<{ location: { id: string } }>).map((level) => level.location));

const BULK_QUERY = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';

/** Ends every bulk operation still in progress, as a shop where none runs (Shopify runs one at a time). */
function settleBulkOperations(): void {
  for (const op of mock.bulkOperations) if (op.status === 'CREATED' || op.status === 'RUNNING' || op.status === 'CANCELING') op.status = 'CANCELED';
}

/** A bulk operation in the given state, as if started earlier by this app. */
function seedBulkOperation(status: MockBulkOperation['status']): MockBulkOperation {
  settleBulkOperations();
  sequence += 1;
  const number = 9_900_000 + sequence;
  const completed = status === 'COMPLETED';
  const op: MockBulkOperation = {
    id: `gid://shopify/BulkOperation/${number}`,
    status,
    errorCode: null,
    createdAt: iso(clock.now()),
    completedAt: completed ? iso(clock.now()) : null,
    objectCount: completed ? '9' : '0',
    rootObjectCount: completed ? '3' : '0',
    fileSize: null,
    url: completed ? `${serverUrl}/bulk-results/${number}.jsonl?GoogleAccessId=mock&Signature=mock-signature` : null,
    partialDataUrl: null,
    query: BULK_QUERY,
    polls: 0,
    origin: serverUrl,
  };
  mock.bulkOperations.push(op);
  return op;
}

/** A product only this sample deletes. */
function seedProduct(): string {
  sequence += 1;
  const id = `gid://shopify/Product/${9_800_000_000_000 + sequence}`;
  mock.store.products.push({ ...structuredClone(product), id, handle: `conformance-delete-${sequence}` });
  return id;
}

async function drain<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const page = { first: 50 };
const pages = { limit: 200 };

/**
 * What core's conformance kit runs against this connector (its `test/conformance.test.ts` and `cf check`): a mock
 * shop, the metadata, and a sample call of every declared operation that the mock answers (pages and streams read
 * to the end).
 */
export const conformanceSubject: ConformanceSubject<ShopifyConnector> = {
  name: 'shopify',
  handlers: mock.handlers,
  secret: TOKEN,
  create: ({ serverUrl: url, overrides }) => {
    serverUrl = url;
    clock.follow(overrides.clock);
    return new ShopifyConnector({ shop: 'acme-outdoor', accessToken: TOKEN, baseUrl: url, ...overrides });
  },
  call: (shopify, o) => shopify.shop.get(o),
  pagination: { call: (shopify) => shopify.products.list().toArray({ limit: 1000 }), cycleHandlers },
  metadata,
  operations: [
    {
      name: 'graphql',
      invoke: (shopify, o) =>
        shopify.graphql(
          'mutation CollectionCreate($input: CollectionInput!) { collectionCreate(input: $input) { collection { id title } userErrors { field message } } }',
          { input: { title: 'Conformance picks' } },
          o,
        ),
    },
    { name: 'shop.get', invoke: (shopify, o) => shopify.shop.get(o) },
    { name: 'products.list', invoke: (shopify, o) => shopify.products.list(page, o).toArray(pages) },
    { name: 'products.get', invoke: (shopify, o) => shopify.products.get(product.id, o) },
    { name: 'products.changedSince', invoke: (shopify, o) => shopify.products.changedSince(null, page, o).toArray(pages) },
    { name: 'products.create', invoke: (shopify, o) => shopify.products.create({ title: `Conformance product ${(sequence += 1)}` }, o) },
    { name: 'products.update', invoke: (shopify, o) => shopify.products.update({ id: product.id, tags: ['bike', 'safety', 'conformance'] }, o) },
    { name: 'products.delete', invoke: (shopify, o) => shopify.products.delete(seedProduct(), o) },
    { name: 'orders.list', invoke: (shopify, o) => shopify.orders.list(page, o).toArray(pages) },
    { name: 'orders.get', invoke: (shopify, o) => shopify.orders.get(order.id, o) },
    { name: 'orders.changedSince', invoke: (shopify, o) => shopify.orders.changedSince(null, page, o).toArray(pages) },
    { name: 'customers.list', invoke: (shopify, o) => shopify.customers.list(page, o).toArray(pages) },
    { name: 'customers.get', invoke: (shopify, o) => shopify.customers.get(customer.id, o) },
    { name: 'customers.changedSince', invoke: (shopify, o) => shopify.customers.changedSince(null, page, o).toArray(pages) },
    { name: 'customers.create', invoke: (shopify, o) => shopify.customers.create({ firstName: 'Conformance', email: `conformance-${(sequence += 1)}@example.com` }, o) },
    { name: 'customers.update', invoke: (shopify, o) => shopify.customers.update({ id: customer.id, note: 'Prefers e-mail' }, o) },
    { name: 'collections.list', invoke: (shopify, o) => shopify.collections.list(page, o).toArray(pages) },
    { name: 'collections.get', invoke: (shopify, o) => shopify.collections.get(collection.id, o) },
    { name: 'collections.changedSince', invoke: (shopify, o) => shopify.collections.changedSince(null, page, o).toArray(pages) },
    { name: 'collections.create', invoke: (shopify, o) => shopify.collections.create({ title: 'Winter picks' }, o) },
    { name: 'inventory.list', invoke: (shopify, o) => shopify.inventory.list(page, o).toArray(pages) },
    { name: 'inventory.get', invoke: (shopify, o) => shopify.inventory.get(inventoryItem.id, o) },
    { name: 'inventory.levels', invoke: (shopify, o) => shopify.inventory.levels(inventoryItem.id, {}, o).toArray(pages) },
    {
      name: 'inventory.adjustQuantities',
      invoke: (shopify, o) =>
        shopify.inventory.adjustQuantities({ reason: 'correction', name: 'available', changes: [{ delta: 1, inventoryItemId: inventoryItem.id, locationId: location.id }] }, o),
    },
    {
      name: 'bulk.run',
      invoke: (shopify, o) => {
        settleBulkOperations();
        return drain(shopify.bulk.run(BULK_QUERY, {}, o));
      },
    },
    {
      name: 'bulk.start',
      invoke: (shopify, o) => {
        settleBulkOperations();
        return shopify.bulk.start(BULK_QUERY, o);
      },
    },
    { name: 'bulk.status', invoke: (shopify, o) => shopify.bulk.status(seedBulkOperation('RUNNING').id, o) },
    { name: 'bulk.current', invoke: (shopify, o) => shopify.bulk.current(o) },
    { name: 'bulk.wait', invoke: (shopify, o) => shopify.bulk.wait(seedBulkOperation('CREATED').id, {}, o) },
    { name: 'bulk.cancel', invoke: (shopify, o) => shopify.bulk.cancel(seedBulkOperation('RUNNING').id, o) },
    { name: 'bulk.download', invoke: (shopify, o) => drain(shopify.bulk.download(seedBulkOperation('COMPLETED').url ?? '', {}, o)) },
  ],
};
