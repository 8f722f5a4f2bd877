import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { BENCH_DIR, CACHE_DIR, REPO_DIR } from '../harness/paths.js';
import { median } from '../harness/stats.js';
import type { Profile } from '../profile.js';

const run = promisify(execFile);

export interface ImportRow {
  name: string;
  ours: boolean;
  /** Median wall time of a fresh `node` process that imports the package, minus the same for an empty module. */
  coldImportMs: number;
  importRunsMs: number[];
  /** The peer this connector's import is compared with (the official SDK of its API), when there is one. */
  peer?: string;
  /** A bundle of one import of the package, everything included, for browsers and workers (minified). */
  minifiedBytes: number;
  gzipBytes: number;
  /** Which platform the bundle was built for: `browser`, or `node` when the package cannot bundle for browsers. */
  bundlePlatform: 'browser' | 'node';
  /** The biggest contributors to the minified bundle: npm packages by name, workspace code as `own code`. */
  largest: Array<{ name: string; bytes: number }>;
  /** Imported from a compile of the sources because the package was not built (`pnpm build`). */
  fromSource?: boolean;
  error?: string;
}

interface Target {
  name: string;
  ours: boolean;
  /** What a user's one-line entry imports. */
  entry: string;
  peer?: string;
}

const connector = (name: string, exported: string, peer?: string): Target => ({
  name: `@cf/connector-${name}`,
  ours: true,
  entry: `export { ${exported} } from '@cf/connector-${name}';`,
  ...(peer ? { peer } : {}),
});

const TARGETS: Target[] = [
  connector('frankfurter', 'FrankfurterConnector'),
  connector('adsb', 'AdsbConnector'),
  connector('openweather', 'OpenWeatherConnector'),
  connector('hubspot', 'HubSpotConnector', '@hubspot/api-client'),
  { name: '@hubspot/api-client', ours: false, entry: "export { Client } from '@hubspot/api-client';" },
  connector('shopify', 'ShopifyConnector', '@shopify/admin-api-client'),
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

/**
 * What a user's bundler makes of a one-line entry: the published builds (dist, as installed), minified. Ours for
 * browsers and workers (`FetchTransport`; undici stays out through core's `#node-transport` import).
 */
export async function bundle(entry: string, platform: 'browser' | 'node', resolveDir = REPO_DIR, fromSource = false): Promise<Bundle> {
  const result = await build({
    stdin: { contents: entry, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    platform,
    format: 'esm',
    target: 'es2022',
    // Not built: compile the sources as `pnpm build` would (see importTarget).
    ...(fromSource ? { conditions: ['@cf/source'], plugins: [withoutZodLocales], external: ['undici'] } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  const sizes = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const workspace = /(?:^|\/)(core|connector-[a-z0-9-]+)\/dist\//.exec(input);
      // core's dist carries zod/mini compiled in (src/schema/zod.ts), so it shows up as @cf/core.
      const name = workspace && !input.includes('node_modules') ? `@cf/${workspace[1]}` : owner(input);
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  const largest = [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return { contents: file.contents, largest };
}

/**
 * The file a user's `import` loads: the built package (`pnpm build`), or the SDK as installed. Without a build (a
 * fresh clone running the smoke test), ours are compiled from source the way `pnpm build` compiles them (zod/mini
 * in, its locale files out, undici left to load on the first request) into one file, and the row says so.
 */
async function importTarget(target: Target, row: ImportRow): Promise<string> {
  if (!target.ours) return import.meta.resolve(target.name);
  if (isBuilt(target)) return pathToFileURL(distOf(target)).href;
  row.fromSource = true;
  const file = join(CACHE_DIR, `import-${process.pid}-${target.name.replace(/[@/]/g, '_')}.mjs`);
  await mkdir(CACHE_DIR, { recursive: true });
  await build({
    stdin: { contents: target.entry, resolveDir: REPO_DIR, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@cf/source'],
    external: ['undici', 'msw'],
    plugins: [withoutZodLocales],
    outfile: file,
    logLevel: 'silent',
  });
  return pathToFileURL(file).href;
}

function distOf(target: Target): string {
  return join(REPO_DIR, 'packages', target.name.replace('@cf/', ''), 'dist', 'index.js');
}

/** The connector and core both built (`pnpm build`). */
function isBuilt(target: Target): boolean {
  return existsSync(distOf(target)) && existsSync(join(REPO_DIR, 'packages', 'core', 'dist', 'index.js'));
}

/** As core's build does (packages/core/tsup.config.ts): zod's index of ~40 locale files compiles to nothing. */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes('/zod/') ? { path: 'zod-locales', namespace: 'cf-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'cf-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Wall time of a whole fresh process that imports `url` (what a CLI call or a cold start pays). */
async function processMs(url: string | undefined): Promise<number> {
  const script = url ? `await import(${JSON.stringify(url)});` : 'await import("data:text/javascript,");';
  const t = performance.now();
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: BENCH_DIR });
  return performance.now() - t;
}

/** Part 4: cold import time above bare Node (fresh processes, interleaved) and bundle size per package. */
export async function benchImportCost(profile: Profile): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const urls = new Map<Target, string>();
  for (const target of TARGETS) {
    const platform = target.name === '@hubspot/api-client' ? 'node' : 'browser';
    const row: ImportRow = { name: target.name, ours: target.ours, coldImportMs: 0, importRunsMs: [], minifiedBytes: 0, gzipBytes: 0, bundlePlatform: platform, largest: [] };
    if (target.peer) row.peer = target.peer;
    try {
      // Ours resolve from the repository root (all five connectors are its dependencies), the SDKs from here.
      const notBuilt = target.ours && !isBuilt(target);
      const minified = await bundle(target.entry, platform, target.ours ? REPO_DIR : BENCH_DIR, notBuilt);
      row.minifiedBytes = minified.contents.byteLength;
      row.gzipBytes = gzipSync(minified.contents).byteLength;
      row.largest = minified.largest;
      urls.set(target, await importTarget(target, row));
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    }
    rows.push(row);
  }
  // Warm the OS file cache, then interleave: each round measures bare Node and every package once, so load
  // on a shared machine hits them alike; a row's figure is its median minus bare Node's median. The order turns by
  // one place each round: in a fixed order each package always followed the same one (the Shopify connector the
  // 50 ms HubSpot SDK), and the one after a heavy import measured ~1 ms slower.
  for (const url of urls.values()) await processMs(url);
  const bare: number[] = [];
  const runs = new Map<Target, number[]>([...urls.keys()].map((t) => [t, []]));
  const order: Array<Target | undefined> = [undefined, ...urls.keys()];
  for (let i = 0; i < profile.imports.runs; i += 1) {
    for (let j = 0; j < order.length; j += 1) {
      const target = order[(i + j) % order.length];
      if (target === undefined) bare.push(await processMs(undefined));
      else runs.get(target)!.push(await processMs(urls.get(target)));
    }
  }
  const bareMs = median(bare);
  for (const row of rows) {
    const target = TARGETS.find((t) => t.name === row.name)!;
    const times = runs.get(target);
    if (!times) continue;
    row.importRunsMs = times.map((t) => t - bareMs);
    row.coldImportMs = median(times) - bareMs;
  }
  return rows;
}
