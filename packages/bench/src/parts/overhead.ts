import { startFakeServer } from '../harness/fake-server.js';
import { runInWorker } from '../harness/worker-client.js';
import type { Profile } from '../profile.js';
import { OVERHEAD_CLIENTS, OVERHEAD_SHAPES, type OverheadSample } from '../workers/task.js';

/** Part 1: a simple GET (one record, and a page of 100) with no rate limit, every client in one worker, the fake server in another process. */
export async function benchOverhead(profile: Profile): Promise<OverheadSample[]> {
  const server = await startFakeServer({ api: 'hubspot', config: { records: 1000, limit: null, windowMs: 10_000 } });
  try {
    const { concurrencies, rounds, warmupMs, durationMs } = profile.overhead;
    const budget = rounds * concurrencies.length * OVERHEAD_CLIENTS.length * OVERHEAD_SHAPES.length * (warmupMs + durationMs) + 120_000;
    return await runInWorker(
      { kind: 'overhead', baseUrl: server.baseUrl, clients: [...OVERHEAD_CLIENTS], shapes: [...OVERHEAD_SHAPES], concurrencies, rounds, warmupMs, durationMs },
      budget,
    );
  } finally {
    await server.close();
  }
}
