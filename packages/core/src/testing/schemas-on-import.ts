import { execFileSync } from 'node:child_process';

/** What `schemasBuiltOnImport` counted: zod schemas built by core, by the package's import, and by a control call. */
export interface SchemasBuiltOnImport {
  /** Schemas (and checks) built while core's entry points loaded: not the package's doing. */
  core: number;
  /** Built while the package's `src/index.ts` loaded: should be 0 (issue 18, spec §14). */
  import: number;
  /** Built by one `z.string()` afterwards: above 0, or the counter is dead and a 0 above proves nothing. */
  control: number;
  /** The package's module-level lines that built them. */
  where: string[];
}

/**
 * Runs in a fresh Node process (this one has built schemas already, and shares its module cache with other tests), with
 * the package's TypeScript source through tsx. Counter: zod's `$constructor` (zod/v4/core/core.js) hands every schema
 * and check it builds to `globalThis.__zod_globalConfig.postProcessor` (the hook `zod/compile` uses); core's
 * `config(en())` merges into that object, so a hook installed before anything loads stays. Core's entry points are
 * imported first and not counted: what is counted is what importing this package adds, each with the outermost line
 * of the package's `src/` on its stack (the module-level statement that built it). `z.string()` afterwards must count,
 * or the hook is dead and a zero would prove nothing.
 */
function probe(packageDir: string): string {
  return `
Error.stackTraceLimit = Infinity;
const built = { core: 0, import: 0, control: 0 };
const where = new Set();
let phase = 'core';
const src = ${JSON.stringify(`${packageDir}src/`)};
globalThis.__zod_globalConfig = {
  postProcessor() {
    built[phase] += 1;
    if (phase !== 'import') return;
    const own = new Error().stack.split('\\n').filter((line) => line.includes(src));
    where.add(own.length ? own.at(-1).trim().replace(/^.*?(src\\/[^:)]*:\\d+).*$/, '$1') : 'in core, from no line of this package');
  },
};
await import('@cf/core');
await import('@cf/core/internal');
const z = await import('@cf/core/zod');
phase = 'import';
await import(${JSON.stringify(`${packageDir}src/index.ts`)});
await new Promise((resolve) => setImmediate(resolve));
phase = 'control';
z.string();
console.log(JSON.stringify({ ...built, where: [...where] }));
`;
}

/**
 * Counts the zod schemas a workspace package builds when its main entry is imported, in a fresh Node process with
 * its TypeScript source through tsx (workspace tests only: needs tsx and the `@cf/source` condition).
 * `packageDir` ends with a slash.
 */
export function schemasBuiltOnImport(packageDir: string): SchemasBuiltOnImport {
  const out = execFileSync(process.execPath, ['--conditions=@cf/source', '--import', 'tsx', '--input-type=module', '-e', probe(packageDir)], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as SchemasBuiltOnImport;
}
