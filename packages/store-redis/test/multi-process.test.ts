import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerConfig, WorkerReport } from './fixtures/extract-worker.js';
import { startFakeHubSpot, type FakeHubSpot } from './fixtures/fake-hubspot.js';
import { connectRedis, dropPrefix, REDIS_URL, redisUp, skipNote, uniquePrefix, type TestRedis } from './fixtures/redis.js';

const WORKER = fileURLToPath(new URL('./fixtures/extract-worker.ts', import.meta.url));
/** The package directory: `--import tsx` resolves from the child's working directory. */
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const WORKERS = 4;
/** 350 pages of 100 records: 35,000 records, 350 requests; at 100 per rolling 10 s the floor is 30 s. */
const PAGES = 350;
const FLOOR_MS = Math.floor((PAGES - 1) / 100) * 10_000;

interface RunResult {
  reports: WorkerReport[];
  server: FakeHubSpot['stats'];
  elapsedMs: number;
}

/** Forks the workers, waits until each is connected, starts them together, and collects their reports. */
async function extract(store: WorkerConfig['store'], prefix: string): Promise<RunResult> {
  const api = await startFakeHubSpot({ pages: PAGES });
  const children: ChildProcess[] = [];
  try {
    const ready: Promise<void>[] = [];
    const done: Promise<WorkerReport>[] = [];
    for (let worker = 0; worker < WORKERS; worker += 1) {
      const child = fork(WORKER, [], { cwd: PACKAGE_DIR, execArgv: ['--conditions=@cf/source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      ready.push(new Promise((resolve) => child.once('message', () => resolve())));
      done.push(
        new Promise((resolve, reject) => {
          child.on('message', (m: { type: string; report?: WorkerReport; error?: string }) => {
            if (m.type === 'done' && m.report) resolve(m.report);
            if (m.type === 'failed') reject(new Error(`worker ${worker}: ${m.error}`));
          });
          child.once('exit', (code) => reject(new Error(`worker ${worker} exited with ${code} before reporting`)));
        }),
      );
      const config: WorkerConfig = { baseUrl: api.baseUrl, store, redisUrl: REDIS_URL, prefix, worker, workers: WORKERS, pages: PAGES };
      child.send(config);
    }
    await Promise.all(ready);
    for (const child of children) child.send('go');
    const reports = await Promise.all(done);
    const elapsedMs = (api.stats.lastAnswer ?? 0) - (api.stats.firstArrival ?? 0);
    return { reports, server: api.stats, elapsedMs };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await api.close();
  }
}

function summary(label: string, run: RunResult): string {
  const ids = run.reports.flatMap((r) => r.ids);
  return `${label}: ${run.server.accepted} accepted, ${run.server.rejected} x 429, ${ids.length} records (${new Set(ids).size} distinct), ${run.elapsedMs} ms (floor ${FLOOR_MS} ms); 429s came early by ${JSON.stringify(run.server.earlyByMs.slice(0, 10))} ms`;
}

/**
 * Several processes spend one HubSpot-like quota (100 requests per rolling 10 s, per account). With the quota in
 * Redis they never exceed it; with per-process memory limiters each believes it has the whole quota.
 * Real time: the workers share Redis's clock, so this one test cannot run on a fake clock.
 */
describe.skipIf(!redisUp)(`${WORKERS} worker processes share one API quota through Redis${skipNote}`, () => {
  let redis: TestRedis;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    redis = await connectRedis();
  });
  afterAll(async () => {
    await dropPrefix(redis, prefix);
    redis.destroy();
  });

  it('with the Redis store (the one-option opt-in): zero 429s, every record exactly once, close to the quota floor', async () => {
    const run = await extract('redis', prefix);
    console.info(`[multi-process] ${summary('redis store', run)}`);
    const ids = run.reports.flatMap((r) => r.ids);
    expect(run.reports.flatMap((r) => r.failedPages)).toEqual([]);
    expect(run.server.rejected).toBe(0);
    expect(run.reports.reduce((n, r) => n + r.tooManyRequests, 0)).toBe(0);
    expect(ids).toHaveLength(PAGES * 100);
    expect(new Set(ids).size).toBe(PAGES * 100);
    expect(run.server.servedPages.every((count) => count === 1)).toBe(true);
    // The floor is a hard lower bound (the API would refuse anything faster); the upper bound is loose on purpose.
    expect(run.elapsedMs).toBeGreaterThanOrEqual(FLOOR_MS);
    expect(run.elapsedMs).toBeLessThanOrEqual(FLOOR_MS * 1.1 + 2000);
  }, 90_000);

  it('with per-process memory stores, the same extract runs into the 429s the shared store avoids', async () => {
    const run = await extract('memory', prefix);
    console.info(`[multi-process] ${summary('memory store', run)}`);
    expect(run.server.rejected).toBeGreaterThan(0);
    expect(run.reports.reduce((n, r) => n + r.tooManyRequests, 0)).toBe(run.server.rejected);
  }, 90_000);
});
