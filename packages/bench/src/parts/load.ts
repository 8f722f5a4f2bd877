import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeServer } from '../harness/fake-server.js';
import { dropSchema, probePostgres, postgresUrl, withSchema } from '../harness/postgres.js';
import { median } from '../harness/stats.js';
import { runInWorker } from '../harness/worker-client.js';
import type { Profile } from '../profile.js';
import { LOAD_ARMS, type LoadArm, type LoadResult } from '../workers/task.js';

export interface LoadRow {
  arm: LoadArm;
  /** Contacts the server holds. */
  records: number;
  /** One per round, in round order. */
  runs: LoadResult[];
  /** Median over rounds. */
  ms: number;
  rowsPerSecond: number;
  /** The highest peak RSS over rounds, with the RSS at half and at the end of that same run. */
  peakRssBytes: number;
  halfwayRssBytes: number;
  endRssBytes: number;
  startRssBytes: number;
  /** Sync arms: median time / the extract-only median. */
  ratio?: number;
  /** Postgres: the server's version and durability settings. */
  server?: string;
  /** Why the arm did not run (no Postgres server). */
  skipped?: string;
  error?: string;
}

/** Each round runs the arms in the reverse order of the previous one (ABC, CBA), so drifting machine load evens out. */
function armOrder(round: number): LoadArm[] {
  return round % 2 === 0 ? [...LOAD_ARMS] : [...LOAD_ARMS].reverse();
}

/**
 * Part 5: extract-only versus `sync()`. One fake HubSpot server with no rate limit serves `records` contacts; each
 * arm runs in a fresh worker process through the same `contacts` stream: extract-only writes JSON lines to a file,
 * the others `sync()` into a new DuckDB file or a new Postgres schema. Each worker counts the rows that landed and
 * fails unless it is every record. Postgres is skipped, with the reason, when no server answers.
 */
export async function benchLoad(profile: Profile): Promise<LoadRow[]> {
  const { records, rounds } = profile.load;
  const pgUrl = postgresUrl();
  const skipped: Partial<Record<LoadArm, string>> = {};
  const pg = await probePostgres(pgUrl);
  if ('unavailable' in pg) skipped.postgres = pg.unavailable;

  const results = new Map<LoadArm, LoadResult[]>(LOAD_ARMS.map((arm) => [arm, []]));
  const errors: Partial<Record<LoadArm, string>> = {};
  const dir = await mkdtemp(join(tmpdir(), 'cf-bench-load-'));
  const server = await startFakeServer({ api: 'hubspot', config: { records, limit: null, windowMs: 10_000 } });
  // About 30 µs per record would already be slow; leave ten times that.
  const timeoutMs = Math.max(120_000, records * 0.3);
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const arm of armOrder(round)) {
        if (skipped[arm] !== undefined || errors[arm] !== undefined) continue;
        // A new file or schema per run, removed afterwards: every run inserts every record into empty tables.
        const file = join(dir, `contacts-${round}.${arm}`); // .jsonl, .duckdb
        const schema = `cf_bench_load_${process.pid}_${round}`;
        const target = arm === 'jsonl' ? file : arm === 'duckdb' ? `duckdb:${file}` : withSchema(pgUrl, schema);
        process.stderr.write(`bench: load round ${round + 1}/${rounds}: ${arm}...\n`);
        try {
          results.get(arm)?.push(await runInWorker({ kind: 'load', arm, baseUrl: server.baseUrl, records, target }, timeoutMs));
        } catch (error) {
          errors[arm] = error instanceof Error ? error.message : String(error);
          process.stderr.write(`bench: load ${arm} FAILED: ${errors[arm]}\n`);
        } finally {
          if (arm === 'postgres') await dropSchema(pgUrl, schema).catch(() => undefined);
          else for (const path of [file, `${file}.wal`]) await rm(path, { force: true });
        }
      }
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }

  const rows = LOAD_ARMS.map((arm) => summarize(arm, records, results.get(arm) ?? [], skipped[arm], errors[arm]));
  const baseline = rows.find((r) => r.arm === 'jsonl');
  for (const row of rows) {
    if (row.arm !== 'jsonl' && baseline && baseline.runs.length > 0 && row.runs.length > 0) row.ratio = row.ms / baseline.ms;
    if (row.arm === 'postgres' && 'server' in pg) row.server = pg.server;
  }
  return rows;
}

function summarize(arm: LoadArm, records: number, runs: LoadResult[], skipped: string | undefined, error: string | undefined): LoadRow {
  const ms = runs.length > 0 ? median(runs.map((r) => r.ms)) : Number.NaN;
  const peak = runs.reduce<LoadResult | undefined>((top, r) => (top === undefined || r.maxRssBytes > top.maxRssBytes ? r : top), undefined);
  return {
    arm,
    records,
    runs,
    ms,
    rowsPerSecond: (records / ms) * 1000,
    peakRssBytes: peak?.maxRssBytes ?? 0,
    halfwayRssBytes: peak?.halfwayRssBytes ?? 0,
    endRssBytes: peak?.endRssBytes ?? 0,
    startRssBytes: peak?.startRssBytes ?? 0,
    ...(skipped !== undefined ? { skipped } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

/** Arms that ran and failed (a wrong row count included); a skipped arm is not a failure. */
export function loadFailures(rows: readonly LoadRow[] | undefined): string[] {
  return (rows ?? []).filter((r) => r.error !== undefined).map((r) => `${r.arm}: ${r.error ?? ''}`);
}
