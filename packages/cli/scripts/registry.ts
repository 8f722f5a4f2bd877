// Regenerates the registry from every connector's metadata record and source: registry.json at the repository root
// (ours: `cf add`, `cf list`) and the shadcn-format registry in registry/shadcn/ (`npx shadcn add <url>`).
// `--check` compares instead of writing, and exits 1 when a file is out of date.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildRegistryFiles, staleRegistryFiles } from '../src/registry/build-registry.js';

const root = resolve(import.meta.dirname, '../../..');
const files = await buildRegistryFiles(root);
const stale = staleRegistryFiles(root, files);

if (process.argv.includes('--check')) {
  if (stale.length > 0) {
    console.error(`The registry is out of date: run \`pnpm registry\`.\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`The registry is up to date (${[...files.keys()].join(', ')}).`);
} else {
  for (const line of stale) if (line.endsWith('(not generated)')) rmSync(join(root, line.slice(0, -' (not generated)'.length)));
  for (const [path, text] of files) {
    const file = join(root, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const { connectors } = JSON.parse(files.get('registry.json') ?? '{}') as { connectors: Array<{ name: string; conformance: { compliance: number } | null }> };
  for (const c of connectors) console.log(`${c.name.padEnd(14)} ${c.conformance ? `${c.conformance.compliance}%` : 'no adapter'}`);
  console.log(`wrote ${[...files.keys()].join(', ')}`);
}
