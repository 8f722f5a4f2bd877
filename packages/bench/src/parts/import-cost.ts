import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { NPM_EXTERNALS } from '../harness/build.js';
import { BENCH_DIR, CACHE_DIR } from '../harness/paths.js';
import { median } from '../harness/stats.js';
import type { Profile } from '../profile.js';

const run = promisify(execFile);

export interface ImportRow {
  name: string;
  ours: boolean;
  /** Median time of `await import()` in a fresh Node process. */
  coldImportMs: number;
  importRunsMs: number[];
  /** A bundle of one import of the package, everything included (platform node, minified). */
  minifiedBytes: number;
  gzipBytes: number;
  /** The biggest contributors to the minified bundle: npm packages by name, workspace code as `own code`. */
  largest: Array<{ name: string; bytes: number }>;
  error?: string;
}

interface Target {
  name: string;
  ours: boolean;
  /** What a user's one-line entry imports. */
  entry: string;
}

const TARGETS: Target[] = [
  { name: '@cf/connector-hubspot', ours: true, entry: "export { HubSpotConnector } from '@cf/connector-hubspot';" },
  { name: '@hubspot/api-client', ours: false, entry: "export { Client } from '@hubspot/api-client';" },
  { name: '@cf/connector-shopify', ours: true, entry: "export { ShopifyConnector } from '@cf/connector-shopify';" },
  { name: '@shopify/admin-api-client', ours: false, entry: "export { createAdminApiClient } from '@shopify/admin-api-client';" },
];


interface Bundle {
  contents: Uint8Array;
  largest: ImportRow['largest'];
}

/** `node_modules/.pnpm/x/node_modules/@scope/name/lib/a.js` → `@scope/name`; anything else is ours. */
function owner(input: string): string {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? 'own code';
}

async function bundle(target: Target, options: { minify: boolean; external: string[] }): Promise<Bundle> {
  const result = await build({
    stdin: { contents: target.entry, resolveDir: BENCH_DIR, loader: 'js' },
    bundle: true,
    minify: options.minify,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@cf/source'],
    external: options.external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${target.name}`);
  const sizes = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) sizes.set(owner(input), (sizes.get(owner(input)) ?? 0) + bytesInOutput);
  }
  const largest = [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return { contents: file.contents, largest };
}

/**
 * The module a user's `import` loads: the SDKs as installed; ours compiled from source into one ESM file (core
 * and connector, as their dist builds would be) that imports zod and undici from node_modules like the real thing.
 */
async function importUrl(target: Target, dir: string): Promise<string> {
  if (!target.ours) return import.meta.resolve(target.name);
  const file = join(dir, `${target.name.replace(/[@/]/g, '_')}.mjs`);
  await writeFile(file, (await bundle(target, { minify: false, external: NPM_EXTERNALS })).contents);
  return pathToFileURL(file).href;
}

async function coldImportMs(url: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: BENCH_DIR });
  return Number(stdout);
}

/** Part 4: cold import time (fresh process each run) and bundled size per package. */
export async function benchImportCost(profile: Profile): Promise<ImportRow[]> {
  const dir = join(CACHE_DIR, `import-${process.pid}`);
  await mkdir(dir, { recursive: true });
  try {
    return await measureAll(profile, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measureAll(profile: Profile, dir: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (const target of TARGETS) {
    const row: ImportRow = { name: target.name, ours: target.ours, coldImportMs: 0, importRunsMs: [], minifiedBytes: 0, gzipBytes: 0, largest: [] };
    try {
      const minified = await bundle(target, { minify: true, external: [] });
      row.minifiedBytes = minified.contents.byteLength;
      row.gzipBytes = gzipSync(minified.contents).byteLength;
      row.largest = minified.largest;
      const url = await importUrl(target, dir);
      await coldImportMs(url); // fills the OS file cache, so every measured run starts from the same place
      for (let i = 0; i < profile.imports.runs; i += 1) row.importRunsMs.push(await coldImportMs(url));
      row.coldImportMs = median(row.importRunsMs);
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    }
    rows.push(row);
  }
  return rows;
}
