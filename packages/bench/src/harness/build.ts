import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CACHE_DIR, SRC_DIR } from './paths.js';

/**
 * Packages left to Node's resolution at run time (from packages/bench/node_modules), as in a published install.
 * The database drivers are native or CommonJS and are loaded by `@cf/load` only when a destination opens
 * (`@clickhouse/client` is not installed here: `@cf/load` imports it only for a ClickHouse destination).
 */
export const NPM_EXTERNALS = [
  '@hubspot/api-client',
  '@shopify/admin-api-client',
  'undici',
  'zod',
  'msw',
  'esbuild',
  '@duckdb/node-api',
  'pg',
  'pg-copy-streams',
  '@clickhouse/client',
];

/** What the bench runs in child processes. */
export const ENTRIES = {
  'worker-main': 'workers/worker-main.ts',
  'hubspot-server': 'servers/hubspot-server.ts',
  'shopify-server': 'servers/shopify-server.ts',
} as const;
export type Entry = keyof typeof ENTRIES;

let built: Promise<string> | undefined;

/**
 * Compiles the child-process entries (and the workspace packages they import, from source) into plain ES
 * modules, once per run, so workers run without a TypeScript loader: its transform cache and source maps would
 * otherwise sit in the memory being measured, and only on the side of the packages compiled from source.
 */
function buildOnce(): Promise<string> {
  built ??= (async () => {
    const outdir = join(CACHE_DIR, `build-${process.pid}`);
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(SRC_DIR, file)])),
      outdir,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@cf/source'],
      external: NPM_EXTERNALS,
      logLevel: 'warning',
    });
    return outdir;
  })();
  return built;
}

export async function entryFile(entry: Entry): Promise<string> {
  return join(await buildOnce(), `${entry}.js`);
}

/** Removes this run's build. */
export async function cleanBuild(): Promise<void> {
  if (!built) return;
  const dir = await built.catch(() => undefined);
  built = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
}
