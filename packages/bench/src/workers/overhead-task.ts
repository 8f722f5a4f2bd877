import { median, percentile } from '../harness/stats.js';
import { createGetClient, type GetClient } from './overhead-clients.js';
import type { OverheadClientName, OverheadSample, OverheadShape, OverheadTask } from './task.js';

interface Run {
  latencies: number[];
  elapsedMs: number;
}

/** A closed loop: `concurrency` callers each send their next request as soon as the previous one answered. */
async function closedLoop(client: GetClient, shape: OverheadShape, concurrency: number, durationMs: number): Promise<Run> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  let next = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      const id = (next++ % 1000) + 1;
      const t0 = performance.now();
      await (shape === 'page' ? client.page() : client.get(id));
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { latencies, elapsedMs: performance.now() - started };
}

/**
 * Requests/s and latency of each client for each shape (one record, a page of 100) at each concurrency. Rounds interleave the clients (rotated order) so
 * a burst of load from elsewhere on the machine lands on all of them rather than on one.
 */
export async function runOverhead(task: OverheadTask): Promise<OverheadSample[]> {
  const maxInFlight = Math.max(...task.concurrencies);
  const clients = new Map<OverheadClientName, GetClient>();
  const samples = new Map<string, { rps: number[]; latencies: number[]; requests: number; error?: string }>();
  for (const name of task.clients) clients.set(name, await createGetClient(name, task.baseUrl, maxInFlight));
  try {
    for (let round = 0; round < task.rounds; round += 1) {
      const order = task.clients.map((_, i) => task.clients[(i + round) % task.clients.length] as OverheadClientName);
      for (const shape of task.shapes) {
        for (const concurrency of task.concurrencies) {
          for (const name of order) {
            const key = `${name}@${concurrency}/${shape}`;
            const sample = samples.get(key) ?? { rps: [], latencies: [], requests: 0 };
            samples.set(key, sample);
            if (sample.error !== undefined) continue;
            const client = clients.get(name) as GetClient;
            try {
              await closedLoop(client, shape, concurrency, task.warmupMs);
              const run = await closedLoop(client, shape, concurrency, task.durationMs);
              sample.rps.push((run.latencies.length / run.elapsedMs) * 1000);
              for (const l of run.latencies) sample.latencies.push(l);
              sample.requests += run.latencies.length;
            } catch (error) {
              sample.error = error instanceof Error ? error.message : String(error);
            }
          }
        }
      }
    }
  } finally {
    for (const client of clients.values()) await client.close();
  }
  const out: OverheadSample[] = [];
  for (const shape of task.shapes) {
    for (const concurrency of task.concurrencies) {
      for (const client of task.clients) {
        const sample = samples.get(`${client}@${concurrency}/${shape}`);
        if (!sample) continue;
        const sorted = Float64Array.from(sample.latencies).sort();
        out.push({
          client,
          shape,
          concurrency,
          rps: sample.rps.length > 0 ? median(sample.rps) : 0,
          roundsRps: sample.rps,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          requests: sample.requests,
          ...(sample.error !== undefined ? { error: sample.error } : {}),
        });
      }
    }
  }
  return out;
}
