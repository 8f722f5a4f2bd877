import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The directory of the installed `@cf/cli` package (where `templates/` and, once built, `dist/sources/` live),
 * found from this module whether it runs from `src/` (the workspace) or from the `dist/` bundle.
 */
export function cliPackageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@cf/cli') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the @cf/cli package directory (templates and sources live there).');
    dir = parent;
  }
}
