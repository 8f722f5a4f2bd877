import { http, HttpResponse, type RequestHandler } from 'msw';
import { createShopifyMock, GRAPHQL_PATH } from './shopify-mock.js';

export { createShopifyMock, DEFAULT_SUPPORTED_VERSIONS, GRAPHQL_PATH, BULK_RESULT_PATH } from './shopify-mock.js';
export type { ShopifyMock, ShopifyMockOptions, ShopifyMockStats } from './shopify-mock.js';
export type { MockStore, MockStoreOptions } from './store.js';
export { MockCostBucket, type MockBucketOptions, type ThrottleStatusBody } from './cost-bucket.js';
export type { MockBulkOperation, MockBulkOptions } from './bulk-mock.js';
export { shopifyErrors, type TimesOption } from './errors.js';
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

/** A products page whose cursor never advances (for testing that pagination stops on a repeated cursor). */
export const cycleHandlers: RequestHandler[] = [
  http.post(GRAPHQL_PATH, () =>
    HttpResponse.json({
      data: {
        products: {
          nodes: [],
          pageInfo: { hasNextPage: true, endCursor: 'eyJsYXN0X2lkIjoxLCJsYXN0X3ZhbHVlIjoxfQ==' },
        },
      },
      extensions: { cost: { requestedQueryCost: 12, actualQueryCost: 2, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 998, restoreRate: 50 } } },
    }),
  ),
];
