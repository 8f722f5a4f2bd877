import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(
  packageBuild(
    { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts', 'conformance/index': 'src/testing/conformance-entry.ts' },
    { external: ['msw', 'vitest'] },
  ),
);
