// Regenerates registry.json at the repository root from every connector's metadata record.
// `--check` compares instead of writing, and exits 1 when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRegistry, serializeRegistry } from '../src/registry/build-registry.js';

const root = resolve(import.meta.dirname, '../../..');
const file = resolve(root, 'registry.json');
const text = serializeRegistry(await buildRegistry(root));

if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== text) {
    console.error('registry.json is out of date: run `pnpm --filter @cf/cli registry`.');
    process.exit(1);
  }
  console.log('registry.json is up to date.');
} else {
  writeFileSync(file, text);
  const { connectors } = JSON.parse(text) as { connectors: Array<{ name: string; conformance: { compliance: number } | null }> };
  for (const c of connectors) console.log(`${c.name.padEnd(14)} ${c.conformance ? `${c.conformance.compliance}%` : 'no adapter'}`);
  console.log(`wrote ${file}`);
}
