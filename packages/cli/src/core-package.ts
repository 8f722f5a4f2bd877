import { createRequire } from 'node:module';

/**
 * The `@cf/core` this CLI runs with (the one its templates and bundled connector sources are written against):
 * its version, and the zod range it depends on. Connectors import zod's API from `@cf/core/zod`, but the types
 * of their schemas come from the `zod` package, so a connector that names them depends on zod in core's range.
 * `peerRanges`: core's peer dependencies (msw for the mocks, vitest for the testing kit), as core declares them.
 */
export function corePackage(): { version: string; zodRange: string; peerRanges: Record<string, string> } {
  const manifest = createRequire(import.meta.url)('@cf/core/package.json') as {
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const zodRange = manifest.dependencies?.zod;
  if (zodRange === undefined) throw new Error('@cf/core/package.json has no zod dependency: the CLI takes the range connectors need from there.');
  return { version: manifest.version, zodRange, peerRanges: manifest.peerDependencies ?? {} };
}
