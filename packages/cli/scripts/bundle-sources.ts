// Build step: copies each registry connector's source into dist/sources/<name>, so the published CLI's
// `cf add` installs exactly the version it was built with (tests excluded, like `cf add` does).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readTree } from '../src/copy-in/source-files.js';
import { loadRegistry } from '../src/registry/registry.js';

const root = resolve(import.meta.dirname, '../../..');
const out = resolve(import.meta.dirname, '../dist/sources');
rmSync(out, { recursive: true, force: true });
for (const entry of loadRegistry().connectors) {
  const files = readTree(join(root, ...entry.copyIn.source.split('/')));
  for (const [path, content] of files) {
    const target = join(out, entry.name, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`dist/sources/${entry.name}: ${files.size} files (${entry.package} ${entry.version})`);
}
