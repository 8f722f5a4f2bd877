import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import remapping from '@jridgewell/remapping';
import type { Options } from 'tsup';
import { lazyArrows } from './scripts/build/lazy-arrows';
import { shortLocals } from './scripts/build/short-locals';

/**
 * One build for every package: ESM + CJS from tsup (esbuild), declarations from tsc (`emitDeclarations`), Node 20
 * target. `pnpm build` runs it in every package (turbo, dependencies first).
 */
export function packageBuild(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  const { noExternal = [], esbuildPlugins = [], ...rest } = extra;
  return {
    entry,
    format: ['esm', 'cjs'],
    // tsup's own `dts` bundles one declaration file per entry and format with rollup-plugin-dts: most of the build
    // time (114 s for @cf/mcp alone on a busy 2-core machine). tsc writes them once, after the JavaScript.
    dts: false,
    onSuccess: async () => emitDeclarations(entry),
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
    // Whitespace and syntax only (names stay, for stack traces and `error.name`): a cold start compiles every byte of
    // a module it imports, ~1.4 ms less for core's runtime (docs/benchmarks.md, import cost). Source maps map back.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [compileCheaply],
    ...rest,
    // `@cf/core`, `/zod` and `/internal` reach esbuild (not tsup's externals) so that coreAsOneModule decides.
    noExternal: [CORE_PARTS, ...noExternal],
    esbuildPlugins: [coreAsOneModule, ...esbuildPlugins],
  };
}

type Plugin = NonNullable<Options['esbuildPlugins']>[number];
type OutputPlugin = NonNullable<Options['plugins']>[number];

/**
 * What Node, Deno and Bun load, made cheaper to compile on a cold start (docs/benchmarks.md, import cost):
 * - top-level arrow functions rewritten as function expressions, which V8 compiles lazily
 *   (scripts/build/lazy-arrows.ts). CommonJS too: Node compiles a CommonJS file inside a wrapper function, and its
 *   top-level arrows are still compiled eagerly (1,500 of them: 21–22 ms to `require` as arrows, 14 ms as functions);
 * - parameters and local variables renamed short, every other name kept (scripts/build/short-locals.ts).
 * An output a bundler reads is left alone (core's dist/browser/ passes `plugins: []`): the bundler minifies.
 */
const compileCheaply: OutputPlugin = {
  name: 'compile-cheaply',
  async renderChunk(code, chunk) {
    if (!/\.[cm]?js$/.test(chunk.path)) return undefined;
    // tsup hands plugins ES module code whenever rollup or its CommonJS splitting turns it into CommonJS afterwards.
    const esmNow = this.format === 'esm' || Boolean(this.options.treeshake) || this.splitting === true;
    const sourceType = esmNow ? 'module' : 'script';
    const arrows = lazyArrows(code, { file: chunk.path, sourceType });
    const short = await shortLocals(arrows.code, { file: chunk.path });
    // Composed here rather than by tsup: a position esbuild left unmapped stays unmapped (tsup's composition would
    // name the chunk itself as its source). The result names only the TypeScript sources, so tsup leaves it as is.
    const maps = [short.map, arrows.map.toString(), ...(chunk.map ? [chunk.map as string] : [])];
    return { code: short.code, map: remapping(maps, () => null) };
  },
};

/** The three entry points of core that are parts of one module, `@cf/core/runtime` (packages/core/src/runtime.ts). */
const CORE_PARTS = /^@cf\/core(?:\/zod|\/internal)?$/;

/**
 * In the ESM build, imports of `@cf/core`, `@cf/core/zod` and `@cf/core/internal` become imports of
 * `@cf/core/runtime`, the module the three re-export: a cold `import` then resolves one bare specifier and loads one
 * module of core instead of four (each costs Node's ESM loader ~0.5–1 ms; docs/benchmarks.md, import cost). The
 * names are the same (the runtime exports the union; none collide), so `import * as z from '@cf/core/zod'` still
 * reads zod's functions off the namespace. CommonJS keeps the three specifiers. Always external: core is a
 * dependency, never bundled in.
 */
const coreAsOneModule: Plugin = {
  name: 'core-as-one-module',
  setup(build) {
    // tsup builds CommonJS as ESM first (then converts it); it names the format it is building in this define.
    const esm = build.initialOptions.define?.TSUP_FORMAT === '"esm"';
    build.onResolve({ filter: CORE_PARTS }, (args) => ({ path: esm ? '@cf/core/runtime' : args.path, external: true }));
  },
};

/** A relative module specifier in a declaration file: `from './x.js'`, `import('./x.js')`, `import './x.js'`. */
const RELATIVE_JS = /((?:\bfrom|\bimport)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]*)\.js\2/g;

/**
 * Writes the package's declarations into dist/ with tsc: `dist/<path>.d.ts` for each `src/<path>.ts` the entry points
 * reach (the package's own files; workspace dependencies stay imports of their package names), a `.d.cts` twin of
 * each whose relative imports name `.cjs` files (so `require` consumers get CommonJS declarations all the way down),
 * and for an entry whose name is not its source's path (`zod/index` from `src/schema/zod.ts`) a `dist/<entry>.d.ts`
 * and `.d.cts` that re-export it: every `types` path in package.json's "exports" and "imports" exists.
 */
export function emitDeclarations(entry: Record<string, string>, packageDir = process.cwd()): void {
  const src = join(packageDir, 'src');
  const dist = join(packageDir, 'dist');
  const sources = Object.values(entry).map((file) => resolve(packageDir, file));
  const outside = sources.filter((file) => !file.startsWith(src + sep));
  if (outside.length > 0) throw new Error(`declarations: entry points outside src/: ${outside.join(', ')}`);

  // The package's tsconfig (repository settings, the @cf/source condition), limited to what the entry points reach.
  const configDir = join(packageDir, 'node_modules', '.cache', 'cf-declarations');
  mkdirSync(configDir, { recursive: true });
  const tsconfig = join(configDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: join(packageDir, 'tsconfig.json'),
        // noCheck: declarations only, without checking every function body again (a third of the build's time);
        // `pnpm typecheck` checks the types, and `pnpm release` runs it before publishing.
        compilerOptions: { noCheck: true, noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, sourceMap: false, rootDir: src, outDir: dist },
        include: [],
        files: sources,
      },
      null,
      2,
    ),
  );
  const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', tsconfig], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`declarations: tsc failed in ${packageDir}\n${stdout}${stderr}`);
  }

  for (const file of walk(dist)) {
    if (!file.endsWith('.d.ts')) continue;
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), readFileSync(file, 'utf8').replace(RELATIVE_JS, '$1$2$3.cjs$2'));
  }
  for (const [name, file] of Object.entries(entry)) {
    const emitted = join(dist, relative(src, resolve(packageDir, file)).replace(/\.ts$/, '.d.ts'));
    const stub = join(dist, `${name}.d.ts`);
    if (!existsSync(emitted)) throw new Error(`declarations: tsc wrote no ${relative(packageDir, emitted)} for the entry "${name}"`);
    if (emitted === stub) continue;
    if (existsSync(stub)) throw new Error(`declarations: the entry "${name}" would overwrite ${relative(packageDir, stub)}, the declarations of another source file`);
    let target = relative(dirname(stub), emitted).split(sep).join('/').replace(/\.d\.ts$/, '');
    if (!target.startsWith('.')) target = `./${target}`;
    mkdirSync(dirname(stub), { recursive: true });
    writeFileSync(stub, `export * from '${target}.js';\n`);
    writeFileSync(stub.replace(/\.d\.ts$/, '.d.cts'), `export * from '${target}.cjs';\n`);
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}
