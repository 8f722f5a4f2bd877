import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export interface BrowserBundleSize {
  /** The minified ESM bundle, everything included. */
  minifiedBytes: number;
  /** The same bytes gzipped (zlib's default level, what a CDN or web server sends). */
  gzipBytes: number;
  /** The biggest contributors to the minified bundle: npm packages by name, workspace code as `own code`. */
  largest: Array<{ name: string; bytes: number }>;
  /** Every module in the bundle (paths as esbuild names them), to check what must stay out (undici, `node:*`). */
  inputs: string[];
}

export interface BrowserBundleOptions {
  /** Where the entry's imports resolve from (a directory whose node_modules holds the packages). */
  resolveDir: string;
  /**
   * Compile the workspace packages from their TypeScript source (`@cf/source`) instead of their `dist` builds.
   * core's `#node-transport` then resolves to `src/http/no-node-transport.ts`, as its `browser` condition does
   * for the built package (`@cf/source` comes first in core's `imports`, so the condition alone would pick Node's).
   * @default false
   */
  source?: boolean;
  /** Keep class and function names (what a bundle that reads `constructor.name` needs). @default false */
  keepNames?: boolean;
}

/** `node_modules/.pnpm/x/node_modules/@scope/name/lib/a.js` → `@scope/name`; anything else is ours. */
function owner(input: string): string {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? 'own code';
}

/** From source, `#node-transport` is core's browser stub, as the built package's `browser` condition maps it. */
function browserNodeTransport(resolveDir: string): Plugin {
  return {
    name: 'cf-browser-node-transport',
    setup(b) {
      b.onResolve({ filter: /^#node-transport$/ }, () => {
        const core = dirname(createRequire(join(resolveDir, 'noop.js')).resolve('@cf/core/package.json'));
        return { path: join(core, 'src', 'http', 'no-node-transport.ts') };
      });
    },
  };
}

/**
 * The size of `entry` (an ES module's source, e.g. `export { HubSpotConnector } from '@cf/connector-hubspot'`)
 * bundled for a browser as a user's bundler would: platform browser (its `browser` export conditions, no Node
 * built-ins: an import of `node:*` fails the build), ESM, tree-shaken, minified, then gzipped.
 */
export async function browserBundleSize(entry: string, options: BrowserBundleOptions): Promise<BrowserBundleSize> {
  const result = await build({
    stdin: { contents: entry, resolveDir: options.resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    keepNames: options.keepNames ?? false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    ...(options.source ? { conditions: ['@cf/source'], plugins: [browserNodeTransport(options.resolveDir)] } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle');
  const sizes = new Map<string, number>();
  const inputs = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      inputs.add(input);
      sizes.set(owner(input), (sizes.get(owner(input)) ?? 0) + bytesInOutput);
    }
  }
  return {
    minifiedBytes: file.contents.byteLength,
    gzipBytes: gzipSync(file.contents).byteLength,
    largest: [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 3),
    inputs: [...inputs].sort(),
  };
}
