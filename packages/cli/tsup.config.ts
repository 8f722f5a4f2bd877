import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// `shims` gives the CJS build `import.meta.url`, which locates the bundled templates and connector sources.
// Dependencies (the connectors, core, msw) stay external: the CLI runs the very packages users install.
export default defineConfig(packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts' }, { shims: true }));
