import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * What `cf` loads before it knows the command: the static import graph of src/bin.ts, as a bundler splits it
 * (each command's `import()` is its own chunk). `cf --help`, a typo or `cf list` must not load the connectors,
 * @cf/load's database drivers or msw: that was most of its start-up time.
 */
async function packagesLoadedAtStart(): Promise<string[]> {
  const result = await build({
    entryPoints: [`${SRC}bin.ts`],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    conditions: ['@cf/source'],
    outdir: '/virtual-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint?.endsWith('bin.ts'));
  const seen = new Set<string>();
  const external = new Set<string>();
  const stack = entry ? [entry] : [];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const i of outputs[name]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) external.add(i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : (i.path.split('/')[0] ?? i.path));
      else stack.push(i.path);
    }
  }
  return [...external].filter((name) => !name.startsWith('node:')).sort();
}

describe('cf starts light', () => {
  it('loads only commander and @cf/core before a command runs; each command imports its own code', async () => {
    expect(await packagesLoadedAtStart()).toEqual(['@cf/core', 'commander']);
  }, 30_000);
});
