import { corePackage } from '../core-package.js';
import { packagesImported } from './source-files.js';

/** A package a copied-in connector imports, to add to your project's dependencies. */
export interface CopyInDependency {
  /** The package's name (`@cf/core`, `zod`, `msw`). */
  name: string;
  /** The range the copy is written against, when the CLI knows it (`@cf/core`, `zod`). */
  range: string | undefined;
  /** Imported only by `mocks/`: needed to serve the mocks, not by the client. */
  mocksOnly: boolean;
}

/**
 * The packages a copied connector imports, for the project's dependencies: `@cf/core` at `^` the version this CLI
 * runs with, `zod` in core's range, anything else (msw, imported by the mocks only) without a range.
 */
export function copyInDependencies(files: ReadonlyMap<string, Buffer>): CopyInDependency[] {
  const { packages, mocksOnly } = packagesImported(files);
  const core = corePackage();
  const ranges: Record<string, string> = { '@cf/core': `^${core.version}`, zod: core.zodRange };
  return packages.map((name) => ({ name, range: ranges[name], mocksOnly: mocksOnly.includes(name) }));
}
