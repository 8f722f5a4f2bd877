import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

export default defineConfig(packageBuild({ index: 'src/index.ts', 'mocks/index': 'src/mocks/index.ts' }, { external: ['msw', '@cf/core'] }));
