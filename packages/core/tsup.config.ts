import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { defineConfig, type Options } from 'tsup';
import { emitDeclarations, packageBuild } from '../../tsup.config.base';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * zod's entry points re-export all ~40 locale files (`export * as locales`); core sets English itself
 * (src/schema/zod.ts), so the index of locales compiles to an empty module: ~250 KB less to load.
 */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${'/'}zod${'/'}`) ? { path: 'zod-locales', namespace: 'cf-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'cf-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Every entry point; the JavaScript layout differs by format (below), the declarations do not. */
const ENTRIES = {
  index: 'src/index.ts',
  'zod/index': 'src/schema/zod.ts',
  'internal/index': 'src/internal.ts',
  runtime: 'src/runtime.ts',
  'testing/index': 'src/testing/index.ts',
  'conformance/index': 'src/testing/conformance-entry.ts',
  'telemetry/index': 'src/telemetry/index.ts',
  // `#node-transport` (package.json "imports"): Node gets undici, browsers and workers the stub, so undici and
  // node:zlib never enter their bundles. The ESM runtimes compile the right one in; CommonJS loads it.
  'node-transport/index': 'src/http/node-transport.ts',
  'no-node-transport/index': 'src/http/no-node-transport.ts',
};

/** `@cf/core`, `@cf/core/zod` and `@cf/core/internal`: thin re-exports of `runtime.js` in the ESM build. */
const RUNTIME_PARTS = ['index', 'zod/index', 'internal/index'] as const;

const EXTERNAL = ['msw', 'vitest', '@opentelemetry/api', '#node-transport', 'undici'];

const common: Partial<Options> = {
  external: EXTERNAL,
  // zod's runtime is compiled in (see src/schema/zod.ts): one file instead of ~100, and no locale files.
  noExternal: [/^zod/],
  esbuildPlugins: [withoutZodLocales],
  clean: false,
  // Declarations are written once, by the runtime's build (below).
  onSuccess: async () => undefined,
  // The CJS build finds files with __filename; esbuild's warning about an empty import.meta there is moot.
  esbuildOptions: (options) => {
    options.logOverride = { 'empty-import-meta': 'silent' };
  },
};

/** Source files compiled outside the runtime module in the ESM build: the test kits and telemetry. */
const OUTSIDE_RUNTIME = /[\\/]src[\\/](?:testing|telemetry)[\\/]/;

/**
 * In the ESM build of the kits and telemetry, an import of any core module that lives in the runtime becomes an
 * import of the runtime module itself (`specifier`), so there is one copy of each class: an error a kit throws is
 * `instanceof` the classes of `@cf/core`. Every name so imported must be one the runtime exports
 * (`checkRuntimeImports` fails the build otherwise).
 */
function intoRuntime(specifier: string): Plugin {
  return {
    name: 'into-runtime',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!OUTSIDE_RUNTIME.test(args.importer)) return undefined;
        const target = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        return OUTSIDE_RUNTIME.test(target) ? undefined : { path: specifier, external: true };
      });
    },
  };
}

/** The names a source entry point exports, from an esbuild bundle of it (nothing written). */
async function exportedNames(file: string): Promise<string[]> {
  const result = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', outdir: 'out', external: EXTERNAL, plugins: [withoutZodLocales], logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error(`core build: no output for ${file}`);
  return output.exports;
}

/**
 * Fails the build when a built file imports from `@cf/core/runtime` a name the runtime does not export (a kit
 * reaching for a core helper that none of index, zod and internal exports): Node would refuse to link it.
 */
async function checkRuntimeImports(): Promise<void> {
  const exported = new Set(await exportedNames(ENTRIES.runtime));
  const statement = /\b(?:import|export)\s*\{([^}]*)\}\s*from\s*['"]@cf\/core\/runtime['"]/g;
  const missing: string[] = [];
  for (const file of walk('dist')) {
    if (!file.endsWith('.js')) continue;
    for (const [, names = ''] of readFileSync(file, 'utf8').matchAll(statement)) {
      for (const name of names.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter(Boolean)) {
        if (!exported.has(name)) missing.push(`${file}: ${name}`);
      }
    }
  }
  if (missing.length > 0) throw new Error(`core build: imports from @cf/core/runtime that it does not export:\n${missing.join('\n')}`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Writes dist/index.js, dist/zod/index.js and dist/internal/index.js as re-exports of the runtime module. */
async function writeRuntimeParts(): Promise<void> {
  for (const name of RUNTIME_PARTS) {
    const file = ENTRIES[name];
    const names = await exportedNames(file);
    const from = name === 'index' ? './runtime.js' : '../runtime.js';
    writeFileSync(join('dist', `${name}.js`), `// ${file}: the module is dist/runtime.js (see src/runtime.ts).\nexport { ${names.join(', ')} } from '${from}';\n`);
  }
}

/**
 * `#node-transport` compiled in: `node` (undici, loaded on the first request) for Node, Deno and Bun; `browser` (the
 * stub) for browsers and workers, as package.json's conditions pick for `#node-transport`.
 */
function transportInside(kind: 'node' | 'browser'): Plugin {
  const file = join(process.cwd(), 'src', 'http', kind === 'node' ? 'node-transport.ts' : 'no-node-transport.ts');
  return {
    name: `transport-inside-${kind}`,
    setup(b) {
      b.onResolve({ filter: /^#node-transport$/ }, () => ({ path: file }));
    },
  };
}

export default defineConfig((cli) => {
  // `pnpm api:check` asks for declarations only (tsup's own, which API Extractor reads): one config, the entries
  // it reports on.
  if (typeof cli.dts === 'object' && cli.dts.only) {
    const { runtime: _runtime, ...reported } = ENTRIES;
    return packageBuild(reported, { ...common, splitting: true, clean: true });
  }
  rmSync('dist', { recursive: true, force: true });
  const runtimeBuild = { ...common, format: ['esm'] as Options['format'] & string[], external: EXTERNAL.filter((e) => e !== '#node-transport') };
  return [
    // ESM: the runtime (index + zod + internal + the transport) as one module; then the three entry points as
    // re-exports of it, and the declarations of every entry.
    packageBuild({ runtime: ENTRIES.runtime }, {
      ...runtimeBuild,
      esbuildPlugins: [withoutZodLocales, transportInside('node')],
      onSuccess: async () => {
        await writeRuntimeParts();
        emitDeclarations(ENTRIES);
      },
    }),
    // ESM for browsers and workers (package.json's `browser`, `worker`, `workerd`, `edge-light` conditions): what
    // bundlers see. Module count costs a bundle nothing, so the entry points share chunks as tsup splits them.
    packageBuild(
      { 'browser/index': ENTRIES.index, 'browser/zod/index': ENTRIES['zod/index'], 'browser/internal/index': ENTRIES['internal/index'], 'browser/runtime': ENTRIES.runtime },
      // Not minified: a bundler minifies anyway, and esbuild's syntax minification here (merged declarations) would
      // keep code the bundle's tree-shaking drops otherwise.
      {
        ...runtimeBuild,
        splitting: true,
        minifyWhitespace: false,
        minifySyntax: false,
        // Nor made cheaper to compile (tsup.config.base.ts, compileCheaply): the bundler decides.
        plugins: [],
        esbuildPlugins: [withoutZodLocales, transportInside('browser')],
        // Its chunks in dist/browser/ too: everything a browser bundle takes from core is under that folder.
        esbuildOptions: (options) => {
          common.esbuildOptions?.(options, { format: 'esm' });
          options.chunkNames = 'browser/[name]-[hash]';
        },
      },
    ),
    // ESM: the test kits and telemetry (shared chunks between them), importing the runtime by the package's name.
    packageBuild(
      { 'testing/index': ENTRIES['testing/index'], 'conformance/index': ENTRIES['conformance/index'], 'telemetry/index': ENTRIES['telemetry/index'] },
      { ...common, format: ['esm'], splitting: true, esbuildPlugins: [withoutZodLocales, intoRuntime('@cf/core/runtime')], onSuccess: checkRuntimeImports },
    ),
    // CommonJS: every entry, shared chunks (one copy of each module across the entry points).
    packageBuild(ENTRIES, { ...common, format: ['cjs'], splitting: true }),
  ];
});
