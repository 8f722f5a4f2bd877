import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild(
    {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'conformance/index': 'src/testing/conformance-entry.ts',
      'telemetry/index': 'src/telemetry/index.ts',
    },
    {
      external: ['msw', 'vitest', '@opentelemetry/api'],
      // The CJS build finds files with __filename; esbuild's warning about an empty import.meta there is moot.
      esbuildOptions: (options) => {
        options.logOverride = { 'empty-import-meta': 'silent' };
      },
    },
  ),
);
