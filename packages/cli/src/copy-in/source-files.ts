import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
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

/**
 * `import`/`export` statements with a `from` (`x`, `{ a, b }` over several lines, `* as x`, `x, { a }`, `type`),
 * side-effect `import 'x'`, and `import('x')`; anchored on the statement, so a comment quoting one is no import.
 */
const SPECIFIERS = [
  /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s*from\s*['"]([^'"]+)['"]/gm,
  /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The package a bare specifier names: `@cf/core` for `@cf/core/zod`, `zod` for `zod/v4/core`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The packages the copied source imports (type-only imports included: they must resolve for the types), in name
 * order, Node's built-ins left out; `mocksOnly` are those imported only under `mocks/` (msw, typically).
 */
export function packagesImported(files: ReadonlyMap<string, Buffer>): { packages: string[]; mocksOnly: string[] } {
  const importers = new Map<string, Set<string>>();
  for (const [path, content] of files) {
    if (!path.endsWith('.ts')) continue;
    const text = content.toString('utf8');
    for (const pattern of SPECIFIERS) {
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1] ?? '';
        if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        const name = packageOf(specifier);
        importers.set(name, (importers.get(name) ?? new Set()).add(path));
      }
    }
  }
  const packages = [...importers.keys()].sort();
  return { packages, mocksOnly: packages.filter((name) => [...(importers.get(name) ?? [])].every((path) => path.startsWith('mocks/'))) };
}
