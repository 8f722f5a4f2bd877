import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { cliPackageRoot } from '../package-root.js';
import type { RegistryEntry } from '../registry/registry-schema.js';

export const sha256 = (content: Buffer | string): string => createHash('sha256').update(content).digest('hex');

/** Files of a source tree, keyed by `/`-separated relative path; tests (`*.test.ts`) are not part of a copy-in. */
export function readTree(root: string, dir = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(join(root, dir))) return files;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) for (const [path, content] of readTree(root, rel)) files.set(path, content);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) files.set(rel, readFileSync(join(root, rel.split('/').join(sep))));
  }
  return files;
}

/**
 * Where this CLI's copy of a connector's source is: `dist/sources/<name>` in the published package (copied at
 * build time, so `cf add` is pinned to the CLI's version), or the connector's `src/` in this repository.
 */
export function bundledSourceDir(entry: RegistryEntry): string {
  const root = cliPackageRoot();
  const bundled = join(root, 'dist', 'sources', entry.name);
  if (existsSync(bundled)) return bundled;
  return join(root, '..', '..', ...entry.copyIn.source.split('/'));
}

/**
 * Relative imports that leave the copied tree (e.g. `../package.json`): they resolve in the repository but not
 * once the source is copied into a user's project.
 */
export function importsLeavingTree(files: ReadonlyMap<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.ts')) continue;
    for (const match of content.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = posix.normalize(posix.join(posix.dirname(path), match[1] ?? ''));
      if (target.startsWith('../')) out.push(`${path} imports ${match[1] ?? ''}`);
    }
  }
  return out;
}
