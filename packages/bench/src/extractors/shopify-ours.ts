import { ShopifyConnector } from '@cf/connector-shopify';
import type { ExtractTask } from '../workers/task.js';

/**
 * Our Shopify connector as a user runs a full extract: `products.list()` page by page with its defaults (page size
 * and cost-aware pacing, which adopts the bucket the server reports in `throttleStatus`). Unpaced for the memory run.
 */
export async function extract(task: ExtractTask): Promise<number> {
  const shopify = new ShopifyConnector({
    shop: 'bench',
    accessToken: 'shpat_bench',
    baseUrl: task.baseUrl,
    ...(task.pacing === 'none' ? { rateLimit: false as const } : {}),
  });
  let records = 0;
  try {
    for await (const page of shopify.products.list().pages()) records += page.items.length;
  } finally {
    await shopify.disconnect();
  }
  return records;
}
