import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild(
    {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'conformance/index': 'src/testing/conformance-entry.ts',
      'telemetry/index': 'src/telemetry/index.ts',
      'internal/index': 'src/internal.ts',
    },
    {
      external: ['msw', 'vitest', '@opentelemetry/api'],
      // One copy of each module across the entry points: an error built by `@cf/core/internal`'s `errorForStatus`
      // must be `instanceof` the classes of `@cf/core`, and a breaker from its registry a `CircuitBreaker`.
      splitting: true,
      // The CJS build finds files with __filename; esbuild's warning about an empty import.meta there is moot.
      esbuildOptions: (options) => {
        options.logOverride = { 'empty-import-meta': 'silent' };
      },
    },
  ),
);
