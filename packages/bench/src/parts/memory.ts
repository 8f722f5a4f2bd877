import { startFakeServer } from '../harness/fake-server.js';
import { runInWorker } from '../harness/worker-client.js';
import type { Profile } from '../profile.js';
import type { ExtractorName } from '../workers/task.js';

export interface MemoryRow {
  extractor: ExtractorName;
  /** Records the server holds. */
  records: number;
  received: number;
  ms: number;
  /** Peak RSS of the worker process. */
  peakRssBytes: number;
  /** RSS of the same worker before it loaded the client (Node plus the TypeScript loader). */
  startRssBytes: number;
  error?: string;
}

/**
 * Part 3: each extract runs in its own worker against a fake server with no rate limit that generates records
 * on the fly; the worker reports its peak RSS (getrusage maxrss). The floor is a raw undici page loop; ours
 * stream page by page; the HubSpot SDK's `getAll` returns one array. Shopify's official client has no "get all", so it has no row here.
 */
export async function benchMemory(profile: Profile): Promise<MemoryRow[]> {
  const plans: Array<{ extractor: ExtractorName; records: number }> = [
    { extractor: 'hubspot-undici', records: profile.memory.records },
    { extractor: 'hubspot-ours', records: profile.memory.records },
    { extractor: 'hubspot-sdk', records: profile.memory.sdkRecords },
    { extractor: 'shopify-ours', records: profile.memory.records },
  ];
  const rows: MemoryRow[] = [];
  for (const plan of plans) {
    const row: MemoryRow = { ...plan, received: 0, ms: 0, peakRssBytes: 0, startRssBytes: 0 };
    const server = plan.extractor.startsWith('hubspot')
      ? await startFakeServer({ api: 'hubspot', config: { records: plan.records, limit: null, windowMs: 10_000 } })
      : await startFakeServer({ api: 'shopify', config: { records: plan.records, maximumAvailable: 1e9, restoreRate: 1e9 } });
    try {
      const hubspotWindow = { limit: 100, windowMs: 10_000 };
      const result = await runInWorker({ kind: 'extract', extractor: plan.extractor, baseUrl: server.baseUrl, pacing: 'none', hubspotWindow }, 900_000);
      Object.assign(row, { received: result.records, ms: result.ms, peakRssBytes: result.maxRssBytes, startRssBytes: result.startRssBytes });
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    } finally {
      await server.close();
    }
    rows.push(row);
  }
  return rows;
}
