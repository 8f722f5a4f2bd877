import { setTimeout as sleep } from 'node:timers/promises';
import { createAdminApiClient, type ClientResponse } from '@shopify/admin-api-client';
import type { ExtractTask } from '../workers/task.js';
import { PRODUCT_PAGE_SIZE, PRODUCTS_QUERY } from './product-query.js';

const STORE = 'https://bench.myshopify.com';

interface ThrottleStatus {
  currentlyAvailable: number;
  restoreRate: number;
}

interface ProductsPage {
  products: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * The official client has no paginator and does not retry THROTTLED (it comes with HTTP 200), so this is the loop
 * its users write from Shopify's rate-limit docs: page with `endCursor`, and on THROTTLED wait
 * `(requestedQueryCost - currentlyAvailable) / restoreRate` seconds, then repeat the page. The client always
 * calls https://{shop}; `customFetchApi` points it at the loopback fake.
 */
export async function extract(task: ExtractTask): Promise<number> {
  const client = createAdminApiClient({
    storeDomain: 'bench.myshopify.com',
    apiVersion: '2025-07',
    accessToken: 'shpat_bench',
    customFetchApi: (url, init) => fetch(url.replace(STORE, task.baseUrl), init),
    // 2025-07 is outside the client's "supported" list by date; silence its warning.
    logger: () => undefined,
  });
  let records = 0;
  let after: string | null = null;
  for (;;) {
    const response: ClientResponse<ProductsPage> = await client.request<ProductsPage>(PRODUCTS_QUERY, { variables: { first: PRODUCT_PAGE_SIZE, after } });
    const { data, errors, extensions } = response;
    const throttled = errors?.graphQLErrors?.some((e) => (e.extensions as { code?: unknown } | undefined)?.code === 'THROTTLED');
    if (throttled) {
      const cost = extensions?.cost as { requestedQueryCost: number; throttleStatus: ThrottleStatus } | undefined;
      const deficit = (cost?.requestedQueryCost ?? 0) - (cost?.throttleStatus.currentlyAvailable ?? 0);
      await sleep(cost ? Math.max(0, (deficit / cost.throttleStatus.restoreRate) * 1000) : 1000);
      continue;
    }
    if (errors || !data) throw new Error(`Shopify client error: ${errors?.message ?? 'no data'}`);
    records += data.products.nodes.length;
    if (!data.products.pageInfo.hasNextPage) return records;
    after = data.products.pageInfo.endCursor;
  }
}
