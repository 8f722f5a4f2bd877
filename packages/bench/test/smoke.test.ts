import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../src/report/results.js';
import { EXTRACTORS, LOAD_ARMS, OVERHEAD_CLIENTS, OVERHEAD_SHAPES } from '../src/workers/task.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const DOC = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
const mtime = async (file: string) => (await stat(file).catch(() => undefined))?.mtimeMs;

/**
 * The benchmarks are not unit tests: this runs their smoke mode (every part, tiny scale, seconds) once, only to
 * prove each part works and reports what it should. It asserts the structure of the results, never speed.
 */
describe('pnpm bench:smoke', () => {
  let dir: string;
  let results: BenchResults;
  let markdown: string;
  let docBefore: number | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-bench-'));
    docBefore = await mtime(DOC);
    await promisify(execFile)(
      join(BENCH_DIR, 'node_modules', '.bin', 'tsx'),
      ['--conditions=@cf/source', 'src/run.ts', '--smoke', '--out', join(dir, 'smoke.md'), '--json', join(dir, 'smoke.json')],
      { cwd: BENCH_DIR, timeout: 90_000 },
    );
    results = JSON.parse(await readFile(join(dir, 'smoke.json'), 'utf8')) as BenchResults;
    markdown = await readFile(join(dir, 'smoke.md'), 'utf8');
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('measures every client at every concurrency, for one record and a page, with non-zero throughput', () => {
    const samples = results.overhead ?? [];
    for (const [shape, concurrency] of OVERHEAD_SHAPES.flatMap((sh) => results.profile.overhead.concurrencies.map((c) => [sh, c] as const))) {
      for (const client of OVERHEAD_CLIENTS) {
        const sample = samples.find((s) => s.client === client && s.concurrency === concurrency && s.shape === shape);
        expect(sample, `${client} at ${concurrency} (${shape})`).toMatchObject({ client, concurrency, shape });
        expect(sample?.error).toBeUndefined();
        expect(sample?.rps).toBeGreaterThan(0);
        expect(sample?.requests).toBeGreaterThan(0);
        expect(sample?.p99Ms).toBeGreaterThanOrEqual(sample?.p50Ms ?? Number.NaN);
      }
    }
  });

  it('extracts every record under each quota and reports the floor and the 429 / THROTTLED count', () => {
    const rows = results.quota ?? [];
    expect(rows.map((r) => r.extractor).sort()).toEqual(['hubspot-ours', 'hubspot-sdk', 'shopify-ours', 'shopify-sdk']);
    for (const row of rows) {
      expect(row.error, row.extractor).toBeUndefined();
      expect(row.received).toBe(row.records);
      expect(row.floorMs).toBeGreaterThan(0);
      expect(row.ratio).toBeGreaterThan(0);
      expect(row.refused).toBeGreaterThanOrEqual(0);
      expect(row.requests).toBeGreaterThanOrEqual(row.refused + 1);
    }
  });

  it('reports the peak RSS of each extract', () => {
    const rows = results.memory ?? [];
    expect(rows.map((r) => r.extractor).sort()).toEqual([...EXTRACTORS].filter((e) => e !== 'shopify-sdk').sort());
    for (const row of rows) {
      expect(row.error, row.extractor).toBeUndefined();
      expect(row.received).toBe(row.records);
      expect(row.peakRssBytes).toBeGreaterThanOrEqual(row.startRssBytes);
      expect(row.startRssBytes).toBeGreaterThan(0);
    }
  });

  it('reports import time and bundle size for our connectors and the official SDKs', () => {
    const rows = results.imports ?? [];
    expect(rows.map((r) => r.name)).toEqual([
      '@cf/connector-frankfurter',
      '@cf/connector-adsb',
      '@cf/connector-openweather',
      '@cf/connector-hubspot',
      '@hubspot/api-client',
      '@cf/connector-shopify',
      '@shopify/admin-api-client',
    ]);
    for (const row of rows) {
      expect(row.error, row.name).toBeUndefined();
      // A figure above bare Node: a few runs on a noisy machine can put a light package within ±noise of zero.
      expect(Number.isFinite(row.coldImportMs)).toBe(true);
      expect(row.importRunsMs).toHaveLength(3);
      expect(row.gzipBytes).toBeGreaterThan(0);
      expect(row.minifiedBytes).toBeGreaterThan(row.gzipBytes);
    }
  });

  it('lands every record through extract-only and sync() (Postgres may be skipped, with the reason, when no server answers)', () => {
    const rows = results.load ?? [];
    expect(rows.map((r) => r.arm)).toEqual([...LOAD_ARMS]);
    for (const row of rows) {
      expect(row.error, row.arm).toBeUndefined();
      if (row.skipped !== undefined) {
        expect(row.arm).toBe('postgres');
        expect(row.skipped).toMatch(/start-postgres\.sh/);
        continue;
      }
      expect(row.runs).toHaveLength(results.profile.load.rounds);
      for (const run of row.runs) {
        expect(run.records).toBe(row.records);
        expect(run.landed).toBe(row.records);
        expect(run.maxRssBytes).toBeGreaterThanOrEqual(run.startRssBytes);
      }
      expect(row.rowsPerSecond).toBeGreaterThan(0);
      if (row.arm !== 'jsonl') expect(row.ratio).toBeGreaterThan(0);
    }
  });

  it('writes the report with the machine header and one table per part, and leaves docs/benchmarks.md alone', async () => {
    expect(markdown).toContain(`| ${results.machine.cpu}`);
    expect(markdown).toContain(results.machine.node);
    expect(markdown).toContain('`pnpm bench:smoke`');
    for (const heading of ['## 1. Overhead', '## 2. Quota efficiency', '## 3. Memory', '## 4. Import cost', '## 5. Loading']) expect(markdown).toContain(heading);
    // A connector with an official SDK: ours − SDK per round, its median and interval; one without: no figure.
    const num = String.raw`[+−-]?\d+\.\d`;
    const built = String.raw`(?: \(from source: not built\))?`;
    expect(markdown).toMatch(new RegExp(String.raw`\| \*\*@cf/connector-shopify\*\*${built} \| ${num} \| ${num} \(${num} … ${num}\) \| browser \|`));
    expect(markdown).toMatch(new RegExp(String.raw`\| \*\*@cf/connector-adsb\*\*${built} \| ${num} \|  \| browser \|`));
    expect(await mtime(DOC)).toBe(docBefore);
  });
});
