import { startFakeServer, type FakeServer } from '../harness/fake-server.js';
import { runInWorker } from '../harness/worker-client.js';
import type { Profile } from '../profile.js';
import { PRODUCT_PAGE_SIZE } from '../extractors/product-query.js';
import type { ExtractorName } from '../workers/task.js';
import { costBucketFloorMs, rollingWindowFloorMs, steadyRateFloorMs } from './floors.js';

export interface QuotaRow {
  api: 'hubspot' | 'shopify';
  extractor: ExtractorName;
  /** Records the server holds. */
  records: number;
  /** Records the client got. */
  received: number;
  ms: number;
  /** The least time the quota allows (first window or full bucket used at once). */
  floorMs: number;
  /** HubSpot: the steady-rate floor, N / 100 per page / 10 per second. */
  steadyFloorMs?: number;
  /** floorMs / ms */
  ratio: number;
  /** 429s (HubSpot) or THROTTLED (Shopify) the server answered. */
  refused: number;
  requests: number;
  error?: string;
}

const HUBSPOT_PAGE = 100;
/** Cost of one product with the default selection (the node and its `variantsCount` object). */
const PRODUCT_POINTS = 2;

/**
 * Part 2: each client extracts everything from its own rate-limited fake server. The four runs go in parallel:
 * they spend nearly all their time waiting on the quota, and each server counts only its own client.
 */
export async function benchQuota(profile: Profile): Promise<QuotaRow[]> {
  const { hubspot, shopify } = profile.quota;
  const hubspotWindow = { limit: hubspot.limit, windowMs: hubspot.windowMs };
  const hubspotPages = Math.ceil(hubspot.records / HUBSPOT_PAGE);
  const shopifyPages = Math.ceil(shopify.records / PRODUCT_PAGE_SIZE);
  const requested = Array.from({ length: shopifyPages }, () => 2 + PRODUCT_PAGE_SIZE * PRODUCT_POINTS);
  const actual = requested.map((_, i) => 2 + Math.min(PRODUCT_PAGE_SIZE, shopify.records - i * PRODUCT_PAGE_SIZE) * PRODUCT_POINTS);
  const plans = [
    { api: 'hubspot' as const, extractor: 'hubspot-ours' as const, records: hubspot.records },
    { api: 'hubspot' as const, extractor: 'hubspot-sdk' as const, records: hubspot.records },
    { api: 'shopify' as const, extractor: 'shopify-ours' as const, records: shopify.records },
    { api: 'shopify' as const, extractor: 'shopify-sdk' as const, records: shopify.records },
  ];
  const floors = {
    hubspot: rollingWindowFloorMs(hubspotPages, hubspot.limit, hubspot.windowMs),
    shopify: costBucketFloorMs(requested, actual, shopify.maximumAvailable, shopify.restoreRate),
  };
  const budgetMs = Math.max(floors.hubspot, floors.shopify) * 4 + 120_000;
  return Promise.all(
    plans.map(async (plan): Promise<QuotaRow> => {
      let server: FakeServer | undefined;
      const row: QuotaRow = { ...plan, received: 0, ms: 0, floorMs: floors[plan.api], ratio: 0, refused: 0, requests: 0 };
      if (plan.api === 'hubspot') row.steadyFloorMs = steadyRateFloorMs(hubspotPages, hubspot.limit, hubspot.windowMs);
      try {
        server =
          plan.api === 'hubspot'
            ? await startFakeServer({ api: 'hubspot', config: { records: plan.records, limit: hubspot.limit, windowMs: hubspot.windowMs } })
            : await startFakeServer({ api: 'shopify', config: profile.quota.shopify });
        const result = await runInWorker({ kind: 'extract', extractor: plan.extractor, baseUrl: server.baseUrl, pacing: 'quota', hubspotWindow }, budgetMs);
        row.received = result.records;
        row.ms = result.ms;
        row.ratio = row.floorMs / result.ms;
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      } finally {
        if (server) {
          const stats = await server.stats().catch(() => undefined);
          row.refused = (plan.api === 'hubspot' ? stats?.rateLimited : stats?.throttled) ?? 0;
          row.requests = stats?.requests ?? 0;
          await server.close();
        }
      }
      return row;
    }),
  );
}
