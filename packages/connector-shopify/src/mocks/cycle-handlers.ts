import { http, HttpResponse, type RequestHandler } from 'msw';
import { GRAPHQL_PATH } from './shopify-mock.js';

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
