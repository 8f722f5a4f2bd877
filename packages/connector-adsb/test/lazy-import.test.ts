import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs in a fresh Node process (this one has built schemas already, and shares its module cache with other tests), with
 * the package's TypeScript source through tsx. Counter: zod's `$constructor` (zod/v4/core/core.js) hands every schema
 * and check it builds to `globalThis.__zod_globalConfig.postProcessor` (the hook `zod/compile` uses); core's
 * `config(en())` merges into that object, so a hook installed before anything loads stays. Core's entry points are
 * imported first and not counted: what is counted is what importing this package adds, each with the outermost line
 * of the package's `src/` on its stack (the module-level statement that built it). `z.string()` afterwards must count,
 * or the hook is dead and a zero would prove nothing.
 */
const PROBE = `
Error.stackTraceLimit = Infinity;
const built = { core: 0, import: 0, control: 0 };
const where = new Set();
let phase = 'core';
const src = ${JSON.stringify(`${PACKAGE_DIR}src/`)};
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
await import(${JSON.stringify(`${PACKAGE_DIR}src/index.ts`)});
await new Promise((resolve) => setImmediate(resolve));
phase = 'control';
z.string();
console.log(JSON.stringify({ ...built, where: [...where] }));
`;

describe('cold import', () => {
  it('builds no zod schema: every module-level schema is a z.lazySchema, built on first use (issue 18)', () => {
    const out = execFileSync(process.execPath, ['--conditions=@cf/source', '--import', 'tsx', '--input-type=module', '-e', PROBE], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const result = JSON.parse(out) as { core: number; import: number; control: number; where: string[] };
    expect(result.control, 'the counter is live: z.string() after the import was counted').toBeGreaterThan(0);
    expect(result.where, 'where schemas were built on import').toEqual([]);
    expect(result.import).toBe(0);
  }, 60_000);
});
