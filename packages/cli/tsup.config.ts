import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.config.base';

// `shims` gives the CJS build `import.meta.url`, which locates the bundled templates and connector sources.
// Dependencies (the connectors, core, msw) stay external: the CLI runs the very packages users install.
// Splitting: each command's dynamic import stays its own chunk, so `cf --help` loads no connector, driver or mock server.
export default defineConfig(packageBuild({ index: 'src/index.ts', bin: 'src/bin.ts' }, { shims: true, splitting: true }));
