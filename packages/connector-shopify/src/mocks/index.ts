import type { RequestHandler } from 'msw';
import { createShopifyMock } from './shopify-mock.js';

export { createShopifyMock, DEFAULT_SUPPORTED_VERSIONS, GRAPHQL_PATH, BULK_RESULT_PATH } from './shopify-mock.js';
export type { ShopifyMock, ShopifyMockOptions, ShopifyMockStats } from './shopify-mock.js';
export type { MockStore, MockStoreOptions } from './store.js';
export { MockCostBucket, type MockBucketOptions, type ThrottleStatusBody } from './cost-bucket.js';
export type { MockBulkOperation, MockBulkOptions } from './bulk-mock.js';
export { shopifyErrors, type TimesOption } from './errors.js';
export { cycleHandlers } from './cycle-handlers.js';
export { conformanceSubject } from './conformance-subject.js';
export {
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

/** A ready-made mock shop (fixtures, a 1000-point bucket restoring 50/s on the wall clock). */
const defaultMock = createShopifyMock();

/** The default handlers: serve them with `startMockServer(handlers)` and point `baseUrl` at it. */
export const handlers: RequestHandler[] = defaultMock.handlers;

/** Realistic records, as the default handlers serve them. */
export const fixtures = defaultMock.store;
export { signedShopifyDelivery, shopifyWebhookPayload, type SignedShopifyDeliveryOptions } from './webhooks.js';
